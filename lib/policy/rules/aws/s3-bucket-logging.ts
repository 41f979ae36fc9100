import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block } from '../../engine/values';
import { companionsOf, undecidedCompanionsOf } from './private/bucket-companions';

const LOGGING = 'aws_s3_bucket_logging';

/** NIST.800.53.R5-S3BucketLoggingEnabled. */
export const s3BucketLogging: Rule = {
  id: 'HMS-S3-4',
  publicChecks: ['CKV_AWS_18', 'AVD-AWS-0089'],
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets log access requests',
  rationale: 'Access logs show who read or changed state (AU-2, AU-12).',
  fix: `Add ${LOGGING} with a target bucket.`,
  check(r, ctx) {
    if (companionsOf(r, ctx, LOGGING).length > 0 || block(r.values, 'logging') !== undefined) return pass;
    const undecided = undecidedCompanionsOf(ctx, LOGGING);
    return undecided.length > 0 ? unknown('access logging is not known from the configuration', undecided.map((l) => l.values.bucket)) : fail('no access logging');
  },
};
