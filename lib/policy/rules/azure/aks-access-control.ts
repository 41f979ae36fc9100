import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool } from '../../engine/values';
import { AKS } from './private/aks';

/** CKV_AZURE_141. */
export const aksLocalAccountsDisabled: Rule = {
  id: 'HMS-AKS-8',
  appliesTo: [AKS],
  summary: 'AKS local accounts (static admin kubeconfig) are disabled',
  rationale: 'The local admin credential bypasses Entra ID, MFA and audit by identity (AC-2, AC-6, IA-2, IA-5).',
  fix: 'Set local_account_disabled = true and use Entra ID with Azure RBAC.',
  check(r) {
    const v = bool(r.values.local_account_disabled);
    if (v === 'unknown') return unknown('local_account_disabled is not known from the configuration', r.values.local_account_disabled);
    return v === true ? pass : fail('local accounts are enabled');
  },
};

/** CKV_AZURE_5; Azure Policy ac4a19c2. */
export const aksRbac: Rule = {
  id: 'HMS-AKS-9',
  appliesTo: [AKS],
  summary: 'AKS uses Kubernetes RBAC with Entra ID authentication',
  rationale: 'Access must be authorized per identity, not shared (AC-3, AC-6, IA-2).',
  fix: 'Keep role_based_access_control_enabled = true and add azure_active_directory_role_based_access_control.',
  check(r) {
    const rbac = bool(r.values.role_based_access_control_enabled);
    if (rbac === 'unknown') return unknown('role_based_access_control_enabled is not known from the configuration', r.values.role_based_access_control_enabled);
    if (rbac === false) return fail('Kubernetes RBAC is disabled');
    return block(r.values, 'azure_active_directory_role_based_access_control') ? pass : fail('no Entra ID integration');
  },
};

export const aksAzureRbac: Rule = {
  id: 'HMS-AKS-10',
  appliesTo: [AKS],
  summary: 'AKS authorizes with Azure RBAC',
  rationale: 'Azure RBAC keeps cluster permissions in the same reviewed place as cloud permissions (AC-2, AC-6).',
  fix: 'Set azure_active_directory_role_based_access_control.azure_rbac_enabled = true.',
  check(r) {
    const raw = block(r.values, 'azure_active_directory_role_based_access_control')?.azure_rbac_enabled;
    const v = bool(raw);
    if (v === 'unknown') return unknown('azure_rbac_enabled is not known from the configuration', raw);
    return v === true ? pass : fail('Azure RBAC is off');
  },
};
