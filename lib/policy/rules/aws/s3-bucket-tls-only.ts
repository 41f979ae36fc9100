import type { TfResource } from '../../engine/document';
import { fail, pass, unknown, type Rule, type RuleContext } from '../../engine/rule';
import { isObject, isUnresolved } from '../../engine/values';
import { companionsOf, undecidedCompanionsOf } from './private/bucket-companions';
import { policyDocuments } from './private/iam-statements';

const POLICY = 'aws_s3_bucket_policy';

/** True when a statement of the policy denies requests made without TLS (aws:SecureTransport "false"). */
function deniesInsecureTransport(policy: TfResource, ctx: RuleContext): boolean {
  return policyDocuments(policy, ctx).some(({ statements }) =>
    statements.some((s) => {
      if (!s.deny || !isObject(s.condition)) return false;
      const bool = s.condition.Bool;
      return isObject(bool) && String(bool['aws:SecureTransport']) === 'false';
    }),
  );
}

/** NIST.800.53.R5-S3BucketSSLRequestsOnly. */
export const s3BucketTlsOnly: Rule = {
  id: 'HMS-S3-3',
  publicChecks: ['CKV_AWS_379'],
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets refuse requests that are not over TLS',
  rationale: 'Data in transit must be encrypted (SC-8, SC-8(1), HIPAA 164.312(e)(1)).',
  fix: `Add an ${POLICY} that denies s3:* when aws:SecureTransport is "false".`,
  check(r, ctx) {
    const policies = companionsOf(r, ctx, POLICY);
    if (policies.some((p) => deniesInsecureTransport(p, ctx))) return pass;
    // A policy that cannot be read (a variable, a data source document) may hold the deny.
    const unread = policies.flatMap((p) => policyDocuments(p, ctx)).filter((d) => d.doc === undefined && isUnresolved(d.raw)).map((d) => d.raw);
    const undecided = [...unread, ...undecidedCompanionsOf(ctx, POLICY).map((p) => p.values.bucket)];
    if (undecided.length > 0) return unknown('the bucket policy is not known from the configuration', undecided);
    return fail('no policy denies plain-HTTP requests');
  },
};
