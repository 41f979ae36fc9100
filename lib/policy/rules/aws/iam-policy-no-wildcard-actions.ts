import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { IDENTITY_POLICY_TYPES, policyDocuments } from './private/iam-statements';

/** NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess; AwsSolutions-IAM5. */
export const iamPolicyNoWildcardActions: Rule = {
  id: 'HMS-IAM-2',
  publicChecks: ['CKV_AWS_63', 'CKV2_AWS_40', 'AVD-AWS-0057'],
  appliesTo: IDENTITY_POLICY_TYPES,
  summary: 'Policies grant no wildcard actions (service:* or *) and no NotAction',
  rationale: 'A wildcard grants every present and future action of a service (AC-6, AC-6(10)).',
  fix: 'List the actions the principal needs, e.g. s3:GetObject instead of s3:*.',
  check(r, ctx) {
    for (const { raw, doc, statements } of policyDocuments(r, ctx)) {
      if (!doc) {
        if (isUnresolved(raw)) return unknown('the policy is not known from the configuration', raw);
        continue;
      }
      const wide = statements.find((s) => s.allow && (s.notAction || s.actions.some((a) => a === '*' || a.endsWith(':*'))));
      if (wide) return fail(`a statement allows ${wide.notAction ? 'every action but NotAction' : wide.actions.filter((a) => a === '*' || a.endsWith(':*')).join(', ')}`);
    }
    return pass;
  },
};
