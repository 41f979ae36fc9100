import { fail, pass, type Rule } from '../../engine/rule';
import { bool, num } from '../../engine/values';

/** CKV_AZURE_110, CKV_AZURE_42; Azure Policy 0b60c0b2, 1e66c121. */
export const keyVaultRecoverable: Rule = {
  id: 'HMS-KV-2',
  appliesTo: ['azurerm_key_vault'],
  summary: 'Key Vaults keep deleted keys recoverable (purge protection, soft delete)',
  rationale: 'A purged key makes every disk encrypted with it unreadable (CP-9, SC-12).',
  fix: 'Set purge_protection_enabled = true and soft_delete_retention_days between 7 and 90.',
  check(r) {
    if (bool(r.values.purge_protection_enabled) !== true) return fail('purge protection is off');
    const days = num(r.values.soft_delete_retention_days);
    return days === undefined || days === 'unknown' || (days >= 7 && days <= 90) ? pass : fail(`soft delete keeps keys ${days} days`);
  },
};
