import type { Blueprint } from '../blueprint/blueprint';
import type { Cloud } from '../core/defaults';
import type { KubeError } from './kube-client';

/**
 * What to do when a cluster cannot be reached or will not take our credentials,
 * and from where `status` and `verify` must run. Both clusters have private API
 * endpoints only (aws.SecureCluster: endpoint_public_access = false;
 * azure.SecureCluster: private_cluster_enabled), so the command must run where
 * Terraform applied the Kubernetes stack from: the cloud stack's network, or a
 * network routed to it that resolves its private DNS.
 */
export function whereToRun(bp: Blueprint, cloud: Cloud, e: KubeError): string {
  const stack = `${bp.name}-${cloud}`;
  if (e.failure === 'credentials') {
    return cloud === 'aws'
      ? `status and verify authenticate like the Kubernetes stack, with \`aws eks get-token --cluster-name ${bp.name} --region ${bp.aws.region}\`: install the AWS CLI, sign in (aws sso login, or role credentials) as an identity with an EKS access entry on the cluster (aws.clusterAdminArns)`
      : `status and verify authenticate like the Kubernetes stack, with \`kubelogin get-token --login azurecli\`: install kubelogin, run \`az login\`${bp.azure.environment === 'usgovernment' ? ' (after `az cloud set --name AzureUSGovernment`)' : ''} as a member of a group in azure.adminGroupObjectIds`;
  }
  if (e.failure === 'forbidden') {
    return `the identity reached the cluster but may not read or create this; grant it cluster access (${cloud === 'aws' ? 'aws.clusterAdminArns' : 'azure.adminGroupObjectIds'})`;
  }
  const network =
    cloud === 'aws'
      ? `The EKS API endpoint of ${bp.name} is private: run from a machine in the VPC of ${stack} (${bp.aws.vpcCidr}, ${bp.aws.region}) or a network routed to it that uses the VPC's DNS resolver, such as the runner that applied ${stack}-k8s`
      : `The AKS API server of ${bp.name} is private: its name resolves only through the private DNS zone linked to the VNet of ${stack} (${bp.azure.vnetCidr}, ${bp.azure.location}); run from that VNet or a network peered to it and linked to the zone, such as the runner that applied ${stack}-k8s`;
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `the name does not resolve from this machine. ${network}`;
  if (e.code === 'ETIMEDOUT' || e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH') return `no route or no answer from this machine. ${network}`;
  if (e.code === 'ECONNREFUSED') return `the connection was refused: something answers at that address that is not the API server. ${network}`;
  if (e.code && /CERT|SIGNATURE/.test(e.code)) return `the server's certificate is not signed by the cluster CA recorded in ${stack}'s state (${e.code}): refresh the state (terraform apply -refresh-only) or check for a proxy that intercepts TLS`;
  return network;
}
