import type { Cloud } from './defaults';

/**
 * The Terraform resource types that hms-sys reads back from each cloud's state
 * (`hms-sys status`, the live connection) and that the stateful-resource guard must
 * protect: one place per cloud, keyed by `Cloud`, so adding a cloud does not compile
 * until its types are named here.
 */
export interface CloudResourceTypes {
  /** The managed Kubernetes cluster; its endpoint and CA are read from state. */
  readonly cluster: string;
  /** The node pool the blueprint's `nodePool` becomes. */
  readonly nodePool: string;
  /** The block volume the blueprint's `storage.volume` becomes. */
  readonly blockVolume: string;
}

export const CLOUD_RESOURCE_TYPES: Readonly<Record<Cloud, CloudResourceTypes>> = {
  aws: { cluster: 'aws_eks_cluster', nodePool: 'aws_eks_node_group', blockVolume: 'aws_ebs_volume' },
  azure: { cluster: 'azurerm_kubernetes_cluster', nodePool: 'azurerm_kubernetes_cluster_node_pool', blockVolume: 'azurerm_managed_disk' },
};
