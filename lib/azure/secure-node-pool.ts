import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { Construct } from 'constructs';
import { AKS_MAX_SURGE_PERCENT, DEFAULT_AZURE_VM_SIZE, MAX_NODE_COUNT } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { RUNTIMES, type Runtime } from '../core/runtimes';
import { aksNodePoolName, rotationName } from './private/names';
import { aksNodeOs } from './private/node-os';
import type { ISecureCluster } from './secure-cluster';

export interface SecureNodePoolProps {
  readonly cluster: ISecureCluster;
  /** Blueprint name of the pool; AKS keeps lowercase letters and digits, 12 at most. */
  readonly nodePoolName: string;
  readonly desiredSize: number;
  /** @default desiredSize */
  readonly minSize?: number;
  /** @default desiredSize */
  readonly maxSize?: number;
  readonly runtime: Runtime;
  /** @default 'Standard_D4s_v5' */
  readonly vmSize?: string;
  /**
   * Kubernetes labels on every node.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A user node pool with FIPS-enabled images (SC-13), host encryption of temp disks
 * and caches (SC-28), no public IPs (SC-7), OS disks under the cluster's customer
 * key, surge upgrades, and the temporary rotation name azurerm needs to change FIPS
 * or host encryption without destroying the pool.
 */
export class SecureNodePool extends Construct {
  public readonly nodePoolName: string;
  public readonly nodePoolId: string;
  public readonly runtimeNotice?: string;

  constructor(scope: Construct, id: string, props: SecureNodePoolProps) {
    super(scope, id);
    const name = aksNodePoolName(props.nodePoolName);
    const minSize = props.minSize ?? props.desiredSize;
    const maxSize = props.maxSize ?? props.desiredSize;
    new PropsValidator('azure.SecureNodePool', this.node.path)
      .check(name.length >= 1 && /^[a-z]/.test(name), `nodePoolName (${props.nodePoolName}) must start with a letter`)
      .check(name !== 'system', 'nodePoolName "system" is taken by the cluster\'s system pool')
      .whenKnown([minSize, maxSize], () => maxSize >= minSize, () => `maxSize (${maxSize}) must be >= minSize (${minSize})`)
      .whenKnown([props.desiredSize, minSize, maxSize], () => props.desiredSize >= minSize && props.desiredSize <= maxSize, () => `desiredSize (${props.desiredSize}) must be within minSize (${minSize}) and maxSize (${maxSize})`)
      .whenKnown([maxSize], () => maxSize <= MAX_NODE_COUNT, () => `maxSize (${maxSize}) must be <= ${MAX_NODE_COUNT}`)
      .check((RUNTIMES as readonly string[]).includes(props.runtime), `runtime (${props.runtime}) is not supported; supported: ${RUNTIMES.join(', ')}`)
      .throwIfAny();
    const os = aksNodeOs(props.runtime, props.cluster.kubernetesVersion);
    const autoscale = minSize !== maxSize;
    const pool = new KubernetesClusterNodePool(this, 'Resource', {
      name,
      kubernetesClusterId: props.cluster.clusterId,
      mode: 'User',
      vmSize: props.vmSize ?? DEFAULT_AZURE_VM_SIZE,
      nodeCount: props.desiredSize,
      autoScalingEnabled: autoscale,
      minCount: autoscale ? minSize : undefined,
      maxCount: autoscale ? maxSize : undefined,
      zones: [...props.cluster.zones],
      vnetSubnetId: props.cluster.nodeSubnetId,
      orchestratorVersion: props.cluster.kubernetesVersion,
      fipsEnabled: true,
      hostEncryptionEnabled: true,
      nodePublicIpEnabled: false,
      osType: 'Linux',
      osSku: os.osSku,
      osDiskType: 'Managed',
      maxPods: 50,
      temporaryNameForRotation: rotationName(name),
      upgradeSettings: { maxSurge: `${AKS_MAX_SURGE_PERCENT}%` },
      nodeLabels: { 'hms-sys/node-pool': props.nodePoolName, 'hms-sys/runtime': props.runtime, ...props.labels },
    });
    this.nodePoolName = name;
    this.nodePoolId = pool.id;
    this.runtimeNotice = os.notice;
  }
}
