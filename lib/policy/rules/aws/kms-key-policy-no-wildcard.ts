import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isObject, isUnresolved, parseJson } from '../../engine/values';

function isWildcardPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isObject(principal)) return false;
  return Object.values(principal).some((p) => p === '*' || (Array.isArray(p) && p.includes('*')));
}

/** CKV_AWS_33. */
export const kmsKeyPolicyNoWildcard: Rule = {
  id: 'HMS-KMS-2',
  appliesTo: ['aws_kms_key', 'aws_kms_key_policy'],
  summary: 'Key policies grant nothing to every principal without a condition',
  rationale: 'A wildcard principal lets any AWS account use or manage the key (AC-6, AC-3, SC-12).',
  fix: 'Name the account root, roles or services in Principal, or add a Condition that limits the callers.',
  check(r) {
    if (r.values.policy === undefined) return pass; // the AWS default key policy names the account only
    if (isUnresolved(r.values.policy) && parseJson(r.values.policy) === undefined) return unknown('the policy is not known from the configuration', r.values.policy);
    const doc = parseJson(r.values.policy);
    if (!isObject(doc)) return fail('the key policy is not valid JSON');
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    const open = statements.filter((s) => isObject(s) && s.Effect === 'Allow' && isWildcardPrincipal(s.Principal) && !s.Condition);
    return open.length === 0 ? pass : fail('a statement allows Principal "*" without a Condition');
  },
};
