import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { ManagedDisk } from '@cdktf/provider-azurerm/lib/managed-disk';
import { CLOUD_RESOURCE_TYPES } from '../../lib/core/cloud-resources';
import { CLOUDS } from '../../lib/core/defaults';
import { STATEFUL_TYPES } from '../../lib/plan/stateful-guard';

describe('CLOUD_RESOURCE_TYPES: one place per cloud', () => {
  test('names the types the provider bindings our constructs use create', () => {
    expect(CLOUD_RESOURCE_TYPES).toEqual({
      aws: { cluster: EksCluster.tfResourceType, nodePool: EksNodeGroup.tfResourceType, blockVolume: EbsVolume.tfResourceType },
      azure: { cluster: KubernetesCluster.tfResourceType, nodePool: KubernetesClusterNodePool.tfResourceType, blockVolume: ManagedDisk.tfResourceType },
    });
  });

  test.each(CLOUDS)('the stateful-resource guard protects the %s cluster and volume', (cloud) => {
    const types = CLOUD_RESOURCE_TYPES[cloud];
    expect([STATEFUL_TYPES[types.cluster], STATEFUL_TYPES[types.blockVolume]]).toEqual([expect.any(String), expect.any(String)]);
  });
});
