import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool, isSet, num } from '../../engine/values';
import { diagnosticCategories } from './private/diagnostics';

const VAULT = 'azurerm_key_vault';

/** CKV_AZURE_189, CKV_AZURE_109; Azure Policy 55615ac9. */
export const keyVaultPrivate: Rule = {
  id: 'HMS-KV-1',
  appliesTo: [VAULT],
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

/** CKV_AZURE_110, CKV_AZURE_42; Azure Policy 0b60c0b2, 1e66c121. */
export const keyVaultRecoverable: Rule = {
  id: 'HMS-KV-2',
  appliesTo: [VAULT],
  summary: 'Key Vaults keep deleted keys recoverable (purge protection, soft delete)',
  rationale: 'A purged key makes every disk encrypted with it unreadable (CP-9, SC-12).',
  fix: 'Set purge_protection_enabled = true and soft_delete_retention_days between 7 and 90.',
  check(r) {
    if (bool(r.values.purge_protection_enabled) !== true) return fail('purge protection is off');
    const days = num(r.values.soft_delete_retention_days);
    return days === undefined || days === 'unknown' || (days >= 7 && days <= 90) ? pass : fail(`soft delete keeps keys ${days} days`);
  },
};

/** Azure Policy cf820ca0. */
export const keyVaultAuditLogs: Rule = {
  id: 'HMS-KV-3',
  appliesTo: [VAULT],
  summary: 'Key Vault access is logged (AuditEvent)',
  rationale: 'Every use of a key is evidence (AU-2, AU-12, HIPAA 164.312(b)).',
  fix: 'Add an azurerm_monitor_diagnostic_setting for the vault with enabled_log category AuditEvent (or group audit).',
  check(r, ctx) {
    const categories = diagnosticCategories(r, ctx);
    return ['AuditEvent', 'audit', 'allLogs'].some((c) => categories.has(c)) ? pass : fail('no diagnostic setting ships AuditEvent');
  },
};

/** CKV_AZURE_40; Azure Policy 152b15f7. */
export const keyVaultKeyExpires: Rule = {
  id: 'HMS-KV-4',
  appliesTo: ['azurerm_key_vault_key'],
  summary: 'Key Vault keys have an expiration date',
  rationale: 'Keys must have a defined lifetime (IA-5, SC-12).',
  fix: 'Set expiration_date, or a rotation_policy with expire_after.',
  check: (r) => (isSet(r.values.expiration_date) || isSet(block(r.values, 'rotation_policy')?.expire_after) ? pass : fail('the key never expires')),
};

export const keyVaultKeyRotates: Rule = {
  id: 'HMS-KV-5',
  appliesTo: ['azurerm_key_vault_key'],
  summary: 'Key Vault keys rotate automatically',
  rationale: 'Rotation limits how much data one key version protects (SC-12, SC-12(2)).',
  fix: 'Add rotation_policy { automatic { time_before_expiry = "P30D" } expire_after = "P1Y" }.',
  check: (r) => (block(block(r.values, 'rotation_policy'), 'automatic') ? pass : fail('no automatic rotation policy')),
};
