import { KeyVault as AzKeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { AzureEnvironment } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { PrivateLink, type PrivateServiceProps } from './private-link';
import { AzureContext } from './private/azure-context';
import { PRIVATE_DNS_ZONES } from './private/dns-zones';

/** Private DNS zone of Key Vault private endpoints, per cloud. */
export const KEY_VAULT_PRIVATE_DNS_ZONE: Record<AzureEnvironment, string> = {
  public: PRIVATE_DNS_ZONES.public.keyVault,
  usgovernment: PRIVATE_DNS_ZONES.usgovernment.keyVault,
};

/** Seed of the vault's globally unique name: `kv` and a hash of the subscription and this. */
export function keyVaultNameSeed(name: string): string {
  return `${name}/vault`;
}

/** What keys and secrets need to know about a vault. */
export interface IKeyVault {
  readonly keyVaultId: string;
  /** `https://<name>.vault.usgovcloudapi.net/`, with the trailing slash. */
  readonly vaultUri: string;
  /**
   * What a data-plane call from the deploying machine waits for: its role on the
   * vault, the private endpoint with its DNS records, the DNS links and the network
   * path from the runner. Empty for a vault managed elsewhere.
   */
  readonly dataPlaneReady: readonly ITerraformDependable[];
}

export interface KeyVaultProps extends PrivateServiceProps {
  /**
   * The network path from the runner (its peerings), which data-plane calls wait for.
   * @default - none: the runner already reaches the blueprint network
   */
  readonly runnerPath?: readonly ITerraformDependable[];
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
 * every access (AU-2, AU-12). Azure services that hold keys here (disk encryption
 * sets, storage) reach it as trusted services (`bypass = AzureServices`).
 *
 * Creating, reading and rotating keys are data-plane calls: Terraform must run from a
 * network linked to the vault's private DNS zone and routed to its endpoint, on the
 * first apply and on every later plan (refresh). `dataPlaneReady` orders keys after that path.
 */
export class KeyVault extends Construct implements IKeyVault {
  public readonly keyVaultId: string;
  public readonly vaultUri: string;
  public readonly keyVaultName: string;
  public readonly dataPlaneReady: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: KeyVaultProps) {
    super(scope, id);
    const retention = props.softDeleteRetentionDays ?? 90;
    new PropsValidator('KeyVault', this.node.path)
      .check(Number.isInteger(retention) && retention >= 7 && retention <= 90, `softDeleteRetentionDays (${retention}) must be from 7 to 90`)
      .throwIfAny();
    const ctx = AzureContext.of(this);
    const vault = new AzKeyVault(this, 'Resource', {
      name: ctx.globalName('kv', keyVaultNameSeed(props.name), 24),
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
    const deployerAccess = new RoleAssignment(this, 'DeployerCryptoOfficer', {
      scope: vault.id,
      roleDefinitionName: 'Key Vault Crypto Officer',
      principalId: ctx.deployerObjectId,
    });
    const link = new PrivateLink(this, 'PrivateLink', {
      name: `${props.name}-vault`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.privateEndpointSubnetId,
      resourceId: vault.id,
      subresource: 'vault',
      dnsZoneNames: [KEY_VAULT_PRIVATE_DNS_ZONE[props.environment]],
      linkedNetworks: props.linkedNetworks,
    });
    new MonitorDiagnosticSetting(this, 'AuditLog', {
      name: 'hms-sys-audit',
      targetResourceId: vault.id,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      enabledLog: [{ categoryGroup: 'audit' }],
      enabledMetric: [{ category: 'AllMetrics' }],
    });
    this.keyVaultId = vault.id;
    this.vaultUri = vault.vaultUri;
    this.keyVaultName = vault.name;
    this.dataPlaneReady = [deployerAccess, ...link.ready, ...(props.runnerPath ?? [])];
  }
}
