import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { IDENTITY_POLICY_TYPES, policyDocuments } from './private/iam-statements';

/** NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess. */
export const iamPolicyNoAdmin: Rule = {
  id: 'HMS-IAM-1',
  publicChecks: ['CKV_AWS_62', 'CKV_AWS_63'],
  appliesTo: IDENTITY_POLICY_TYPES,
  summary: 'No policy allows every action on every resource',
  rationale: '"*" on "*" is full administrator access (AC-6, AC-6(10)).',
  fix: 'List the actions and resources the principal needs.',
  check(r, ctx) {
    for (const { raw, doc, statements } of policyDocuments(r, ctx)) {
      if (!doc) {
        if (isUnresolved(raw)) return unknown('the policy is not known from the configuration', raw);
        continue;
      }
      const admin = statements.some((s) => s.allow && !s.notAction && s.actions.includes('*') && s.resources.includes('*'));
      if (admin) return fail('a statement allows Action "*" on Resource "*"');
    }
    return pass;
  },
};
