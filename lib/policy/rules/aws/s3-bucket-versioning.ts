import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, isUnresolved } from '../../engine/values';
import { companionsOf, undecidedCompanionsOf } from './private/bucket-companions';

const VERSIONING = 'aws_s3_bucket_versioning';

/** NIST.800.53.R5-S3BucketVersioningEnabled. */
export const s3BucketVersioning: Rule = {
  id: 'HMS-S3-2',
  publicChecks: ['CKV_AWS_21', 'AVD-AWS-0090'],
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets keep object versions',
  rationale: 'Versions let a corrupted or deleted state file be restored (CP-9, CP-10).',
  fix: `Add ${VERSIONING} with versioning_configuration.status = "Enabled".`,
  check(r, ctx) {
    // The API takes Enabled, Suspended or Disabled, exactly (provider validation is case-sensitive).
    const statuses = companionsOf(r, ctx, VERSIONING).map((v) => block(v.values, 'versioning_configuration')?.status);
    const inline = block(r.values, 'versioning')?.enabled;
    if (statuses.includes('Enabled') || inline === true || inline === 'true') return pass;
    const undecided = [...statuses.filter(isUnresolved), ...(isUnresolved(inline) ? [inline] : []), ...undecidedCompanionsOf(ctx, VERSIONING).map((c) => c.values.bucket)];
    if (undecided.length > 0) return unknown('versioning is not known from the configuration', undecided);
    return fail('versioning is not enabled');
  },
};
