import { fail, pass, type Rule } from '../../engine/rule';
import { block } from '../../engine/values';
import { companionsOf } from './private/bucket-companions';

/** CKV_AWS_21; NIST.800.53.R5-S3BucketVersioningEnabled. */
export const s3BucketVersioning: Rule = {
  id: 'HMS-S3-2',
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets keep object versions',
  rationale: 'Versions let a corrupted or deleted state file be restored (CP-9, CP-10).',
  fix: 'Add aws_s3_bucket_versioning with versioning_configuration.status = "Enabled".',
  check(r, ctx) {
    const enabled = companionsOf(r, ctx, 'aws_s3_bucket_versioning').some((v) => block(v.values, 'versioning_configuration')?.status === 'Enabled');
    return enabled || block(r.values, 'versioning')?.enabled === true ? pass : fail('versioning is not enabled');
  },
};
