import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { AKS, AKS_NODE_POOL, flag, nodePoolSettings } from './private/aks';

export const aksNoNodePublicIp: Rule = {
  id: 'HMS-AKS-4',
  publicChecks: ['CKV_AZURE_143'],
  appliesTo: [AKS, AKS_NODE_POOL],
  summary: 'AKS nodes get no public IP address',
  rationale: 'A public IP puts a node on the internet, outside the boundary (SC-7, AC-4).',
  fix: 'Remove node_public_ip_enabled or set it to false (enable_node_public_ip on azurerm v3).',
  check(r) {
    const v = flag(nodePoolSettings(r), 'node_public_ip_enabled', 'enable_node_public_ip');
    if (v === 'unknown') return unknown('node public IPs are not known from the configuration', nodePoolSettings(r)?.node_public_ip_enabled, nodePoolSettings(r)?.enable_node_public_ip);
    return v === true ? fail('nodes get public IPs') : pass;
  },
};
