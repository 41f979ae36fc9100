import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { networkRulesOf, undecidedDenyingRules, STORAGE_ACCOUNT } from './private/storage-account';

/** Azure Policy 34c877ad. */
export const storageAccountDefaultDeny: Rule = {
  id: 'HMS-ST-5',
  publicChecks: ['CKV_AZURE_35', 'AVD-AZU-0012'],
  appliesTo: [STORAGE_ACCOUNT, 'azurerm_storage_account_network_rules'],
  summary: 'Storage account network rules deny by default',
  rationale: 'Deny by default, allow by exception: only named networks and private endpoints reach the data (SC-7, SC-7(5)).',
  fix: 'Add network_rules { default_action = "Deny", bypass = ["AzureServices"] } (or azurerm_storage_account_network_rules).',
  check(r, ctx) {
    const denies = (a: unknown) => typeof a === 'string' && a.trim().toLowerCase() === 'deny';
    // A separate network rules resource is judged on its own, and again as part of its account.
    if (r.type !== STORAGE_ACCOUNT) {
      const action = r.values.default_action;
      if (isUnresolved(action)) return unknown('default_action is not known from the configuration', action);
      return denies(action) ? pass : fail('default_action is Allow');
    }
    const actions = networkRulesOf(r, ctx).map((n) => n.default_action);
    if (actions.some(denies)) return pass;
    const undecided = [...actions.filter(isUnresolved), ...undecidedDenyingRules(ctx)];
    if (undecided.length > 0) return unknown('network_rules.default_action is not known from the configuration', undecided);
    return fail(actions.length === 0 ? 'no network_rules: every network is allowed' : 'network_rules.default_action is Allow');
  },
};
