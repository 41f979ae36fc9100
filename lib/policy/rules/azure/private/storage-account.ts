import type { TfResource } from '../../../engine/document';
import type { RuleContext } from '../../../engine/rule';
import { block, refersTo } from '../../../engine/values';

export const STORAGE_ACCOUNT = 'azurerm_storage_account';

/** Network rules of an account: its inline network_rules block or an azurerm_storage_account_network_rules resource. */
export function networkRulesOf(r: TfResource, ctx: RuleContext): Record<string, unknown>[] {
  const inline = block(r.values, 'network_rules');
  const separate = ctx.resourcesOf('azurerm_storage_account_network_rules').filter((n) => refersTo(n.values.storage_account_id, r.address)).map((n) => n.values);
  return [...(inline ? [inline] : []), ...separate];
}
