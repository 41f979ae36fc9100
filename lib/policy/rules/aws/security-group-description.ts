import { fail, pass, type Rule } from '../../engine/rule';
import { blocks, isSet } from '../../engine/values';

/** CKV_AWS_23; AwsSolutions-EC27. */
export const securityGroupDescription: Rule = {
  id: 'HMS-SG-4',
  appliesTo: ['aws_security_group'],
  summary: 'Security groups and their rules say what they are for',
  rationale: 'Reviewers must be able to tell why a path is open (CM-6, CM-8).',
  fix: 'Set description on the group and on every ingress and egress block.',
  check(r) {
    if (!isSet(r.values.description)) return fail('the group has no description');
    const bare = [...blocks(r.values, 'ingress'), ...blocks(r.values, 'egress')].filter((b) => !isSet(b.description));
    return bare.length === 0 ? pass : fail(`${bare.length} rule(s) have no description`);
  },
};
