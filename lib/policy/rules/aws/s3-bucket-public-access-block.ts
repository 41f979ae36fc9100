import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { companionsOf, undecidedCompanionsOf } from './private/bucket-companions';

const SETTINGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const s3BucketPublicAccessBlock: Rule = {
  id: 'HMS-S3-5',
  publicChecks: ['CKV2_AWS_6', 'AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093', 'AVD-AWS-0094'],
  appliesTo: ['aws_s3_bucket'],
  summary: 'Buckets block public access (all four public access block settings)',
  rationale: 'Without the block, one ACL or policy change publishes state files and data (AC-3, SC-7, AC-21).',
  fix: `Add aws_s3_bucket_public_access_block for the bucket with ${SETTINGS.join(', ')} = true.`,
  check(r, ctx) {
    const blocks = companionsOf(r, ctx, 'aws_s3_bucket_public_access_block');
    if (blocks.length === 0) {
      const undecided = undecidedCompanionsOf(ctx, 'aws_s3_bucket_public_access_block');
      return undecided.length > 0 ? unknown('which bucket the public access block covers is not known from the configuration', undecided.map((b) => b.values.bucket)) : fail('no aws_s3_bucket_public_access_block');
    }
    const values = blocks.flatMap((b) => SETTINGS.map((k) => [k, b.values[k]] as const));
    const unknowns = values.filter(([, v]) => bool(v) === 'unknown');
    const off = values.filter(([, v]) => bool(v) !== true && bool(v) !== 'unknown');
    if (off.length > 0) return fail(`${off.map(([k]) => k).join(', ')} not true`);
    return unknowns.length > 0 ? unknown('public access block settings are not known from the configuration', unknowns.map(([, v]) => v)) : pass;
  },
};
