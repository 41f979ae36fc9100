import { fail, pass, type Rule } from '../../engine/rule';
import { companionsOf } from './private/bucket-companions';

/** CKV_AWS_18; NIST.800.53.R5-S3BucketLoggingEnabled. */
export const s3BucketLogging: Rule = {
  id: 'HMS-S3-4',
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets log access requests',
  rationale: 'Access logs show who read or changed state (AU-2, AU-12).',
  fix: 'Add aws_s3_bucket_logging with a target bucket.',
  check: (r, ctx) => (companionsOf(r, ctx, 'aws_s3_bucket_logging').length > 0 ? pass : fail('no access logging')),
};
