import type { TfResource } from '../../../engine/document';
import type { RuleContext } from '../../../engine/rule';

/**
 * Since AWS provider 4, bucket settings are separate resources that name the
 * bucket: by reference (`bucket = aws_s3_bucket.b.id`) or by its literal name.
 */
export function companionsOf(bucket: TfResource, ctx: RuleContext, type: string): readonly TfResource[] {
  const byReference = ctx.referencing(type, 'bucket', bucket);
  const name = bucket.values.bucket;
  if (typeof name !== 'string') return byReference;
  const byName = ctx.resourcesOf(type).filter((c) => c.values.bucket === name && !byReference.includes(c));
  return byName.length === 0 ? byReference : [...byReference, ...byName];
}

/**
 * Settings resources whose bucket is not known from the configuration
 * (`bucket = var.bucket_name`): they may configure this bucket, so a rule that
 * does not find the setting reports unknown, with their bucket values.
 */
export const undecidedCompanionsOf = (ctx: RuleContext, type: string): readonly TfResource[] => ctx.undecided(type, 'bucket');
