import type { TfResource } from '../../../engine/document';
import type { RuleContext } from '../../../engine/rule';
import { refersTo } from '../../../engine/values';

/** Since AWS provider 4, bucket settings are separate resources that name the bucket. */
export function companionsOf(bucket: TfResource, ctx: RuleContext, type: string): TfResource[] {
  const name = bucket.values.bucket;
  return ctx.resourcesOf(type).filter((c) => refersTo(c.values.bucket, bucket.address) || (typeof name === 'string' && c.values.bucket === name));
}
