import { DEFAULT_KUBERNETES_VERSION } from '../../lib/core/kubernetes-versions';
import type { ISecureCluster } from '../../lib/aws/secure-cluster';

/** A cluster stand-in for node pool and add-on tests. */
export const FAKE_CLUSTER: ISecureCluster = {
  clusterName: 'demo',
  clusterEndpoint: 'https://ABC.gr7.us-gov-west-1.eks.amazonaws.com',
  certificateAuthorityData: 'Q0VSVA==',
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
};

/** Matches a Terraform reference to the partition data source, wherever it is used. */
export const PARTITION_REF = /\$\{data\.aws_partition\.\w+\.partition\}/;
