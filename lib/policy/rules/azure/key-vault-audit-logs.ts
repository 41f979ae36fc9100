import { fail, pass, type Rule } from '../../engine/rule';
import { diagnosticCategories, missingLogs } from './private/diagnostics';

/** Azure Policy cf820ca0. */
export const keyVaultAuditLogs: Rule = {
  id: 'HMS-KV-3',
  appliesTo: ['azurerm_key_vault'],
  summary: 'Key Vault access is logged (AuditEvent)',
  rationale: 'Every use of a key is evidence (AU-2, AU-12, HIPAA 164.312(b)).',
  fix: 'Add an azurerm_monitor_diagnostic_setting for the vault with enabled_log category AuditEvent (or group audit).',
  check(r, ctx) {
    const categories = diagnosticCategories(r, ctx);
    return ['AuditEvent', 'audit', 'allLogs'].some((c) => categories.has(c)) ? pass : missingLogs(ctx, fail('no diagnostic setting ships AuditEvent'));
  },
};
