import { DEFAULT_KUBERNETES_VERSION } from '../../lib/core/kubernetes-versions';
import type { IKeyVault } from '../../lib/azure/key-vault';
import type { ISecureCluster } from '../../lib/azure/secure-cluster';

/** A vault managed elsewhere: keys need nothing to wait for. */
export const FAKE_VAULT: IKeyVault = {
  keyVaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
  vaultUri: 'https://kv.vault.usgovcloudapi.net/',
  dataPlaneReady: [],
};

export const FAKE_AKS: ISecureCluster = {
  clusterId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/demo',
  clusterName: 'demo',
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
  nodeSubnetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes',
  zones: ['1', '2', '3'],
};

/** A runner network in another subscription. */
export const RUNNER_NETWORK_ID = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/ci/providers/Microsoft.Network/virtualNetworks/runners';
/** A hub network with the agency's gateway. */
export const HUB_NETWORK_ID = '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub';
