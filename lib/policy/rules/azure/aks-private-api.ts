import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool, strings } from '../../engine/values';
import { AKS } from './private/aks';

/** Azure Policy 0e246bcf. */
export const aksPrivateApi: Rule = {
  id: 'HMS-AKS-3',
  publicChecks: ['CKV_AZURE_115', 'CKV_AZURE_6', 'AVD-AZU-0065', 'AVD-AZU-0041'],
  appliesTo: [AKS],
  summary: 'The AKS API server is private, or limited to named networks',
  rationale: 'A public Kubernetes API is an internet-facing administrative interface (SC-7, AC-4, AC-17).',
  fix: 'Set private_cluster_enabled = true, or api_server_access_profile.authorized_ip_ranges to agency networks.',
  check(r) {
    const isPrivate = bool(r.values.private_cluster_enabled);
    if (isPrivate === true) return pass;
    if (isPrivate === 'unknown') return unknown('private_cluster_enabled is not known from the configuration', r.values.private_cluster_enabled);
    const ranges = strings(block(r.values, 'api_server_access_profile')?.authorized_ip_ranges);
    if (ranges === 'unknown') return unknown('authorized ranges are not known from the configuration', block(r.values, 'api_server_access_profile')?.authorized_ip_ranges);
    if (!ranges || ranges.length === 0) return fail('the API server is public and open to every address');
    return ranges.includes('0.0.0.0/0') ? fail('authorized_ip_ranges contains 0.0.0.0/0') : pass;
  },
};
