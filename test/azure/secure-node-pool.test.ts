import { DEFAULT_KUBERNETES_VERSION } from '../../lib/core/kubernetes-versions';
import { aksNodePoolName } from '../../lib/azure/private/names';
import { SecureNodePool } from '../../lib/azure/secure-node-pool';
import { FAKE_AKS } from '../support/azure-fixtures';
import { onlyResource, synthConstructs } from '../support/synth';

const BASE = { cluster: FAKE_AKS, nodePoolName: 'dcaa-secure', desiredSize: 10, runtime: 'fips-ubuntu-22.04' as const };

describe('azure.SecureNodePool', () => {
  const pool = onlyResource(synthConstructs((scope) => new SecureNodePool(scope, 'pool', BASE)), 'azurerm_kubernetes_cluster_node_pool');

  test('FIPS, host encryption, no public IPs, in the cluster subnet and zones', () => {
    expect(pool).toMatchObject({
      fips_enabled: true,
      host_encryption_enabled: true,
      node_public_ip_enabled: false,
      vnet_subnet_id: FAKE_AKS.nodeSubnetId,
      zones: ['1', '2', '3'],
      mode: 'User',
      os_sku: 'Ubuntu',
      orchestrator_version: DEFAULT_KUBERNETES_VERSION,
    });
  });

  test('a fixed size, surge upgrades and the rotation name azurerm needs', () => {
    expect(pool).toMatchObject({ node_count: 10, auto_scaling_enabled: false, upgrade_settings: { max_surge: '33%' }, temporary_name_for_rotation: 'dcaasecurtmp' });
  });

  test('AKS naming: lowercase letters and digits, 12 at most', () => {
    expect(pool.name).toBe('dcaasecure');
    expect(aksNodePoolName('Audit-Pool-Number-Two')).toBe('auditpoolnum');
  });

  test('minSize and maxSize turn on the autoscaler', () => {
    const p = onlyResource(synthConstructs((scope) => new SecureNodePool(scope, 'pool', { ...BASE, minSize: 2, maxSize: 20 })), 'azurerm_kubernetes_cluster_node_pool');
    expect(p).toMatchObject({ auto_scaling_enabled: true, min_count: 2, max_count: 20, node_count: 10 });
  });

  test.each([
    [{ nodePoolName: '9lives' }, /must start with a letter/],
    [{ nodePoolName: 'system' }, /"system" is taken/],
    [{ minSize: 5, maxSize: 3 }, /maxSize \(3\) must be >= minSize \(5\)/],
  ])('refuses %p', (props, message) => {
    expect(() => synthConstructs((scope) => new SecureNodePool(scope, 'pool', { ...BASE, ...props }))).toThrow(message);
  });
});
