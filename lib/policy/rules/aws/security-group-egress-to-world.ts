import { type Rule } from '../../engine/rule';
import { groupPermissions, permissionsOf, SECURITY_GROUP_TYPES } from './private/security-group-rules';
import { openToInternet } from './security-group-admin-ports';

export const securityGroupEgressToWorld: Rule = {
  id: 'HMS-SG-3',
  publicChecks: ['CKV_AWS_382', 'AVD-AWS-0104'],
  appliesTo: SECURITY_GROUP_TYPES,
  summary: 'No unrestricted egress to the internet',
  rationale: 'Deny by default, allow by exception, for outbound traffic too (SC-7(5), AC-4).',
  fix: 'Remove the 0.0.0.0/0 egress rule; allow the destinations workloads need.',
  check: (r, ctx) => openToInternet(permissionsOf(r, ctx), groupPermissions(r, ctx), 'egress', 'all', 'all egress'),
};
