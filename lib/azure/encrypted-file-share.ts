import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
import { Construct } from 'constructs';
import { AZURE_FILES_NFS_MAX_GIB, AZURE_FILES_NFS_MIN_GIB } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { CustomerKeyIdentity, HARDENED_STORAGE_ACCOUNT } from './customer-key-identity';
import type { IKeyVault } from './key-vault';
import { PrivateLink, type PrivateServiceProps } from './private-link';
import { AzureContext } from './private/azure-context';
import { PRIVATE_DNS_ZONES } from './private/dns-zones';

/** Days a deleted share stays recoverable (CP-9). */
export const FILE_SHARE_SOFT_DELETE_DAYS = 30;

/**
 * A share name for a volume name: Azure file shares take 3 to 63 lowercase letters,
 * digits and single hyphens; blueprint names may be shorter or repeat hyphens.
 */
export function azureShareName(volumeName: string): string {
  const name = volumeName.toLowerCase().replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').slice(0, 63);
  return name.length >= 3 ? name : `${name}-share`;
}

export interface EncryptedFileShareProps extends PrivateServiceProps {
  /** Share name (the blueprint's volume name): lowercase letters, digits and "-", 3 to 63. */
  readonly shareName: string;
  /** Provisioned size in GiB (100 to 102400). */
  readonly sizeGiB: number;
  readonly keyVault: IKeyVault;
  /**
   * `ZRS` keeps the share up through a zone outage where the region offers premium ZRS.
   * @default 'LRS'
   */
  readonly replication?: 'LRS' | 'ZRS';
  /**
   * Every client mounts with encryption in transit (TLS through the AZNFS helper of the
   * Azure Files CSI driver, AKS 1.33 and later), so the account can require it: with
   * "secure transfer required" on, Azure Files refuses NFS mounts that are not encrypted
   * in transit (SC-8). Set false only for clients that cannot encrypt (AKS before 1.33);
   * the account then accepts plain NFS from its private network.
   * @default true
   */
  readonly requireEncryptionInTransit?: boolean;
  /**
   * Refuse to destroy or replace the account and the share (CP-9).
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * An NFS 4.1 Azure file share that every replica mounts at once (ReadWriteMany), on a
 * premium FileStorage account that is reachable only through its private endpoint
 * (NFS authenticates by network, so the network is the lock: SC-7), takes no shared
 * keys (NFS does not use them), and encrypts twice: infrastructure encryption and a
 * rotating customer key (SC-28, SC-28(1), SC-12). Deleted shares stay recoverable.
 *
 * "Secure transfer required" is on (`requireEncryptionInTransit`): for NFS shares it
 * makes Azure Files refuse every mount that is not encrypted in transit, so the server
 * enforces what hms-sys mounts do (`encryptInTransit`, TLS through the CSI driver's AZNFS
 * helper, AKS 1.33 and later). Before encryption in transit existed, NFS needed the
 * setting off; Microsoft's guidance changed from "require secure transfer for all storage
 * accounts, except where NFS Azure file shares are used with network-level security" to
 * "always require secure transfer for all storage accounts".
 * @see articles/aks/create-volume-azure-files.md ("Encryption in transit (EiT) for NFS file shares")
 * @see https://learn.microsoft.com/azure/storage/files/encryption-in-transit-for-nfs-shares
 * @see https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer
 */
export class EncryptedFileShare extends Construct {
  public readonly storageAccountId: string;
  public readonly storageAccountName: string;
  public readonly shareName: string;
  public readonly resourceGroupName: string;
  public readonly sizeGiB: number;
  /** The FileStorage account, for acknowledgements that concern it alone. */
  public readonly storageAccount: StorageAccount;

  constructor(scope: Construct, id: string, props: EncryptedFileShareProps) {
    super(scope, id);
    new PropsValidator('azure.EncryptedFileShare', this.node.path)
      .check(
        Number.isInteger(props.sizeGiB) && props.sizeGiB >= AZURE_FILES_NFS_MIN_GIB && props.sizeGiB <= AZURE_FILES_NFS_MAX_GIB,
        `sizeGiB (${props.sizeGiB}) must be a whole number from ${AZURE_FILES_NFS_MIN_GIB} to ${AZURE_FILES_NFS_MAX_GIB} (premium file share limits)`,
      )
      .check(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(props.shareName), `shareName (${props.shareName}) must be 3 to 63 lowercase letters, digits and single hyphens`)
      .throwIfAny();
    const ctx = AzureContext.of(this);
    const preventDestroy = props.preventDestroy ?? true;
    const cmk = new CustomerKeyIdentity(this, 'CustomerKey', { name: `${props.name}-files`, keyVault: props.keyVault, resourceGroupName: props.resourceGroupName, location: props.location });
    const account = new StorageAccount(this, 'Account', {
      name: ctx.globalName('nfs', `${props.name}/files`, 24),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      accountKind: 'FileStorage',
      accountTier: 'Premium',
      accountReplicationType: props.replication ?? 'LRS',
      ...HARDENED_STORAGE_ACCOUNT,
      ...cmk.storageAccountEncryption(),
      httpsTrafficOnlyEnabled: props.requireEncryptionInTransit ?? true,
      publicNetworkAccessEnabled: false,
      networkRules: { defaultAction: 'Deny', bypass: ['None'] },
      shareProperties: { retentionPolicy: { days: FILE_SHARE_SOFT_DELETE_DAYS } },
      lifecycle: { preventDestroy },
    });
    new PrivateLink(this, 'PrivateLink', {
      name: `${props.name}-files`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.privateEndpointSubnetId,
      resourceId: account.id,
      subresource: 'file',
      dnsZoneNames: [PRIVATE_DNS_ZONES[props.environment].file],
      linkedNetworks: props.linkedNetworks,
    });
    // Created through Azure Resource Manager (storage_account_id), not the file data
    // plane, which this account's network rules close (storage_share_resource.go, v4.55.0).
    new StorageShare(this, 'Resource', {
      name: props.shareName,
      storageAccountId: account.id,
      quota: props.sizeGiB,
      enabledProtocol: 'NFS',
      lifecycle: { preventDestroy },
    });
    this.storageAccountId = account.id;
    this.storageAccount = account;
    this.storageAccountName = account.name;
    this.shareName = props.shareName;
    this.resourceGroupName = props.resourceGroupName;
    this.sizeGiB = props.sizeGiB;
  }

  /**
   * The static persistent volume's CSI handle and attributes for the Azure Files CSI
   * driver, with encryption in transit where the cluster's version supports it.
   * @see articles/aks/create-volume-azure-files.md ("Existing persistent volumes")
   */
  csiVolume(encryptInTransit: boolean): { volumeHandle: string; volumeAttributes: Record<string, string> } {
    return {
      volumeHandle: `${this.resourceGroupName}#${this.storageAccountName}#${this.shareName}`,
      volumeAttributes: {
        protocol: 'nfs',
        resourceGroup: this.resourceGroupName,
        storageAccount: this.storageAccountName,
        shareName: this.shareName,
        encryptInTransit: String(encryptInTransit),
      },
    };
  }
}
