import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, setState } from '../../engine/values';

/** Azure Policy 152b15f7. */
export const keyVaultKeyExpires: Rule = {
  id: 'HMS-KV-4',
  publicChecks: ['CKV_AZURE_40', 'AVD-AZU-0014'],
  appliesTo: ['azurerm_key_vault_key'],
  summary: 'Key Vault keys have an expiration date',
  rationale: 'Keys must have a defined lifetime (IA-5, SC-12).',
  fix: 'Set expiration_date, or a rotation_policy with expire_after.',
  check(r) {
    const settings = [r.values.expiration_date, block(r.values, 'rotation_policy')?.expire_after].map(setState);
    if (settings.includes(true)) return pass;
    // Optional attributes: a variable without a default may be null, and the key never expires.
    if (settings.includes('unknown')) return unknown('the expiration is not known from the configuration', r.values.expiration_date, block(r.values, 'rotation_policy')?.expire_after);
    return fail('the key never expires');
  },
};
