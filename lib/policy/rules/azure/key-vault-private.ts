import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool } from '../../engine/values';

/** Azure Policy 55615ac9. */
export const keyVaultPrivate: Rule = {
  id: 'HMS-KV-1',
  publicChecks: ['CKV_AZURE_189', 'CKV_AZURE_109', 'AVD-AZU-0013'],
  appliesTo: ['azurerm_key_vault'],
  summary: 'Key Vaults are closed to the public network',
  rationale: 'Keys that protect CUI and PHI must not be reachable from the internet (SC-7, SC-12).',
  fix: 'Set public_network_access_enabled = false (reach it through a private endpoint), or network_acls.default_action = "Deny".',
  check(r) {
    const open = bool(r.values.public_network_access_enabled);
    if (open === false) return pass;
    if (open === 'unknown') return unknown('public access is not known from the configuration', r.values.public_network_access_enabled);
    return block(r.values, 'network_acls')?.default_action === 'Deny' ? pass : fail('the vault accepts traffic from the public network');
  },
};
