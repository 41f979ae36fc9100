import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Aspects, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { DiskEncryptionKey } from '../lib/azure/disk-encryption-key';
import { azureShareName, EncryptedFileShare } from '../lib/azure/encrypted-file-share';
import { EncryptedVolume } from '../lib/azure/encrypted-volume';
import { FlowLogs } from '../lib/azure/flow-logs';
import { IsolatedNetwork } from '../lib/azure/isolated-network';
import { KeyVault } from '../lib/azure/key-vault';
import { NetworkPeering } from '../lib/azure/network-peering';
import type { NetworkLink } from '../lib/azure/private-link';
import { PrivateMonitoring } from '../lib/azure/private-monitoring';
import { PrivateRegistry } from '../lib/azure/private-registry';
import { SecureCluster } from '../lib/azure/secure-cluster';
import { TagResources } from '../lib/azure/private/tag-resources';
import { SecureNodePool } from '../lib/azure/secure-node-pool';
import type { Blueprint } from '../lib/blueprint/blueprint';
import { ACR_CACHE_UPSTREAMS, MAX_LOG_ANALYTICS_RETENTION_DAYS } from '../lib/core/defaults';
import { blueprintTags } from '../lib/core/tags';
import { FedRampBaseline, type FedRampBaselineProps } from '../lib/policy/fedramp-baseline';
import { localBackend, type BackendFactory } from './backend';

export interface AksStackProps {
  readonly blueprint: Blueprint;
  /** @default localBackend */
  readonly backend?: BackendFactory;
  /** @default both packs, not strict */
  readonly policy?: FedRampBaselineProps;
  /**
   * The day Kubernetes versions are judged on (the support tier follows the phase).
   * @default - today
   */
  readonly supportDate?: Date;
}

/** Log Analytics keeps 30 to 730 days; `0` (never expire) and longer periods keep the maximum. */
export function logAnalyticsRetention(days: number): number {
  return days === 0 ? MAX_LOG_ANALYTICS_RETENTION_DAYS : Math.min(MAX_LOG_ANALYTICS_RETENTION_DAYS, Math.max(30, days));
}

/** Encryption in transit for NFS shares needs the Azure Files CSI driver of AKS 1.33 or later. */
export function nfsEncryptionInTransit(kubernetesVersion: string): boolean {
  return Number(kubernetesVersion.split('.')[1]) >= 33;
}

/**
 * `registry/path` of an image without its last segment: the namespace the registry
 * cache mirrors. Undefined when the image names no registry host (Docker's implicit
 * docker.io), which no mirror prefix can match.
 */
export function imageNamespace(image: string): string | undefined {
  const path = image.split('@')[0].replace(/:[^/]*$/, '');
  const host = path.split('/')[0];
  if (!path.includes('/') || !(host.includes('.') || host.includes(':') || host === 'localhost')) return undefined;
  return path.slice(0, path.lastIndexOf('/'));
}

/**
 * One blueprint on Azure: resource group, log workspace, isolated network peered with
 * the runner and agency networks, Key Vault, flow logs, Azure Monitor private link
 * scope, AKS cluster and node pool with Container insights, a private registry cache
 * for the workload image, and the blueprint's volume (an NFS file share for several
 * replicas, a managed disk for one). Kubernetes objects live in their own stack.
 * Walk-through of the first apply: docs/DEPLOYMENT-REVIEW.md, "Azure".
 */
export class AksStack extends TerraformStack {
  public readonly network: IsolatedNetwork;
  public readonly cluster: SecureCluster;
  public readonly nodePool: SecureNodePool;
  public readonly keyVault: KeyVault;
  public readonly volume?: EncryptedVolume;
  public readonly fileShare?: EncryptedFileShare;
  public readonly registry: PrivateRegistry;
  /** Disk encryption set of the blueprint's block volume, static or dynamic. */
  public readonly volumeDiskEncryptionSetId?: string;
  /** True when NFS mounts are encrypted in transit (AKS 1.33 and later). */
  public readonly nfsEncryptionInTransit: boolean;
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
      features: [
        {
          keyVault: [{ purgeSoftDeleteOnDestroy: false, recoverSoftDeletedKeys: true }],
          // Storage accounts are managed through Azure Resource Manager only: their data
          // planes are closed to the runner (storage_account_resource.go, azurerm v4.55.0).
          storage: [{ dataPlaneAvailable: false }],
        },
      ],
      // Any storage data-plane call that remains authenticates with Entra ID, never account keys.
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
      // Audit evidence (AU-9, AU-11): a destroy must be a reviewed code change.
      lifecycle: { preventDestroy: true },
    });

    this.network = new IsolatedNetwork(this, 'network', {
      name: bp.name,
      resourceGroupName: group.name,
      location: group.location,
      vnetCidr: az.vnetCidr,
      podCidr: az.podCidr,
      ingressCidr: bp.network.policy.ingressCIDR,
    });
    const local = { name: this.network.virtualNetworkLabel, virtualNetworkName: this.network.virtualNetworkName, resourceGroupName: group.name, virtualNetworkId: this.network.virtualNetworkId };
    const clusterNetwork: NetworkLink = { name: 'cluster', virtualNetworkId: this.network.virtualNetworkId };
    const gatewayHub = az.agencyGateway?.hubNetworkId;
    const runnerPeering =
      az.runnerNetworkId &&
      new NetworkPeering(this, 'runner-peering', { name: 'runner', localNetwork: local, remoteNetworkId: az.runnerNetworkId, environment: az.environment, useRemoteGateway: gatewayHub === az.runnerNetworkId });
    if (gatewayHub && gatewayHub !== az.runnerNetworkId) {
      new NetworkPeering(this, 'agency-peering', { name: 'hub', localNetwork: local, remoteNetworkId: gatewayHub, environment: az.environment, useRemoteGateway: true });
    }
    const runnerNetworks: NetworkLink[] = az.runnerNetworkId ? [{ name: 'runner', virtualNetworkId: az.runnerNetworkId }] : [];

    this.keyVault = new KeyVault(this, 'key-vault', {
      name: bp.name,
      resourceGroupName: group.name,
      location: group.location,
      environment: az.environment,
      privateEndpointSubnetId: this.network.privateEndpointSubnetId,
      linkedNetworks: [clusterNetwork, ...runnerNetworks],
      runnerPath: runnerPeering ? runnerPeering.connected : undefined,
      logAnalyticsWorkspaceId: workspace.id,
    });
    const flowLogs = new FlowLogs(this, 'flow-logs', {
      name: bp.name,
      resourceGroupName: group.name,
      location: group.location,
      virtualNetworkId: this.network.virtualNetworkId,
      keyVault: this.keyVault,
      logAnalyticsWorkspaceId: workspace.id,
      logAnalyticsWorkspaceGuid: workspace.workspaceId,
      retentionDays: Math.max(90, Math.min(365, bp.logRetentionDays || 365)),
      networkWatcherName: az.networkWatcherName,
      networkWatcherResourceGroup: az.networkWatcherResourceGroup,
    });
    const monitoring = new PrivateMonitoring(this, 'monitoring', {
      name: bp.name,
      resourceGroupName: group.name,
      location: group.location,
      environment: az.environment,
      logAnalyticsWorkspaceId: workspace.id,
      privateEndpointSubnetId: this.network.privateEndpointSubnetId,
      linkedNetworks: [clusterNetwork],
    });
    // One registry serves AKS's own images (bootstrap) and the workload's, through its
    // private endpoint: the cluster waits for it and its kubelet identity pulls from it.
    const namespace = bp.workload && imageNamespace(bp.workload.image);
    if (bp.workload && !namespace) {
      this.notices.push(`${bp.workload.image} names no registry, and AKS nodes have no way out: name it with its registry (e.g. docker.io/library/<name>:<tag>) so that the blueprint's registry cache can mirror it`);
    }
    this.registry = new PrivateRegistry(this, 'registry', {
      name: bp.name,
      resourceGroupName: group.name,
      location: group.location,
      environment: az.environment,
      privateEndpointSubnetId: this.network.privateEndpointSubnetId,
      linkedNetworks: [clusterNetwork],
      upstreamNamespace: namespace || undefined,
      upstreamCredentials: az.upstreamCredentials,
      keyVault: this.keyVault,
      aksBootstrap: true,
    });
    this.cluster = new SecureCluster(this, 'cluster', {
      clusterName: bp.name,
      resourceGroupName: group.name,
      location: group.location,
      environment: az.environment,
      kubernetesVersion: bp.kubernetesVersion,
      supportDate: props.supportDate,
      virtualNetworkId: this.network.virtualNetworkId,
      nodeSubnetId: this.network.nodeSubnetId,
      apiServerAccessNetworks: runnerNetworks,
      podCidr: az.podCidr,
      serviceCidr: az.serviceCidr,
      logAnalyticsWorkspaceId: workspace.id,
      keyVault: this.keyVault,
      runtime: bp.nodePool.runtime,
      adminGroupObjectIds: az.adminGroupObjectIds,
      systemVmSize: az.vmSize,
      zones: az.zones,
      bootstrapRegistry: { registryId: this.registry.registryId, ready: this.registry.bootstrapReady },
    });
    monitoring.monitorCluster(this, 'container-insights', this.cluster.clusterId, bp.name);
    this.nodePool = new SecureNodePool(this, 'node-pool', {
      cluster: this.cluster,
      nodePoolName: bp.nodePool.name,
      desiredSize: bp.nodePool.count,
      minSize: bp.nodePool.minCount,
      maxSize: bp.nodePool.maxCount,
      runtime: bp.nodePool.runtime,
      vmSize: az.vmSize,
    });
    this.nfsEncryptionInTransit = nfsEncryptionInTransit(this.cluster.kubernetesVersion);
    const declared = bp.storage?.volume;
    if (declared?.kind === 'file') {
      this.fileShare = new EncryptedFileShare(this, 'file-share', {
        shareName: azureShareName(declared.name),
        name: bp.name,
        sizeGiB: declared.sizeGiB,
        resourceGroupName: group.name,
        location: group.location,
        environment: az.environment,
        keyVault: this.keyVault,
        privateEndpointSubnetId: this.network.privateEndpointSubnetId,
        linkedNetworks: [clusterNetwork],
        requireEncryptionInTransit: this.nfsEncryptionInTransit,
      });
      FedRampBaseline.acknowledge(this.fileShare.storageAccount, 'HMS-ST-8', 'a FileStorage account has no blob service; its shares keep deleted data for 30 days (share soft delete)');
      if (!this.nfsEncryptionInTransit) {
        FedRampBaseline.acknowledge(
          this.fileShare.storageAccount,
          'HMS-ST-1',
          `Kubernetes ${this.cluster.kubernetesVersion} predates encryption in transit for NFS shares (AKS 1.33), and with "secure transfer required" on Azure Files refuses NFS mounts that are not encrypted; the account is reachable only through its private endpoint`,
        );
        this.notices.push(`Kubernetes ${this.cluster.kubernetesVersion} predates encryption in transit for NFS shares (AKS 1.33): the share ${declared.name} is mounted without TLS inside the virtual network`);
      }
    } else if (declared?.provisioning === 'static') {
      this.volume = new EncryptedVolume(this, 'volume', {
        volumeName: declared.name,
        sizeGiB: declared.sizeGiB,
        resourceGroupName: group.name,
        location: group.location,
        keyVault: this.keyVault,
        zone: az.zones[0],
      });
      this.volumeDiskEncryptionSetId = this.volume.diskEncryptionSetId;
      // The disk lives outside the node resource group: AKS must be allowed to attach it.
      new RoleAssignment(this, 'cluster-attaches-volume', { scope: this.volume.diskId, roleDefinitionName: 'Contributor', principalId: this.cluster.identityPrincipalId });
    } else if (declared) {
      this.volumeDiskEncryptionSetId = new DiskEncryptionKey(this, 'volume-key', {
        keyName: `${declared.name}-volumes`,
        keyVault: this.keyVault,
        resourceGroupName: group.name,
        location: group.location,
      }).diskEncryptionSetId;
    }
    if (this.volumeDiskEncryptionSetId) {
      new RoleAssignment(this, 'cluster-reads-volume-key', { scope: this.volumeDiskEncryptionSetId, roleDefinitionName: 'Reader', principalId: this.cluster.identityPrincipalId });
    }

    FedRampBaseline.acknowledge(
      flowLogs.storageAccount,
      'HMS-ST-8',
      'Network Watcher rewrites each flow-log blob every minute, so versioning would keep a copy a minute; blob and container soft delete keep deleted logs for 30 days',
    );
    const clusterResource = this.cluster.node.findChild('Resource');
    FedRampBaseline.acknowledge(clusterResource, 'HMS-AKS-11', 'the Azure Policy add-on needs data.policy and store.policy endpoints, which have no private link, and a network-isolated cluster has no other way out; Pod Security "restricted" and the hms-sys policy gate enforce configuration instead');
    FedRampBaseline.acknowledge(clusterResource, 'HMS-AKS-15', "the Defender sensor needs *.cloud.defender.microsoft.com and Entra ID, which have no private link; the subscription's Defender for Containers plan covers the registry and the control plane without it");

    this.notices.push(...this.cluster.addOnNotices.map((n) => `on Azure, ${n}`));
    if (this.nodePool.runtimeNotice) this.notices.push(this.nodePool.runtimeNotice);
    if (this.nodePool.nodePoolName !== bp.nodePool.name) {
      this.notices.push(`AKS node pool names allow 12 lowercase letters and digits: "${bp.nodePool.name}" is "${this.nodePool.nodePoolName}" on Azure`);
    }
    if (!az.runnerNetworkId) {
      this.notices.push(
        'no Azure runner network (azure.runnerNetworkId or HMS_AZURE_RUNNER_NETWORK_ID): the Key Vault, its keys and the cluster API are private, so hms-sys apply will stop before anything is created unless this machine already reaches them',
      );
    }
    if (!az.agencyGateway) {
      this.notices.push(
        `no agency gateway (azure.agencyGateway or HMS_AZURE_AGENCY_HUB_NETWORK_ID): ${bp.network.policy.ingressCIDR} has no route to the cluster's internal load balancer until the agency network is connected to ${bp.name}-vnet`,
      );
    }
    if (namespace && !this.registry.cached) {
      this.notices.push(
        `the registry cache cannot mirror ${namespace?.split('/')[0]} (it mirrors ${ACR_CACHE_UPSTREAMS.join(', ')}): import ${bp.workload?.image} into the blueprint's registry (az acr import --name <registry> --source ${bp.workload?.image} --image ${bp.workload?.image}) before the Kubernetes stack is applied`,
      );
    }
    if (this.registry.credentialSecrets) {
      const s = this.registry.credentialSecrets;
      this.notices.push(`before the workload can pull ${bp.workload?.image}, store the upstream registry's username and token as Key Vault secrets ${s.username} and ${s.password} (hms-sys apply checks them before the Kubernetes stack)`);
    }

    new TerraformOutput(this, 'cluster_name', { value: this.cluster.clusterName });
    new TerraformOutput(this, 'cluster_id', { value: this.cluster.clusterId });
    // Read by the preflight before the Kubernetes stack: where the API server is and who signed its certificate.
    new TerraformOutput(this, 'cluster_api_url', { value: this.cluster.host, sensitive: true });
    new TerraformOutput(this, 'cluster_ca_certificate', { value: this.cluster.clusterCaCertificate, sensitive: true });
    new TerraformOutput(this, 'node_pool_name', { value: this.nodePool.nodePoolName });
    new TerraformOutput(this, 'node_pool_desired_size', { value: bp.nodePool.count });
    new TerraformOutput(this, 'resource_group_name', { value: group.name });
    new TerraformOutput(this, 'key_vault_id', { value: this.keyVault.keyVaultId });
    new TerraformOutput(this, 'registry_login_server', { value: this.registry.loginServer });
    if (this.registry.credentialSecrets) {
      new TerraformOutput(this, 'upstream_username_secret', { value: this.registry.credentialSecrets.username });
      new TerraformOutput(this, 'upstream_password_secret', { value: this.registry.credentialSecrets.password });
    }
    if (this.volume) new TerraformOutput(this, 'volume_id', { value: this.volume.diskId });
    if (this.fileShare) new TerraformOutput(this, 'file_share_id', { value: `${this.fileShare.storageAccountId}/fileServices/default/shares/${this.fileShare.shareName}` });
  }
}
