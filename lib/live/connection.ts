import { CLOUD_RESOURCE_TYPES } from '../core/cloud-resources';
import type { Cloud } from '../core/defaults';
import type { ShowJson } from '../status/summarize';
import type { ClusterConnection } from './kube-client';

type Json = Record<string, unknown>;

function firstResource(show: ShowJson, type: string): Json | undefined {
  return show.values?.root_module?.resources?.find((r) => r.type === type)?.values;
}

function first(list: unknown): Json | undefined {
  return Array.isArray(list) && typeof list[0] === 'object' && list[0] !== null ? (list[0] as Json) : undefined;
}

/**
 * The API server and CA of the cluster in a cloud stack's state (`terraform show
 * -json`): read from the resource attributes, so the cloud stacks need no extra
 * outputs. EKS: `endpoint` and `certificate_authority[0].data` of aws_eks_cluster
 * (terraform-provider-aws 5.100.0 schema, as @cdktf/provider-aws 20.1.0 lib/eks-cluster binds it).
 * AKS: `kube_config[0].host` and `cluster_ca_certificate` of
 * azurerm_kubernetes_cluster: the server and CA of the cluster-user kubeconfig
 * (ListClusterUserCredentials, kubernetes_cluster_resource.go:2790 and :3072;
 * flattenKubernetesClusterDataSourceKubeConfigAAD, kubernetes_cluster_data_source.go:1407,
 * terraform-provider-azurerm v4.55.0), the private FQDN for a private cluster.
 * Undefined when the state holds no cluster yet.
 */
export function clusterEndpoint(cloud: Cloud, show: ShowJson): { server: string; caData: string } | undefined {
  if (cloud === 'aws') {
    const eks = firstResource(show, CLOUD_RESOURCE_TYPES.aws.cluster);
    const server = eks?.endpoint;
    const ca = first(eks?.certificate_authority)?.data;
    return typeof server === 'string' && server && typeof ca === 'string' && ca ? { server, caData: ca } : undefined;
  }
  const aks = first(firstResource(show, CLOUD_RESOURCE_TYPES.azure.cluster)?.kube_config);
  const host = aks?.host;
  const ca = aks?.cluster_ca_certificate;
  return typeof host === 'string' && host && typeof ca === 'string' && ca ? { server: host, caData: ca } : undefined;
}

/**
 * The credential plugin of a synthesized Kubernetes stack's provider block: the
 * same command and arguments Terraform authenticates with (stacks/app.ts: `aws
 * eks get-token`, `kubelogin get-token`), so status and verify act with the
 * identity that applied the stack.
 */
export function providerExec(kubernetesStackJson: Json): ClusterConnection['exec'] | undefined {
  const provider = first((kubernetesStackJson.provider as Json | undefined)?.kubernetes);
  const exec = first(provider?.exec);
  if (typeof exec?.command !== 'string' || !Array.isArray(exec.args)) return undefined;
  return { command: exec.command, args: exec.args.map(String) };
}
