import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { cidrProblem, cidrSubnet, cidrsOverlap } from '../core/cidr';
import {
  AKS_MAX_SURGE_PERCENT,
  DEFAULT_AKS_POD_CIDR,
  DEFAULT_AKS_SERVICE_CIDR,
  DEFAULT_AKS_SYSTEM_NODE_COUNT,
  DEFAULT_AZURE_VM_SIZE,
  type AzureEnvironment,
} from '../core/defaults';
import { DEFAULT_KUBERNETES_VERSION, supportPhase, versionsInSupport } from '../core/kubernetes-versions';
import { PropsValidator } from '../core/errors';
import type { Runtime } from '../core/runtimes';
import { DiskEncryptionKey } from './disk-encryption-key';
import type { IKeyVault } from './key-vault';
import type { NetworkLink } from './private-link';
import { AzureContext } from './private/azure-context';
import { aksApiServerDnsZone } from './private/dns-zones';
import { aksNodeOs } from './private/node-os';

/** API server and Entra ID authentication logs (AU-2, AU-12; PSRule Azure.AKS.AuditLogs). */
export const AKS_AUDIT_LOG_CATEGORIES = ['kube-audit-admin', 'guard'];

/** The Azure RBAC role that lets a principal do anything in the cluster through the Kubernetes API. */
export const AKS_CLUSTER_ADMIN_ROLE = 'Azure Kubernetes Service RBAC Cluster Admin';

/** What node pools and the Kubernetes layer need to know about a cluster. */
export interface ISecureCluster {
  readonly clusterId: string;
  readonly clusterName: string;
  readonly kubernetesVersion: string;
  readonly nodeSubnetId: string;
  readonly zones: readonly string[];
}

/**
 * The cluster's AKS pricing tier and support plan for a version on a day: a version in
 * AKS community support runs on the Standard tier; one in long-term support needs the
 * Premium tier and the AKSLongTermSupport plan (articles/aks/long-term-support.md,
 * "Enable long-term support"). azurerm v4.55.0 accepts sku_tier Free, Standard, Premium
 * and support_plan KubernetesOfficial, AKSLongTermSupport (kubernetes_cluster_resource.go).
 */
export function aksSupportTier(version: string, on: Date): { skuTier: 'Standard' | 'Premium'; supportPlan: 'KubernetesOfficial' | 'AKSLongTermSupport' } {
  return supportPhase('azure', version, on) === 'extended' ? { skuTier: 'Premium', supportPlan: 'AKSLongTermSupport' } : { skuTier: 'Standard', supportPlan: 'KubernetesOfficial' };
}

export interface SecureClusterProps {
  readonly clusterName: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly environment: AzureEnvironment;
  /** The virtual network: AKS links the API server's private DNS zone to it. */
  readonly virtualNetworkId: string;
  readonly nodeSubnetId: string;
  readonly logAnalyticsWorkspaceId: string;
  /** Vault that holds the key of the nodes' OS disks. */
  readonly keyVault: IKeyVault;
  /** Runtime of the system pool. */
  readonly runtime: Runtime;
  /**
   * @default DEFAULT_KUBERNETES_VERSION
   */
  readonly kubernetesVersion?: string;
  /**
   * The day the version's support phase is judged on (tier and plan follow it).
   * @default - today
   */
  readonly supportDate?: Date;
  /**
   * Networks besides the cluster's that must resolve the private API server name (the
   * runner network, from which the Kubernetes stack is applied).
   * @default - none
   */
  readonly apiServerAccessNetworks?: readonly NetworkLink[];
  /**
   * Azure CNI Overlay pod range, outside the virtual network.
   * @default '100.64.0.0/16'
   */
  readonly podCidr?: string;
  /**
   * Kubernetes Service range; DNS takes its tenth address.
   * @default '100.65.0.0/16'
   */
  readonly serviceCidr?: string;
  /**
   * Entra ID groups granted cluster admin.
   * @default - none; the deploying principal is always granted cluster admin
   */
  readonly adminGroupObjectIds?: readonly string[];
  /**
   * @default 'Standard_D4s_v5'
   */
  readonly systemVmSize?: string;
  /**
   * Nodes of the system pool, which runs only cluster add-ons.
   * @default 3
   */
  readonly systemNodeCount?: number;
  /**
   * @default ['1', '2', '3']
   */
  readonly zones?: readonly string[];
  /**
   * The bring-your-own registry AKS pulls its own images from (with the `aks-managed-mcr`
   * cache rule, `PrivateRegistry` with `aksBootstrap`): the kubelet gets AcrPull on it and
   * the cluster waits for its private endpoint and rule.
   * @default - AKS creates and manages a registry of its own
   */
  readonly bootstrapRegistry?: { readonly registryId: string; readonly ready: readonly ITerraformDependable[] };
  /**
   * Add-ons that call public endpoints with no private link (Azure Policy:
   * data.policy.azure.us; Defender sensor: *.cloud.defender.microsoft.com; workload
   * identity: login.microsoftonline.us). Turn them on only where the node subnet has an
   * egress path to those names (an agency firewall with a route table), which hms-sys
   * does not build.
   * @default - all off, and `addOnNotices` says why
   */
  readonly egressAddOns?: { readonly azurePolicy?: boolean; readonly defender?: boolean; readonly workloadIdentity?: boolean };
}

/**
 * An AKS cluster that is private (SC-7) and network isolated (no outbound route;
 * images through a private registry cache, the blueprint's own when given), authenticated only through Entra
 * ID with Azure RBAC and no local accounts (AC-2, AC-6, IA-2), enforcing
 * NetworkPolicy with Cilium over Azure CNI Overlay (AC-4), with FIPS and
 * host-encrypted system nodes on customer-key OS disks (SC-13, SC-28), audit logs
 * shipped to Log Analytics (AU-2, AU-12), Container insights through the private
 * link scope (`PrivateMonitoring.monitorCluster`), automatic patching (SI-2), on the
 * support tier its Kubernetes version needs, and protected from `terraform destroy`.
 */
export class SecureCluster extends Construct implements ISecureCluster {
  public readonly clusterId: string;
  public readonly clusterName: string;
  public readonly kubernetesVersion: string;
  public readonly nodeSubnetId: string;
  public readonly zones: readonly string[];
  public readonly diskEncryptionSetId: string;
  /** Principal of the control plane identity, for role assignments on resources it uses. */
  public readonly identityPrincipalId: string;
  /** Principal of the kubelet identity, which pulls images (AcrPull). */
  public readonly kubeletPrincipalId: string;
  /** API server address (the private FQDN) and CA, for the Kubernetes provider. */
  public readonly host: string;
  public readonly privateFqdn: string;
  public readonly clusterCaCertificate: string;
  /** True: Cilium enforces Kubernetes NetworkPolicy on this cluster. */
  public readonly networkPolicyEnforced = true;
  /** What the user should know about the node image, if it is not exactly what the runtime names. */
  public readonly runtimeNotice?: string;
  /** Why add-ons hms-sys would otherwise turn on are off. */
  public readonly addOnNotices: readonly string[];
  /** The cluster-admin grants and the runner's DNS links to the API server: what the Kubernetes stack needs. */
  public readonly adminAccess: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: SecureClusterProps) {
    super(scope, id);
    const version = props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const on = props.supportDate ?? new Date();
    const phase = supportPhase('azure', version, on);
    const systemCount = props.systemNodeCount ?? DEFAULT_AKS_SYSTEM_NODE_COUNT;
    const podCidr = props.podCidr ?? DEFAULT_AKS_POD_CIDR;
    const serviceCidr = props.serviceCidr ?? DEFAULT_AKS_SERVICE_CIDR;
    const ubuntuLts = phase === 'extended' && props.runtime === 'fips-ubuntu-22.04' && Number(version.split('.')[1]) >= 33;
    new PropsValidator('azure.SecureCluster', this.node.path)
      .check(
        phase === 'standard' || phase === 'extended',
        `kubernetesVersion (${version}) is not offered by AKS on ${on.toISOString().slice(0, 10)}; choose one of ${versionsInSupport('azure', on).join(', ')}`,
      )
      .check(
        !ubuntuLts,
        `kubernetesVersion (${version}) is in AKS long-term support, which from 1.33 requires Ubuntu 24.04 node pools, and Ubuntu 24.04 has no FIPS image (articles/aks/includes/ubuntu-22-04-retirement.md, enable-fips-nodes.md); choose a version in community support (${versionsInSupport('azure', on).filter((v) => supportPhase('azure', v, on) === 'standard').join(', ')}) or runtime bottlerocket-fips (Azure Linux 3 with FIPS)`,
      )
      .whenKnown([systemCount], () => Number.isInteger(systemCount) && systemCount >= 1 && systemCount <= 100, () => `systemNodeCount (${systemCount}) must be from 1 to 100`)
      .check(!cidrProblem(podCidr) && !cidrProblem(serviceCidr) && !cidrsOverlap(podCidr, serviceCidr), `podCidr (${podCidr}) and serviceCidr (${serviceCidr}) must be networks that do not overlap`)
      .throwIfAny();
    const ctx = AzureContext.of(this);
    const os = aksNodeOs(props.runtime, version);
    const zones = [...(props.zones ?? ['1', '2', '3'])];
    const tier = aksSupportTier(version, on);
    const egress = props.egressAddOns ?? {};

    const osDiskKey = new DiskEncryptionKey(this, 'OsDiskKey', {
      keyName: `${props.clusterName}-os-disks`,
      keyVault: props.keyVault,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    // User-assigned identities can be granted their roles before the cluster exists.
    const identity = new UserAssignedIdentity(this, 'Identity', { name: `${props.clusterName}-aks`, resourceGroupName: props.resourceGroupName, location: props.location });
    const kubelet = new UserAssignedIdentity(this, 'KubeletIdentity', { name: `${props.clusterName}-kubelet`, resourceGroupName: props.resourceGroupName, location: props.location });
    // A private DNS zone we own, instead of `System`, so that the runner network can be
    // linked to it; AKS links it to the cluster network itself, which takes Private DNS
    // Zone Contributor on the zone and Network Contributor on the network
    // (articles/aks/private-clusters.md, "Configuration options for private DNS").
    const apiZone = new PrivateDnsZone(this, 'ApiServerDnsZone', { name: aksApiServerDnsZone(props.environment, props.location), resourceGroupName: props.resourceGroupName });
    const apiZoneLinks = (props.apiServerAccessNetworks ?? []).map(
      (network) =>
        new PrivateDnsZoneVirtualNetworkLink(this, `ApiServerDnsLink-${network.name}`, {
          name: `${props.clusterName}-api-${network.name}`,
          resourceGroupName: props.resourceGroupName,
          privateDnsZoneName: apiZone.name,
          virtualNetworkId: network.virtualNetworkId,
          registrationEnabled: false,
        }),
    );
    const grants = [
      new RoleAssignment(this, 'NetworkAccess', { scope: props.virtualNetworkId, roleDefinitionName: 'Network Contributor', principalId: identity.principalId }),
      new RoleAssignment(this, 'ApiServerDnsAccess', { scope: apiZone.id, roleDefinitionName: 'Private DNS Zone Contributor', principalId: identity.principalId }),
      new RoleAssignment(this, 'DiskEncryptionSetAccess', { scope: osDiskKey.diskEncryptionSetId, roleDefinitionName: 'Reader', principalId: identity.principalId }),
      // AKS assigns a pre-created kubelet identity to the node pools only if the control
      // plane identity may operate it (articles/aks/use-managed-identity.md).
      new RoleAssignment(this, 'KubeletIdentityOperator', { scope: kubelet.id, roleDefinitionName: 'Managed Identity Operator', principalId: identity.principalId }),
      // Nodes pull AKS's images and the workload's from the registry with this identity,
      // from their first boot (articles/aks/network-isolated.md, "Grant AcrPull permissions").
      ...(props.bootstrapRegistry ? [new RoleAssignment(this, 'KubeletPull', { scope: props.bootstrapRegistry.registryId, roleDefinitionName: 'AcrPull', principalId: kubelet.principalId })] : []),
    ];

    const cluster = new KubernetesCluster(this, 'Resource', {
      name: props.clusterName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      dnsPrefix: props.clusterName,
      kubernetesVersion: version,
      skuTier: tier.skuTier,
      supportPlan: tier.supportPlan,
      identity: { type: 'UserAssigned', identityIds: [identity.id] },
      kubeletIdentity: { clientId: kubelet.clientId, objectId: kubelet.principalId, userAssignedIdentityId: kubelet.id },
      privateClusterEnabled: true,
      privateDnsZoneId: apiZone.id,
      privateClusterPublicFqdnEnabled: false,
      localAccountDisabled: true,
      roleBasedAccessControlEnabled: true,
      azureActiveDirectoryRoleBasedAccessControl: {
        azureRbacEnabled: true,
        tenantId: ctx.tenantId,
        adminGroupObjectIds: props.adminGroupObjectIds ? [...props.adminGroupObjectIds] : undefined,
      },
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        networkDataPlane: 'cilium',
        networkPolicy: 'cilium',
        podCidr,
        serviceCidr,
        dnsServiceIp: cidrSubnet(serviceCidr, 32 - Number(serviceCidr.split('/')[1]), 10).split('/')[0],
        // Network isolated: no outbound route at all; images come through bootstrapProfile.
        // https://learn.microsoft.com/azure/aks/concepts-network-isolated
        outboundType: 'none',
        loadBalancerSku: 'standard',
      },
      bootstrapProfile: { artifactSource: 'Cache', containerRegistryId: props.bootstrapRegistry?.registryId },
      diskEncryptionSetId: osDiskKey.diskEncryptionSetId,
      defaultNodePool: {
        name: 'system',
        vmSize: props.systemVmSize ?? DEFAULT_AZURE_VM_SIZE,
        nodeCount: systemCount,
        zones,
        vnetSubnetId: props.nodeSubnetId,
        onlyCriticalAddonsEnabled: true,
        fipsEnabled: true,
        hostEncryptionEnabled: true,
        nodePublicIpEnabled: false,
        osSku: os.osSku,
        osDiskType: 'Managed',
        maxPods: 50,
        temporaryNameForRotation: 'systemtmp',
        upgradeSettings: { maxSurge: `${AKS_MAX_SURGE_PERCENT}%` },
      },
      // The agent signs in with its managed identity through the node's instance metadata
      // service and reaches Azure Monitor through the private link scope.
      omsAgent: { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId, msiAuthForMonitoringEnabled: true },
      microsoftDefender: egress.defender ? { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId } : undefined,
      azurePolicyEnabled: egress.azurePolicy ?? false,
      automaticUpgradeChannel: 'patch',
      // FIPS modules are updated only through node image upgrades; network-isolated
      // clusters support only NodeImage and None (concepts-network-isolated.md, FAQ).
      nodeOsUpgradeChannel: 'NodeImage',
      workloadIdentityEnabled: egress.workloadIdentity ?? false,
      oidcIssuerEnabled: egress.workloadIdentity ?? false,
      // The Secrets Store CSI driver reads the vault through its private endpoint and
      // signs in through the node's instance metadata service: no egress needed.
      keyVaultSecretsProvider: { secretRotationEnabled: true },
      lifecycle: { preventDestroy: true },
      dependsOn: [...grants, osDiskKey.keyAccess, ...(props.bootstrapRegistry?.ready ?? [])],
    });
    new MonitorDiagnosticSetting(this, 'AuditLog', {
      name: 'hms-sys-audit',
      targetResourceId: cluster.id,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      enabledLog: AKS_AUDIT_LOG_CATEGORIES.map((category) => ({ category })),
    });
    // Azure RBAC is the cluster's authorizer and local accounts are off, so nobody can use
    // the cluster without a data action on it: not even an Owner (Owner has no data
    // actions). The deploying principal (it applies the Kubernetes stack) and the admin
    // groups get cluster admin (articles/aks/manage-azure-rbac.md).
    const admins = [ctx.deployerObjectId, ...(props.adminGroupObjectIds ?? [])];
    const adminGrants = admins.map(
      (principalId, i) => new RoleAssignment(this, i === 0 ? 'DeployerClusterAdmin' : `AdminGroup${i - 1}ClusterAdmin`, { scope: cluster.id, roleDefinitionName: AKS_CLUSTER_ADMIN_ROLE, principalId }),
    );
    // The runner's DNS links to the API server zone, too, before anything uses the API.
    this.adminAccess = [...adminGrants, ...apiZoneLinks];

    this.addOnNotices = [
      ...(egress.azurePolicy ? [] : ['the Azure Policy add-on is off: it needs data.policy and store.policy endpoints, which have no private link, and the cluster has no other way out; the namespace enforces Pod Security "restricted" and hms-sys gates every stack with its policy packs']),
      ...(egress.defender ? [] : ["Microsoft Defender's sensor is off: it needs *.cloud.defender.microsoft.com and Entra ID, which have no private link; enable the Defender for Containers plan on the subscription for its agentless registry scanning and control-plane detection"]),
      ...(egress.workloadIdentity ? [] : ['workload identity is off: pods would exchange tokens with Entra ID (login.microsoftonline.us), which has no private link; the workload has no Azure identity']),
    ];
    this.clusterId = cluster.id;
    this.clusterName = props.clusterName;
    this.kubernetesVersion = version;
    this.nodeSubnetId = props.nodeSubnetId;
    this.zones = zones;
    this.diskEncryptionSetId = osDiskKey.diskEncryptionSetId;
    this.identityPrincipalId = identity.principalId;
    this.kubeletPrincipalId = kubelet.principalId;
    this.host = cluster.kubeConfig.get(0).host;
    this.privateFqdn = cluster.privateFqdn;
    this.clusterCaCertificate = cluster.kubeConfig.get(0).clusterCaCertificate;
    this.runtimeNotice = os.notice;
  }
}
