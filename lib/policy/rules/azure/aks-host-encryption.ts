import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { AKS, AKS_NODE_POOL, flag, nodePoolSettings } from './private/aks';

/** Azure Policy 41425d9f. */
export const aksHostEncryption: Rule = {
  id: 'HMS-AKS-1',
  publicChecks: ['CKV_AZURE_227'],
  appliesTo: [AKS, AKS_NODE_POOL],
  summary: 'AKS nodes encrypt temp disks and caches at the host',
  rationale: 'Without host encryption, temporary disks and OS disk caches are not encrypted with the customer key (SC-28, SC-28(1)).',
  fix: 'Set host_encryption_enabled = true on every node pool (enable_host_encryption on azurerm v3).',
  check(r) {
    const v = flag(nodePoolSettings(r), 'host_encryption_enabled', 'enable_host_encryption');
    if (v === 'unknown') return unknown('host encryption is not known from the configuration', nodePoolSettings(r)?.host_encryption_enabled, nodePoolSettings(r)?.enable_host_encryption);
    return v === true ? pass : fail('host encryption is off');
  },
};
