import type { TfResource } from '../../../engine/document';
import type { RuleContext } from '../../../engine/rule';
import { block } from '../../../engine/values';

export const STORAGE_ACCOUNT = 'azurerm_storage_account';

/** Network rules of an account: its inline network_rules block or an azurerm_storage_account_network_rules resource. */
export function networkRulesOf(r: TfResource, ctx: RuleContext): Record<string, unknown>[] {
  const inline = block(r.values, 'network_rules');
  const separate = ctx.referencing('azurerm_storage_account_network_rules', 'storage_account_id', r).map((n) => n.values);
  return [...(inline ? [inline] : []), ...separate];
}

/** The account of an azurerm_storage_account_network_rules whose default_action is Deny, when that account is not known: it may be this one. */
export function undecidedDenyingRules(ctx: RuleContext): unknown[] {
  return ctx
    .undecided('azurerm_storage_account_network_rules', 'storage_account_id')
    .filter((n) => typeof n.values.default_action === 'string' && n.values.default_action.trim().toLowerCase() === 'deny')
    .map((n) => n.values.storage_account_id);
}
