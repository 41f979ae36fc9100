import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { setState } from '../../engine/values';

/** Azure Policy 98728c90. */
export const keyVaultSecretExpires: Rule = {
  id: 'HMS-KV-6',
  publicChecks: ['CKV_AZURE_41', 'AVD-AZU-0017'],
  appliesTo: ['azurerm_key_vault_secret'],
  summary: 'Key Vault secrets have an expiration date',
  rationale: 'Secrets must have a defined lifetime and be rotated (IA-5, IA-5(1)).',
  fix: 'Set expiration_date, and rotate the secret before it.',
  check(r) {
    const set = setState(r.values.expiration_date);
    if (set === 'unknown') return unknown('expiration_date is not known from the configuration', r.values.expiration_date);
    return set ? pass : fail('the secret never expires');
  },
};
