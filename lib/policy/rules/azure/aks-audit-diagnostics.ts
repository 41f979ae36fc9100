import { fail, pass, type Rule } from '../../engine/rule';
import { AKS } from './private/aks';
import { diagnosticCategories, missingLogs } from './private/diagnostics';

const AUDIT = ['kube-audit', 'kube-audit-admin'];
const GROUPS = ['audit', 'allLogs'];

/** Derived (PSRule Azure.AKS.AuditLogs); no checkov check. */
export const aksAuditDiagnostics: Rule = {
  id: 'HMS-AKS-7',
  appliesTo: [AKS],
  summary: 'AKS ships kube-audit and guard logs through a diagnostic setting',
  rationale: 'The API server audit log and Entra ID authentication log are the record of who did what (AU-2, AU-12, HIPAA 164.312(b)).',
  fix: 'Add an azurerm_monitor_diagnostic_setting for the cluster with enabled_log categories kube-audit-admin and guard.',
  check(r, ctx) {
    const categories = diagnosticCategories(r, ctx);
    if (GROUPS.some((g) => categories.has(g))) return pass;
    const missing = [AUDIT.some((a) => categories.has(a)) ? '' : 'kube-audit-admin', categories.has('guard') ? '' : 'guard'].filter(Boolean);
    return missing.length === 0 ? pass : missingLogs(ctx, fail(`no diagnostic setting ships ${missing.join(' and ')}`));
  },
};
