import { fail, pass, type Rule } from '../../engine/rule';
import { blocks, isSet } from '../../engine/values';
import { SECURITY_GROUP_TYPES } from './private/security-group-rules';

/** AwsSolutions-EC27. */
export const securityGroupDescription: Rule = {
  id: 'HMS-SG-4',
  publicChecks: ['CKV_AWS_23', 'AVD-AWS-0099', 'AVD-AWS-0124'],
  appliesTo: [...SECURITY_GROUP_TYPES, 'aws_default_security_group'],
  summary: 'Security groups and their rules say what they are for',
  rationale: 'Reviewers must be able to tell why a path is open (CM-6, CM-8).',
  fix: 'Set description on the group, on every ingress and egress block, and on every standalone rule resource.',
  check(r) {
    if (r.type !== 'aws_security_group' && r.type !== 'aws_default_security_group') return isSet(r.values.description) ? pass : fail('the rule has no description');
    // The provider's default group description, "Managed by Terraform", says nothing; the default group's is AWS's own.
    if (r.type === 'aws_security_group' && !isSet(r.values.description)) return fail('the group has no description');
    const bare = [...blocks(r.values, 'ingress'), ...blocks(r.values, 'egress')].filter((b) => !isSet(b.description));
    return bare.length === 0 ? pass : fail(`${bare.length} rule(s) have no description`);
  },
};
