import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { policyDocuments, statementsOf } from './private/iam-statements';

const IAM_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'];

/** CKV_AWS_290, CKV_AWS_355, CKV_AWS_288; NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess; AwsSolutions-IAM5. */
export const iamPolicyNoWildcardActions: Rule = {
  id: 'HMS-IAM-2',
  appliesTo: IAM_TYPES,
  summary: 'Policies grant no wildcard actions (service:* or *) and no NotAction',
  rationale: 'A wildcard grants every present and future action of a service (AC-6, AC-6(10)).',
  fix: 'List the actions the principal needs, e.g. s3:GetObject instead of s3:*.',
  check(r) {
    for (const { raw, doc } of policyDocuments(r.values)) {
      if (!doc) {
        if (isUnresolved(raw)) return unknown('the policy is not known from the configuration', raw);
        continue;
      }
      const wide = statementsOf(doc).find((s) => s.allow && (s.notAction || s.actions.some((a) => a === '*' || a.endsWith(':*'))));
      if (wide) return fail(`a statement allows ${wide.notAction ? 'every action but NotAction' : wide.actions.filter((a) => a === '*' || a.endsWith(':*')).join(', ')}`);
    }
    return pass;
  },
};
