import { fail, pass, type Rule } from '../../engine/rule';
import { block, isSet } from '../../engine/values';

/** CKV_AZURE_40; Azure Policy 152b15f7. */
export const keyVaultKeyExpires: Rule = {
  id: 'HMS-KV-4',
  appliesTo: ['azurerm_key_vault_key'],
  summary: 'Key Vault keys have an expiration date',
  rationale: 'Keys must have a defined lifetime (IA-5, SC-12).',
  fix: 'Set expiration_date, or a rotation_policy with expire_after.',
  check: (r) => (isSet(r.values.expiration_date) || isSet(block(r.values, 'rotation_policy')?.expire_after) ? pass : fail('the key never expires')),
};
