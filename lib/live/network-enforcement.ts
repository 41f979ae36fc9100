import type { V1Container, V1DaemonSet } from '@kubernetes/client-node';
import type { Cloud } from '../core/defaults';
import type { KubeClient } from './kube-client';

/** Whether, and by what, the cluster enforces NetworkPolicy. */
export interface Enforcement {
  readonly enforced: boolean;
  /** e.g. `VPC CNI network policy agent, standard mode`, or why not. */
  readonly by: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

function daemonSetReady(ds: V1DaemonSet): string | undefined {
  const wanted = ds.status?.desiredNumberScheduled ?? 0;
  const ready = ds.status?.numberReady ?? 0;
  return ready < wanted ? `${ready}/${wanted} of its pods are ready` : undefined;
}

const env = (c: V1Container | undefined, name: string) => c?.env?.find((e) => e.name === name)?.value;

/**
 * EKS: the VPC CNI's network policy agent, a container of the aws-node
 * DaemonSet, enforces NetworkPolicy only when it runs with
 * `--enable-network-policy=true` (what the add-on's `enableNetworkPolicy`
 * configuration sets). `NETWORK_POLICY_ENFORCING_MODE` on the aws-node container
 * is `standard` (the default: a new pod is unrestricted until the agent applies
 * its policies, within seconds) or `strict` (a new pod is denied until then).
 * The container is `aws-eks-nodeagent` in the EKS add-on and
 * `aws-network-policy-agent` in upstream manifests; either is accepted.
 * @see https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html
 */
async function vpcCni(client: KubeClient): Promise<Enforcement> {
  const ds = await client.readDaemonSet('kube-system', 'aws-node');
  if (!ds) return { enforced: false, by: 'no aws-node DaemonSet in kube-system: the VPC CNI is not installed', detail: {} };
  const containers = ds.spec?.template.spec?.containers ?? [];
  const agent = containers.find((c) => (c.args ?? []).some((a) => a.startsWith('--enable-network-policy=')));
  const flag = agent?.args?.find((a) => a.startsWith('--enable-network-policy='))?.split('=')[1];
  const mode = env(containers.find((c) => c.name === 'aws-node'), 'NETWORK_POLICY_ENFORCING_MODE') ?? 'standard';
  const detail = { daemonSet: 'kube-system/aws-node', agentContainer: agent?.name, enableNetworkPolicy: flag ?? null, enforcingMode: mode };
  if (flag !== 'true') {
    return { enforced: false, by: `the VPC CNI network policy agent runs with --enable-network-policy=${flag ?? '(absent)'}: policies are stored but not enforced; set enableNetworkPolicy in the vpc-cni add-on configuration`, detail };
  }
  const notReady = daemonSetReady(ds);
  if (notReady) return { enforced: false, by: `aws-node: ${notReady}, so some nodes do not enforce policies`, detail };
  return { enforced: true, by: `VPC CNI network policy agent, ${mode} mode`, detail };
}

/**
 * AKS: Azure CNI Powered by Cilium runs the `cilium` DaemonSet in kube-system,
 * which enforces NetworkPolicy on every node.
 * @see https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium
 */
async function cilium(client: KubeClient): Promise<Enforcement> {
  const ds = await client.readDaemonSet('kube-system', 'cilium');
  if (!ds) return { enforced: false, by: 'no cilium DaemonSet in kube-system: the cluster does not run Azure CNI Powered by Cilium', detail: {} };
  const detail = { daemonSet: 'kube-system/cilium', ready: ds.status?.numberReady ?? 0, desired: ds.status?.desiredNumberScheduled ?? 0 };
  const notReady = daemonSetReady(ds);
  if (notReady) return { enforced: false, by: `cilium: ${notReady}, so some nodes do not enforce policies`, detail };
  return { enforced: true, by: 'Cilium', detail };
}

/** How the cluster of `cloud` enforces NetworkPolicy, read from the enforcing agent itself. */
export function networkPolicyEnforcement(cloud: Cloud, client: KubeClient): Promise<Enforcement> {
  return cloud === 'aws' ? vpcCni(client) : cilium(client);
}
