import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { policyDocuments, statementsOf } from './private/iam-statements';

/** NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess; CKV_AWS_62, CKV_AWS_63, CKV2_AWS_40. */
export const iamPolicyNoAdmin: Rule = {
  id: 'HMS-IAM-1',
  appliesTo: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'],
  summary: 'No policy allows every action on every resource',
  rationale: '"*" on "*" is full administrator access (AC-6, AC-6(10)).',
  fix: 'List the actions and resources the principal needs.',
  check(r) {
    for (const { raw, doc } of policyDocuments(r.values)) {
      if (!doc) {
        if (isUnresolved(raw)) return unknown('the policy is not known from the configuration', raw);
        continue;
      }
      const admin = statementsOf(doc).some((s) => s.allow && !s.notAction && s.actions.includes('*') && s.resources.includes('*'));
      if (admin) return fail('a statement allows Action "*" on Resource "*"');
    }
    return pass;
  },
};
