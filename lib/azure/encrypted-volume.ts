import { ManagedDisk } from '@cdktf/provider-azurerm/lib/managed-disk';
import { Construct } from 'constructs';
import { AZURE_MANAGED_DISK_MAX_GIB } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { DiskEncryptionKey } from './disk-encryption-key';
import type { IKeyVault } from './key-vault';

export interface EncryptedVolumeProps {
  /** Volume name, used for the disk and its key. */
  readonly volumeName: string;
  /** Size in GiB (1 to 32767). */
  readonly sizeGiB: number;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Vault that holds the volume's key. */
  readonly keyVault: IKeyVault;
  /**
   * Availability zone of the disk; pods that mount it must run there.
   * @default - no zone (regions without zones)
   */
  readonly zone?: string;
  /**
   * Premium_ZRS, Premium_LRS, PremiumV2_LRS, ...
   * @default 'Premium_LRS'
   */
  readonly storageAccountType?: string;
  /**
   * Refuse to destroy or replace the disk in Terraform (CP-9, data protection).
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * A managed disk encrypted with its own customer-managed key through a disk
 * encryption set (SC-28, SC-28(1), SC-12), closed to network export (SC-7), and
 * protected from `terraform destroy`.
 */
export class EncryptedVolume extends Construct {
  public readonly diskId: string;
  public readonly diskEncryptionSetId: string;
  public readonly sizeGiB: number;

  constructor(scope: Construct, id: string, props: EncryptedVolumeProps) {
    super(scope, id);
    new PropsValidator('azure.EncryptedVolume', this.node.path)
      .check(
        Number.isInteger(props.sizeGiB) && props.sizeGiB >= 1 && props.sizeGiB <= AZURE_MANAGED_DISK_MAX_GIB,
        `sizeGiB (${props.sizeGiB}) must be a whole number from 1 to ${AZURE_MANAGED_DISK_MAX_GIB}`,
      )
      .throwIfAny();
    const key = new DiskEncryptionKey(this, 'Key', {
      keyName: `${props.volumeName}-disk`,
      keyVault: props.keyVault,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    const disk = new ManagedDisk(this, 'Resource', {
      name: props.volumeName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      storageAccountType: props.storageAccountType ?? 'Premium_LRS',
      createOption: 'Empty',
      diskSizeGb: props.sizeGiB,
      zone: props.zone,
      diskEncryptionSetId: key.diskEncryptionSetId,
      publicNetworkAccessEnabled: false,
      networkAccessPolicy: 'DenyAll',
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
      dependsOn: [key.keyAccess],
    });
    this.diskId = disk.id;
    this.diskEncryptionSetId = key.diskEncryptionSetId;
    this.sizeGiB = props.sizeGiB;
  }
}
