import { pass, type Rule } from '../../engine/rule';
import { groupPermissions, permissionsOf, SECURITY_GROUP_TYPES } from './private/security-group-rules';
import { openToInternet } from './security-group-admin-ports';

export const securityGroupHttpFromWorld: Rule = {
  id: 'HMS-SG-2',
  publicChecks: ['CKV_AWS_260'],
  appliesTo: SECURITY_GROUP_TYPES,
  summary: 'No plain HTTP (port 80) from the internet',
  rationale: 'Unencrypted HTTP exposes data in transit (SC-8, SC-7).',
  fix: 'Serve HTTPS on 443 from named networks; redirect at a load balancer if needed.',
  check(r, ctx) {
    const own = permissionsOf(r, ctx);
    const group = groupPermissions(r, ctx);
    // Every port open is HMS-SG-1's finding; this rule is about port 80 opened on its own.
    if (openToInternet(own, group, 'ingress', 'all', 'every port').status === 'fail') return pass;
    return openToInternet(own, group, 'ingress', 80, 'port 80');
  },
};
