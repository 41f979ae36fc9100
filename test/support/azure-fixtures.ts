import { DEFAULT_KUBERNETES_VERSION } from '../../lib/core/kubernetes-versions';
import type { IKeyVault } from '../../lib/azure/key-vault';
import type { ISecureCluster } from '../../lib/azure/secure-cluster';

/** A vault stand-in; the role assignment is only ever used for dependsOn. */
export const FAKE_VAULT = { keyVaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv', deployerAccess: undefined } as unknown as IKeyVault;

export const FAKE_AKS: ISecureCluster = {
  clusterId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/demo',
  clusterName: 'demo',
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
  nodeSubnetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes',
  zones: ['1', '2', '3'],
};
