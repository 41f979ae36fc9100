import { fail, pass, type Rule } from '../../engine/rule';
import { block, isSet } from '../../engine/values';
import { AKS } from './private/aks';
import { diagnosticCategories } from './private/diagnostics';

/** CKV_AZURE_4. */
export const aksOmsAgent: Rule = {
  id: 'HMS-AKS-6',
  appliesTo: [AKS],
  summary: 'AKS sends container logs and metrics to Log Analytics',
  rationale: 'Container insight is the basis of monitoring and incident response (AU-12, SI-4).',
  fix: 'Add oms_agent { log_analytics_workspace_id = <workspace> }.',
  check: (r) => (isSet(block(r.values, 'oms_agent')?.log_analytics_workspace_id) ? pass : fail('no oms_agent workspace')),
};

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
    return missing.length === 0 ? pass : fail(`no diagnostic setting ships ${missing.join(' and ')}`);
  },
};

/** Azure Policy 1c988dd6. */
export const aksDefender: Rule = {
  id: 'HMS-AKS-15',
  appliesTo: [AKS],
  summary: 'Microsoft Defender for Containers watches the cluster',
  rationale: 'Runtime threat detection for nodes and pods (SI-4, RA-5).',
  fix: 'Add microsoft_defender { log_analytics_workspace_id = <workspace> } where the cloud offers it.',
  check: (r) => (isSet(block(r.values, 'microsoft_defender')?.log_analytics_workspace_id) ? pass : fail('Defender is not enabled')),
};
