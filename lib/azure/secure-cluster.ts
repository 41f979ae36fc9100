import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import { DEFAULT_AKS_SYSTEM_NODE_COUNT, DEFAULT_AZURE_VM_SIZE } from '../core/defaults';
import { DEFAULT_KUBERNETES_VERSION, supportPhase, versionsInSupport } from '../core/kubernetes-versions';
import { PropsValidator } from '../core/errors';
import type { Runtime } from '../core/runtimes';
import { DiskEncryptionKey } from './disk-encryption-key';
import type { IKeyVault } from './key-vault';
import { AzureContext } from './private/azure-context';
import { aksNodeOs } from './private/node-os';

/** API server and Entra ID authentication logs (AU-2, AU-12; PSRule Azure.AKS.AuditLogs). */
export const AKS_AUDIT_LOG_CATEGORIES = ['kube-audit-admin', 'guard'];

/** What node pools and the Kubernetes layer need to know about a cluster. */
export interface ISecureCluster {
  readonly clusterId: string;
  readonly clusterName: string;
  readonly kubernetesVersion: string;
  readonly nodeSubnetId: string;
  readonly zones: readonly string[];
}

export interface SecureClusterProps {
  readonly clusterName: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly nodeSubnetId: string;
  readonly logAnalyticsWorkspaceId: string;
  /** Vault that holds the key of the nodes' OS disks. */
  readonly keyVault: IKeyVault;
  /** Runtime of the system pool. */
  readonly runtime: Runtime;
  /**
   * @default '1.32'
   */
  readonly kubernetesVersion?: string;
  /**
   * Entra ID groups granted cluster admin.
   * @default - none; assign Azure RBAC roles on the cluster instead
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
   * Microsoft Defender for Containers, where the cloud offers it.
   * @default true
   */
  readonly defender?: boolean;
}

/**
 * An AKS cluster that is private (SC-7), network isolated (no outbound route;
 * images through the AKS-managed registry cache), authenticated only through
 * Entra ID with Azure RBAC and no local accounts (AC-2, AC-6, IA-2), enforcing
 * NetworkPolicy with Cilium (AC-4), with FIPS and host-encrypted system nodes on
 * customer-key OS disks (SC-13, SC-28), audit logs shipped to Log Analytics
 * (AU-2, AU-12), Azure Policy and Defender (CM-6, SI-4), automatic patching (SI-2),
 * and workload identity.
 */
export class SecureCluster extends Construct implements ISecureCluster {
  public readonly clusterId: string;
  public readonly clusterName: string;
  public readonly kubernetesVersion: string;
  public readonly nodeSubnetId: string;
  public readonly zones: readonly string[];
  public readonly diskEncryptionSetId: string;
  public readonly oidcIssuerUrl: string;
  /** Principal of the control plane identity, for role assignments on resources it uses. */
  public readonly identityPrincipalId: string;
  /** API server address (the private FQDN) and CA, for the Kubernetes provider. */
  public readonly host: string;
  public readonly clusterCaCertificate: string;
  /** True: Cilium enforces Kubernetes NetworkPolicy on this cluster. */
  public readonly networkPolicyEnforced = true;
  /** What the user should know about the node image, if it is not what the runtime names. */
  public readonly runtimeNotice?: string;

  constructor(scope: Construct, id: string, props: SecureClusterProps) {
    super(scope, id);
    const version = props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const systemCount = props.systemNodeCount ?? DEFAULT_AKS_SYSTEM_NODE_COUNT;
    new PropsValidator('azure.SecureCluster', this.node.path)
      .check(
        ['standard', 'extended'].includes(supportPhase('azure', version, new Date())),
        `kubernetesVersion (${version}) is not offered by AKS today; choose one of ${versionsInSupport('azure', new Date()).join(', ')}`,
      )
      .whenKnown([systemCount], () => Number.isInteger(systemCount) && systemCount >= 1 && systemCount <= 100, () => `systemNodeCount (${systemCount}) must be from 1 to 100`)
      .throwIfAny();
    const ctx = AzureContext.of(this);
    const os = aksNodeOs(props.runtime);
    const zones = [...(props.zones ?? ['1', '2', '3'])];

    const osDiskKey = new DiskEncryptionKey(this, 'OsDiskKey', {
      keyName: `${props.clusterName}-os-disks`,
      keyVault: props.keyVault,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    // A user-assigned identity can be granted its roles before the cluster exists.
    const identity = new UserAssignedIdentity(this, 'Identity', {
      name: `${props.clusterName}-aks`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    const grants = [
      new RoleAssignment(this, 'SubnetAccess', { scope: props.nodeSubnetId, roleDefinitionName: 'Network Contributor', principalId: identity.principalId }),
      new RoleAssignment(this, 'DiskEncryptionSetAccess', { scope: osDiskKey.diskEncryptionSetId, roleDefinitionName: 'Reader', principalId: identity.principalId }),
    ];

    const cluster = new KubernetesCluster(this, 'Resource', {
      name: props.clusterName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      dnsPrefix: props.clusterName,
      kubernetesVersion: version,
      skuTier: 'Standard',
      identity: { type: 'UserAssigned', identityIds: [identity.id] },
      privateClusterEnabled: true,
      privateDnsZoneId: 'System',
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
        // Network isolated: no outbound route at all; see bootstrapProfile.
        outboundType: 'none',
        loadBalancerSku: 'standard',
      },
      bootstrapProfile: { artifactSource: 'Cache' },
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
        upgradeSettings: { maxSurge: '33%' },
      },
      omsAgent: { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId, msiAuthForMonitoringEnabled: true },
      microsoftDefender: props.defender === false ? undefined : { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId },
      azurePolicyEnabled: true,
      automaticUpgradeChannel: 'patch',
      // FIPS modules are updated only through node image upgrades.
      nodeOsUpgradeChannel: 'NodeImage',
      workloadIdentityEnabled: true,
      oidcIssuerEnabled: true,
      keyVaultSecretsProvider: { secretRotationEnabled: true },
      dependsOn: [...grants, osDiskKey.keyAccess],
    });
    new MonitorDiagnosticSetting(this, 'AuditLog', {
      name: 'hms-sys-audit',
      targetResourceId: cluster.id,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      enabledLog: AKS_AUDIT_LOG_CATEGORIES.map((category) => ({ category })),
    });

    this.clusterId = cluster.id;
    this.clusterName = cluster.name;
    this.kubernetesVersion = version;
    this.nodeSubnetId = props.nodeSubnetId;
    this.zones = zones;
    this.diskEncryptionSetId = osDiskKey.diskEncryptionSetId;
    this.oidcIssuerUrl = cluster.oidcIssuerUrl;
    this.identityPrincipalId = identity.principalId;
    this.host = cluster.kubeConfig.get(0).host;
    this.clusterCaCertificate = cluster.kubeConfig.get(0).clusterCaCertificate;
    this.runtimeNotice = os.notice;
  }
}
