import type { Blueprint } from '../blueprint/blueprint';
import type { Cloud } from '../core/defaults';

/** The label every node of a blueprint's pool carries (set by aws.SecureNodePool and azure.SecureNodePool). */
export const NODE_POOL_LABEL = 'hms-sys/node-pool';
/** The label that selects the workload's pods (k8s.HardenedWorkload). */
export const WORKLOAD_LABEL = 'app.kubernetes.io/name';

/**
 * What one cloud's cluster should be running for a blueprint: the names the
 * Kubernetes stack gives its objects, and the values it was applied with.
 */
export interface DesiredPlatform {
  readonly blueprint: string;
  readonly cloud: Cloud;
  /** The Kubernetes stack, for messages about what is not applied yet. */
  readonly kubernetesStack: string;
  /** False until the Kubernetes stack has state: objects missing from the cluster are then expected. */
  readonly kubernetesApplied: boolean;
  readonly namespace: string;
  readonly nodePool: { readonly name: string; readonly count: number; readonly minCount: number };
  readonly volume?: {
    readonly claimName: string;
    readonly mountPath: string;
    readonly readOnly: boolean;
    /**
     * Whether the workload mounts the claim. A block volume attaches to one node,
     * so a workload of several replicas cannot mount it until the cloud provides
     * shared file storage; the Kubernetes stack records what it did.
     */
    readonly mounted: boolean;
  };
  readonly network: { readonly ingressCidr: string; readonly allowDns: boolean };
  readonly workload?: {
    readonly deploymentName: string;
    readonly replicas: number;
    readonly port: number;
    /** The image the Deployment was applied with (through the private mirror), when the stack's state says. */
    readonly image?: string;
    readonly podLabels: Readonly<Record<string, string>>;
  };
}

/**
 * The desired platform of `bp` on `cloud`, from the blueprint and, once the
 * Kubernetes stack is applied, from its Terraform outputs (stacks/kubernetes-stack.ts
 * writes them for this purpose: names and values only, nothing secret).
 */
export function desiredPlatform(bp: Blueprint, cloud: Cloud, kubernetesOutputs?: Readonly<Record<string, unknown>>): DesiredPlatform {
  const out = kubernetesOutputs ?? {};
  const str = (key: string, fallback: string) => (typeof out[key] === 'string' && out[key] !== '' ? (out[key] as string) : fallback);
  const declared = bp.storage?.volume;
  const workloadName = str('deployment_name', bp.nodePool.name);
  return {
    blueprint: bp.name,
    cloud,
    kubernetesStack: `${bp.name}-${cloud}-k8s`,
    kubernetesApplied: kubernetesOutputs !== undefined,
    namespace: str('namespace_name', bp.name),
    nodePool: { name: bp.nodePool.name, count: bp.nodePool.count, minCount: bp.nodePool.minCount },
    volume: declared && {
      claimName: str('claim_name', declared.name),
      mountPath: declared.mountPath,
      readOnly: declared.readOnly,
      // An empty claim_mount_path is the stack saying it did not mount the claim.
      mounted: typeof out.claim_mount_path === 'string' ? out.claim_mount_path !== '' : declared.kind === 'file' || (bp.workload?.replicas ?? 1) === 1,
    },
    network: { ingressCidr: bp.network.policy.ingressCIDR, allowDns: bp.network.policy.allowDns },
    workload: bp.workload && {
      deploymentName: workloadName,
      replicas: typeof out.replicas === 'number' ? out.replicas : bp.workload.replicas,
      port: bp.workload.port,
      image: typeof out.image === 'string' ? out.image : undefined,
      podLabels: { [WORKLOAD_LABEL]: workloadName },
    },
  };
}
