import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { DiskEncryptionKey } from '../lib/azure/disk-encryption-key';
import { EncryptedVolume } from '../lib/azure/encrypted-volume';
import { IsolatedNetwork } from '../lib/azure/isolated-network';
import { KeyVault } from '../lib/azure/key-vault';
import { SecureCluster } from '../lib/azure/secure-cluster';
import { TagResources } from '../lib/azure/private/tag-resources';
import { SecureNodePool } from '../lib/azure/secure-node-pool';
import type { Blueprint } from '../lib/blueprint/blueprint';
import { MAX_LOG_ANALYTICS_RETENTION_DAYS } from '../lib/core/defaults';
import { blueprintTags } from '../lib/core/tags';
import { FedRampBaseline, type FedRampBaselineProps } from '../lib/policy/fedramp-baseline';
import { localBackend, type BackendFactory } from './backend';

export interface AksStackProps {
  readonly blueprint: Blueprint;
  /** @default localBackend */
  readonly backend?: BackendFactory;
  /** @default both packs, not strict */
  readonly policy?: FedRampBaselineProps;
}

/** Log Analytics keeps 30 to 730 days; `0` (never expire) and longer periods keep the maximum. */
export function logAnalyticsRetention(days: number): number {
  return days === 0 ? MAX_LOG_ANALYTICS_RETENTION_DAYS : Math.min(MAX_LOG_ANALYTICS_RETENTION_DAYS, Math.max(30, days));
}

/**
 * One blueprint on Azure: resource group, log workspace, isolated network, Key
 * Vault, AKS cluster, node pool and encrypted disk. Kubernetes objects live in
 * their own stack.
 */
export class AksStack extends TerraformStack {
  public readonly network: IsolatedNetwork;
  public readonly cluster: SecureCluster;
  public readonly nodePool: SecureNodePool;
  public readonly volume?: EncryptedVolume;
  /** Disk encryption set of the blueprint's volume, static or dynamic. */
  public readonly volumeDiskEncryptionSetId?: string;
  /** What the user should know about how the blueprint maps onto Azure. */
  public readonly notices: string[] = [];

  constructor(scope: Construct, id: string, props: AksStackProps) {
    super(scope, id);
    const bp = props.blueprint;
    const az = bp.azure;
    (props.backend ?? localBackend)(this, id);
    FedRampBaseline.of(this, props.policy);
    new AzurermProvider(this, 'azurerm', {
      environment: az.environment,
      features: [{ keyVault: [{ purgeSoftDeleteOnDestroy: false, recoverSoftDeletedKeys: true }] }],
      // Storage data-plane calls authenticate with Entra ID, never account keys.
      storageUseAzuread: true,
    });
    Aspects.of(this).add(new TagResources(blueprintTags(bp.name, bp.sourceFile, bp.tags)));
    const group = new ResourceGroup(this, 'resource-group', { name: `${bp.name}-rg`, location: az.location });
    const workspace = new LogAnalyticsWorkspace(this, 'log-analytics', {
      name: `${bp.name}-logs`,
      resourceGroupName: group.name,
      location: group.location,
      sku: 'PerGB2018',
      retentionInDays: logAnalyticsRetention(bp.logRetentionDays),
      localAuthenticationEnabled: false,
    });

    this.network = new IsolatedNetwork(this, 'network', {
      name: bp.name,
      resourceGroupName: group.name,
      location: group.location,
      vnetCidr: az.vnetCidr,
      ingressCidr: bp.network.policy.ingressCIDR,
      logAnalyticsWorkspaceId: workspace.id,
      logAnalyticsWorkspaceGuid: workspace.workspaceId,
      flowLogRetentionDays: Math.max(90, Math.min(365, bp.logRetentionDays || 365)),
      networkWatcherName: az.networkWatcherName,
      networkWatcherResourceGroup: az.networkWatcherResourceGroup,
    });
    const keyVault = new KeyVault(this, 'key-vault', {
      name: bp.name,
      resourceGroupName: group.name,
      location: group.location,
      environment: az.environment,
      privateEndpointSubnetId: this.network.privateEndpointSubnetId,
      virtualNetworkId: this.network.virtualNetworkId,
      logAnalyticsWorkspaceId: workspace.id,
    });
    this.cluster = new SecureCluster(this, 'cluster', {
      clusterName: bp.name,
      resourceGroupName: group.name,
      location: group.location,
      kubernetesVersion: bp.kubernetesVersion,
      nodeSubnetId: this.network.nodeSubnetId,
      logAnalyticsWorkspaceId: workspace.id,
      keyVault,
      runtime: bp.nodePool.runtime,
      adminGroupObjectIds: az.adminGroupObjectIds,
      systemVmSize: az.vmSize,
      zones: az.zones,
      defender: az.defender,
    });
    this.nodePool = new SecureNodePool(this, 'node-pool', {
      cluster: this.cluster,
      nodePoolName: bp.nodePool.name,
      desiredSize: bp.nodePool.count,
      minSize: bp.nodePool.minCount,
      maxSize: bp.nodePool.maxCount,
      runtime: bp.nodePool.runtime,
      vmSize: az.vmSize,
    });
    if (bp.storage?.volume.provisioning === 'static') {
      this.volume = new EncryptedVolume(this, 'volume', {
        volumeName: bp.storage.volume.name,
        sizeGiB: bp.storage.volume.sizeGiB,
        resourceGroupName: group.name,
        location: group.location,
        keyVault,
        zone: az.zones[0],
      });
      this.volumeDiskEncryptionSetId = this.volume.diskEncryptionSetId;
      // The disk lives outside the node resource group: AKS must be allowed to attach it.
      new RoleAssignment(this, 'cluster-attaches-volume', { scope: this.volume.diskId, roleDefinitionName: 'Contributor', principalId: this.cluster.identityPrincipalId });
    } else if (bp.storage) {
      this.volumeDiskEncryptionSetId = new DiskEncryptionKey(this, 'volume-key', {
        keyName: `${bp.storage.volume.name}-volumes`,
        keyVault,
        resourceGroupName: group.name,
        location: group.location,
      }).diskEncryptionSetId;
    }
    if (this.volumeDiskEncryptionSetId) {
      new RoleAssignment(this, 'cluster-reads-volume-key', { scope: this.volumeDiskEncryptionSetId, roleDefinitionName: 'Reader', principalId: this.cluster.identityPrincipalId });
    }

    if (this.nodePool.runtimeNotice) this.notices.push(this.nodePool.runtimeNotice);
    if (this.nodePool.nodePoolName !== bp.nodePool.name) {
      this.notices.push(`AKS node pool names allow 12 lowercase letters and digits: "${bp.nodePool.name}" is "${this.nodePool.nodePoolName}" on Azure`);
    }

    new TerraformOutput(this, 'cluster_name', { value: this.cluster.clusterName });
    new TerraformOutput(this, 'cluster_id', { value: this.cluster.clusterId });
    new TerraformOutput(this, 'node_pool_name', { value: this.nodePool.nodePoolName });
    new TerraformOutput(this, 'node_pool_desired_size', { value: bp.nodePool.count });
    new TerraformOutput(this, 'resource_group_name', { value: group.name });
    if (this.volume) new TerraformOutput(this, 'volume_id', { value: this.volume.diskId });
  }
}
