import { DiskEncryptionSet } from '@cdktf/provider-azurerm/lib/disk-encryption-set';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import type { IKeyVault } from './key-vault';

/** Anything that exposes a disk encryption set. */
export interface IDiskEncryptionSet {
  readonly diskEncryptionSetId: string;
}

export interface DiskEncryptionKeyProps {
  /** Key name inside the vault. */
  readonly keyName: string;
  readonly keyVault: IKeyVault;
  readonly resourceGroupName: string;
  readonly location: string;
  /**
   * ISO 8601 duration after which each key version expires; rotation happens 30 days before.
   * @default 'P1Y'
   */
  readonly expireAfter?: string;
}

/**
 * A customer-managed key for disks: an HSM-backed RSA key in Key Vault that
 * rotates itself and expires (SC-12, IA-5), and a disk encryption set that
 * encrypts with both the platform key and this key (SC-28(1)), following new key
 * versions automatically.
 */
export class DiskEncryptionKey extends Construct implements IDiskEncryptionSet {
  public readonly diskEncryptionSetId: string;
  public readonly keyId: string;
  /** The set's access to the key; disks must wait for it. */
  public readonly keyAccess: RoleAssignment;

  constructor(scope: Construct, id: string, props: DiskEncryptionKeyProps) {
    super(scope, id);
    const expireAfter = props.expireAfter ?? 'P1Y';
    const key = new KeyVaultKey(this, 'Key', {
      name: props.keyName,
      keyVaultId: props.keyVault.keyVaultId,
      keyType: 'RSA-HSM',
      keySize: 3072,
      keyOpts: ['wrapKey', 'unwrapKey'],
      rotationPolicy: { automatic: { timeBeforeExpiry: 'P30D' }, expireAfter, notifyBeforeExpiry: 'P29D' },
      dependsOn: props.keyVault.deployerAccess ? [props.keyVault.deployerAccess] : undefined,
    });
    const set = new DiskEncryptionSet(this, 'Resource', {
      name: props.keyName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      keyVaultKeyId: key.versionlessId,
      autoKeyRotationEnabled: true,
      encryptionType: 'EncryptionAtRestWithPlatformAndCustomerKeys',
      identity: { type: 'SystemAssigned' },
    });
    this.keyAccess = new RoleAssignment(this, 'KeyAccess', {
      scope: props.keyVault.keyVaultId,
      roleDefinitionName: 'Key Vault Crypto Service Encryption User',
      principalId: set.identity.principalId,
    });
    this.diskEncryptionSetId = set.id;
    this.keyId = key.id;
  }
}
