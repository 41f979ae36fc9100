import type { TfResource } from '../../engine/document';
import { fail, pass, type Rule, type RuleContext } from '../../engine/rule';
import { isObject } from '../../engine/values';
import { companionsOf } from './private/bucket-companions';
import { policyDocuments } from './private/iam-statements';

function deniesInsecureTransport(policy: TfResource, ctx: RuleContext): boolean {
  return policyDocuments(policy, ctx).some(({ statements }) =>
    statements.some((s) => {
      if (!s.deny || !isObject(s.condition)) return false;
      const bool = s.condition.Bool;
      return isObject(bool) && String(bool['aws:SecureTransport']) === 'false';
    }),
  );
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
    return policies.some((p) => deniesInsecureTransport(p, ctx)) ? pass : fail('no policy denies plain-HTTP requests');
  },
};
