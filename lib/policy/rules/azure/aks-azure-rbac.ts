import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool } from '../../engine/values';
import { AKS } from './private/aks';

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
