import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isObject, isUnresolved, parseJson } from '../../engine/values';

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess. */
export const iamPolicyNoAdmin: Rule = {
  id: 'HMS-IAM-1',
  appliesTo: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'],
  summary: 'No policy allows every action on every resource',
  rationale: '"*" on "*" is full administrator access (AC-6, AC-6(10)).',
  fix: 'List the actions and resources the principal needs.',
  check(r) {
    const doc = parseJson(r.values.policy);
    if (!isObject(doc)) return isUnresolved(r.values.policy) ? unknown('the policy is not known from the configuration', r.values.policy) : pass;
    const admin = asList(doc.Statement).some(
      (s) => isObject(s) && s.Effect === 'Allow' && asList(s.Action).includes('*') && asList(s.Resource).includes('*'),
    );
    return admin ? fail('a statement allows Action "*" on Resource "*"') : pass;
  },
};
