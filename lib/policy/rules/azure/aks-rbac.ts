import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool } from '../../engine/values';
import { AKS } from './private/aks';

/** Azure Policy ac4a19c2. */
export const aksRbac: Rule = {
  id: 'HMS-AKS-9',
  publicChecks: ['CKV_AZURE_5', 'AVD-AZU-0042'],
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
