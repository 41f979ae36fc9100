import { KeyVault as AzKeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import type { AzureEnvironment } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { AzureContext } from './private/azure-context';

/** Private DNS zone of Key Vault private endpoints, per cloud. */
export const KEY_VAULT_PRIVATE_DNS_ZONE: Record<AzureEnvironment, string> = {
  public: 'privatelink.vaultcore.azure.net',
  usgovernment: 'privatelink.vaultcore.usgovcloudapi.net',
};

/** What keys need to know about a vault. */
export interface IKeyVault {
  readonly keyVaultId: string;
  /**
   * The deployer's data-plane role on the vault; keys wait for it.
   * @default - none, for a vault managed elsewhere
   */
  readonly deployerAccess?: RoleAssignment;
}

export interface KeyVaultProps {
  /** Prefix for names, usually the blueprint name. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly environment: AzureEnvironment;
  /** Subnet for the private endpoint. */
  readonly privateEndpointSubnetId: string;
  /** Virtual network that resolves the vault's private name. */
  readonly virtualNetworkId: string;
  /** Workspace that receives the vault's audit log. */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Days a deleted vault or key stays recoverable (7 to 90).
   * @default 90
   */
  readonly softDeleteRetentionDays?: number;
}

/**
 * A Premium Key Vault (HSM-backed keys, FIPS 140 Level 3 in Azure Government) that
 * is reachable only through a private endpoint (SC-7), authorizes with Azure RBAC
 * (AC-3), keeps deleted keys recoverable with purge protection (CP-9), and logs
 * every access (AU-2, AU-12).
 *
 * Creating keys is a data-plane call: Terraform must run from a network that
 * reaches the private endpoint (a runner inside the virtual network).
 */
export class KeyVault extends Construct implements IKeyVault {
  public readonly keyVaultId: string;
  public readonly deployerAccess: RoleAssignment;

  constructor(scope: Construct, id: string, props: KeyVaultProps) {
    super(scope, id);
    const retention = props.softDeleteRetentionDays ?? 90;
    new PropsValidator('KeyVault', this.node.path)
      .check(Number.isInteger(retention) && retention >= 7 && retention <= 90, `softDeleteRetentionDays (${retention}) must be from 7 to 90`)
      .throwIfAny();
    const ctx = AzureContext.of(this);
    const vault = new AzKeyVault(this, 'Resource', {
      name: ctx.globalName('kv', `${props.name}/vault`, 24),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: ctx.tenantId,
      skuName: 'premium',
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: retention,
      publicNetworkAccessEnabled: false,
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
      enabledForDiskEncryption: true,
      lifecycle: { preventDestroy: true },
    });
    // Lets the principal running Terraform create and rotate keys; nothing else.
    this.deployerAccess = new RoleAssignment(this, 'DeployerCryptoOfficer', {
      scope: vault.id,
      roleDefinitionName: 'Key Vault Crypto Officer',
      principalId: ctx.deployerObjectId,
    });

    const zone = new PrivateDnsZone(this, 'PrivateDnsZone', { name: KEY_VAULT_PRIVATE_DNS_ZONE[props.environment], resourceGroupName: props.resourceGroupName });
    new PrivateDnsZoneVirtualNetworkLink(this, 'PrivateDnsLink', {
      name: `${props.name}-vault`,
      resourceGroupName: props.resourceGroupName,
      privateDnsZoneName: zone.name,
      virtualNetworkId: props.virtualNetworkId,
      registrationEnabled: false,
    });
    new PrivateEndpoint(this, 'PrivateEndpoint', {
      name: `${props.name}-vault`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.privateEndpointSubnetId,
      privateServiceConnection: { name: `${props.name}-vault`, privateConnectionResourceId: vault.id, subresourceNames: ['vault'], isManualConnection: false },
      privateDnsZoneGroup: { name: 'vault', privateDnsZoneIds: [zone.id] },
    });
    new MonitorDiagnosticSetting(this, 'AuditLog', {
      name: 'hms-sys-audit',
      targetResourceId: vault.id,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      enabledLog: [{ categoryGroup: 'audit' }],
      enabledMetric: [{ category: 'AllMetrics' }],
    });
    this.keyVaultId = vault.id;
  }
}
