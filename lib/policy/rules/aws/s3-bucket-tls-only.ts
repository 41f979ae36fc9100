import { fail, pass, type Rule } from '../../engine/rule';
import { isObject, parseJson } from '../../engine/values';
import { companionsOf } from './private/bucket-companions';

function deniesInsecureTransport(policy: unknown): boolean {
  const doc = parseJson(policy);
  if (!isObject(doc)) return false;
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return statements.some((s) => {
    if (!isObject(s) || s.Effect !== 'Deny' || !isObject(s.Condition)) return false;
    const bool = s.Condition.Bool;
    return isObject(bool) && String(bool['aws:SecureTransport']) === 'false';
  });
}

/** NIST.800.53.R5-S3BucketSSLRequestsOnly; CKV_AWS_379. */
export const s3BucketTlsOnly: Rule = {
  id: 'HMS-S3-3',
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets refuse requests that are not over TLS',
  rationale: 'Data in transit must be encrypted (SC-8, SC-8(1), HIPAA 164.312(e)(1)).',
  fix: 'Add an aws_s3_bucket_policy that denies s3:* when aws:SecureTransport is "false".',
  check(r, ctx) {
    const policies = companionsOf(r, ctx, 'aws_s3_bucket_policy');
    return policies.some((p) => deniesInsecureTransport(p.values.policy)) ? pass : fail('no policy denies plain-HTTP requests');
  },
};
