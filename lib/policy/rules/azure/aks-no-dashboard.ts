import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool } from '../../engine/values';
import { AKS } from './private/aks';

/** azurerm 3.0 removed the attribute (AKS retired the add-on); older configurations may still set it. */
export const aksNoDashboard: Rule = {
  id: 'HMS-AKS-16',
  publicChecks: ['CKV_AZURE_8'],
  appliesTo: [AKS],
  summary: 'The Kubernetes dashboard add-on is off',
  rationale: 'The dashboard is a web UI with cluster-wide rights, a classic entry point (CM-7, AC-6).',
  fix: 'Remove addon_profile.kube_dashboard or set enabled = false.',
  check(r) {
    const raw = block(block(r.values, 'addon_profile'), 'kube_dashboard')?.enabled;
    const v = bool(raw);
    if (v === 'unknown') return unknown('kube_dashboard.enabled is not known from the configuration', raw);
    return v === true ? fail('the Kubernetes dashboard is enabled') : pass;
  },
};
