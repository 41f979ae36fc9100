import { fail, pass, type Rule } from '../../engine/rule';
import { block } from '../../engine/values';

export const keyVaultKeyRotates: Rule = {
  id: 'HMS-KV-5',
  appliesTo: ['azurerm_key_vault_key'],
  summary: 'Key Vault keys rotate automatically',
  rationale: 'Rotation limits how much data one key version protects (SC-12, SC-12(2)).',
  fix: 'Add rotation_policy { automatic { time_before_expiry = "P30D" } expire_after = "P1Y" }.',
  check: (r) => (block(block(r.values, 'rotation_policy'), 'automatic') ? pass : fail('no automatic rotation policy')),
};
