import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool, num } from '../../engine/values';

/** Azure Policy 0b60c0b2, 1e66c121. */
export const keyVaultRecoverable: Rule = {
  id: 'HMS-KV-2',
  publicChecks: ['CKV_AZURE_110', 'CKV_AZURE_42', 'AVD-AZU-0016'],
  appliesTo: ['azurerm_key_vault'],
  summary: 'Key Vaults keep deleted keys recoverable (purge protection, soft delete)',
  rationale: 'A purged key makes every disk encrypted with it unreadable (CP-9, SC-12).',
  fix: 'Set purge_protection_enabled = true and soft_delete_retention_days between 7 and 90.',
  check(r) {
    const purge = bool(r.values.purge_protection_enabled);
    const days = num(r.values.soft_delete_retention_days);
    // azurerm v4: purge protection defaults to false, soft delete to 90 days (7 to 90 allowed).
    if (purge === false || purge === undefined) return fail('purge protection is off');
    if (days !== undefined && days !== 'unknown' && (days < 7 || days > 90)) return fail(`soft delete keeps keys ${days} days`);
    if (purge === 'unknown' || days === 'unknown') return unknown('purge protection or soft delete is not known from the configuration', r.values.purge_protection_enabled, r.values.soft_delete_retention_days);
    return pass;
  },
};
