import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { networkRulesOf, STORAGE_ACCOUNT } from './private/storage-account';

/** CKV_AZURE_35; AVD-AZU-0012; Azure Policy 34c877ad. */
export const storageAccountDefaultDeny: Rule = {
  id: 'HMS-ST-5',
  appliesTo: [STORAGE_ACCOUNT],
  summary: 'Storage account network rules deny by default',
  rationale: 'Deny by default, allow by exception: only named networks and private endpoints reach the data (SC-7, SC-7(5)).',
  fix: 'Add network_rules { default_action = "Deny", bypass = ["AzureServices"] } (or azurerm_storage_account_network_rules).',
  check(r, ctx) {
    const actions = networkRulesOf(r, ctx).map((n) => n.default_action);
    if (actions.some((a) => typeof a === 'string' && a.trim().toLowerCase() === 'deny')) return pass;
    if (actions.some(isUnresolved)) return unknown('network_rules.default_action is not known from the configuration', actions);
    return fail(actions.length === 0 ? 'no network_rules: every network is allowed' : 'network_rules.default_action is Allow');
  },
};
