import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { groupPermissions } from './private/security-group-rules';

/** NIST.800.53.R5-VPCDefaultSecurityGroupClosed. */
export const defaultSecurityGroupClosed: Rule = {
  id: 'HMS-VPC-4',
  publicChecks: ['CKV2_AWS_12'],
  appliesTo: ['aws_vpc'],
  summary: "The VPC's default security group has no rules",
  rationale: 'Resources launched without a group land in the default one, which allows traffic among its members (SC-7, AC-4).',
  fix: 'Adopt it with an aws_default_security_group for this VPC with no ingress or egress blocks, and attach no aws_security_group_rule or aws_vpc_security_group_*_rule to it.',
  check(r, ctx) {
    const adopted = ctx.referencing('aws_default_security_group', 'vpc_id', r)[0];
    if (!adopted) {
      const undecided = ctx.undecided('aws_default_security_group', 'vpc_id');
      return undecided.length > 0 ? unknown('a default security group whose VPC is not known from the configuration may be this one', undecided.map((g) => g.values.vpc_id)) : fail('the default security group is not adopted, so it keeps its default rules');
    }
    // Inline blocks and standalone rule resources attached to the default group alike.
    const rules = groupPermissions(adopted, ctx).length;
    return rules === 0 ? pass : fail(`the default security group has ${rules} rule(s)`);
  },
};
