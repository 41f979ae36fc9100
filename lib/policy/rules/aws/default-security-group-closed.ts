import { fail, pass, type Rule } from '../../engine/rule';
import { refersTo } from '../../engine/values';
import { groupPermissions } from './private/security-group-rules';

/** CKV2_AWS_12; NIST.800.53.R5-VPCDefaultSecurityGroupClosed. */
export const defaultSecurityGroupClosed: Rule = {
  id: 'HMS-VPC-4',
  appliesTo: ['aws_vpc'],
  summary: "The VPC's default security group has no rules",
  rationale: 'Resources launched without a group land in the default one, which allows traffic among its members (SC-7, AC-4).',
  fix: 'Adopt it with an aws_default_security_group for this VPC with no ingress or egress blocks, and attach no aws_security_group_rule or aws_vpc_security_group_*_rule to it.',
  check(r, ctx) {
    const adopted = ctx.resourcesOf('aws_default_security_group').find((g) => refersTo(g.values.vpc_id, r.address));
    if (!adopted) return fail('the default security group is not adopted, so it keeps its default rules');
    // Inline blocks and standalone rule resources attached to the default group alike.
    const rules = groupPermissions(adopted, ctx).length;
    return rules === 0 ? pass : fail(`the default security group has ${rules} rule(s)`);
  },
};
