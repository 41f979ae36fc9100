import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { hasNoCondition, isEveryone, policyDocuments } from './private/iam-statements';

export const kmsKeyPolicyNoWildcard: Rule = {
  id: 'HMS-KMS-2',
  publicChecks: ['CKV_AWS_33'],
  appliesTo: ['aws_kms_key', 'aws_kms_key_policy'],
  summary: 'Key policies grant nothing to every principal without a condition',
  rationale: 'A wildcard principal lets any AWS account use or manage the key (AC-6, AC-3, SC-12).',
  fix: 'Name the account root, roles or services in Principal, or add a Condition that limits the callers.',
  check(r, ctx) {
    const [policy] = policyDocuments(r, ctx);
    if (policy === undefined) return pass; // the AWS default key policy names the account only
    if (!policy.doc) return isUnresolved(policy.raw) ? unknown('the policy is not known from the configuration', policy.raw) : fail('the key policy is not valid JSON');
    const open = policy.statements.some((s) => s.allow && isEveryone(s.principal) && hasNoCondition(s));
    return open ? fail('a statement allows Principal "*" without a Condition') : pass;
  },
};
