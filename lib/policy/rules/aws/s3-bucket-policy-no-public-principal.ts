import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isObject, isUnresolved, parseJson } from '../../engine/values';
import { isEveryone, statementsOf } from './private/iam-statements';

/** CKV_AWS_70, CKV_AWS_93; AVD-AWS-0093 (restrict public buckets). */
export const s3BucketPolicyNoPublicPrincipal: Rule = {
  id: 'HMS-S3-7',
  appliesTo: ['aws_s3_bucket_policy', 'aws_s3_bucket'],
  summary: 'Bucket policies allow nothing to Principal "*" without a condition',
  rationale: 'A policy that allows "*" publishes the bucket to every AWS account and often the internet (AC-3, AC-21, SC-7).',
  fix: 'Name the roles or accounts in Principal, or add a Condition (aws:PrincipalOrgID, aws:SourceVpce) that limits the callers.',
  check(r) {
    const raw = r.values.policy;
    if (raw === undefined || raw === null) return pass;
    const doc = parseJson(raw);
    if (!isObject(doc)) return isUnresolved(raw) ? unknown('the bucket policy is not known from the configuration', raw) : pass;
    const open = statementsOf(doc).some((s) => s.allow && isEveryone(s.principal) && (s.condition === undefined || (isObject(s.condition) && Object.keys(s.condition).length === 0)));
    return open ? fail('a statement allows Principal "*" without a Condition') : pass;
  },
};
