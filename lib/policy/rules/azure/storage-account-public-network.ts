import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool, isUnresolved } from '../../engine/values';
import { networkRulesOf, undecidedDenyingRules, STORAGE_ACCOUNT } from './private/storage-account';

/** Azure Policy b2982f36 (storage accounts should disable public network access). */
export const storageAccountPublicNetwork: Rule = {
  id: 'HMS-ST-3',
  publicChecks: ['CKV_AZURE_59'],
  appliesTo: [STORAGE_ACCOUNT],
  summary: 'Storage accounts are closed to the public network',
  rationale: 'State files, flow logs and shared volumes must not be reachable from the internet (SC-7, AC-4).',
  fix: 'Set public_network_access_enabled = false and reach the account through a private endpoint, or network_rules { default_action = "Deny" }.',
  check(r, ctx) {
    // azurerm 4.x: public_network_access_enabled defaults to true.
    const open = bool(r.values.public_network_access_enabled);
    if (open === false) return pass;
    if (open === 'unknown') return unknown('public_network_access_enabled is not known from the configuration', r.values.public_network_access_enabled);
    const actions = networkRulesOf(r, ctx).map((n) => n.default_action);
    if (actions.some((a) => typeof a === 'string' && a.trim().toLowerCase() === 'deny')) return pass;
    const undecided = [...actions.filter(isUnresolved), ...undecidedDenyingRules(ctx)];
    if (undecided.length > 0) return unknown('the network rules are not known from the configuration', undecided);
    return fail('the account accepts traffic from the public network');
  },
};
