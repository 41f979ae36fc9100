import { DiskEncryptionSet } from '@cdktf/provider-azurerm/lib/disk-encryption-set';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import type { IKeyVault } from './key-vault';
import { vaultKey } from './vault-key';

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
}

/**
 * A customer-managed key for disks: an HSM-backed RSA key in Key Vault that
 * rotates itself and expires (SC-12, IA-5; see `vaultKey`), and a disk encryption
 * set that encrypts with both the platform key and this key (SC-28(1)), following new
 * key versions automatically. The set reads the key on the data plane when it is
 * created with `auto_key_rotation_enabled` (disk_encryption_set_resource.go, azurerm
 * v4.55.0: GetKey with an empty version), so it waits for the key, which waits for
 * the vault's data-plane path.
 */
export class DiskEncryptionKey extends Construct implements IDiskEncryptionSet {
  public readonly diskEncryptionSetId: string;
  public readonly keyId: string;
  /** The set's access to the key; disks must wait for it. */
  public readonly keyAccess: RoleAssignment;

  constructor(scope: Construct, id: string, props: DiskEncryptionKeyProps) {
    super(scope, id);
    const key = vaultKey(this, 'Key', { keyName: props.keyName, keyVault: props.keyVault });
    const set = new DiskEncryptionSet(this, 'Resource', {
      name: props.keyName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      keyVaultKeyId: key.versionlessId,
      autoKeyRotationEnabled: true,
      encryptionType: 'EncryptionAtRestWithPlatformAndCustomerKeys',
      identity: { type: 'SystemAssigned' },
      // Disks encrypted through the set cannot be read without it.
      lifecycle: { preventDestroy: true },
    });
    // Scoped to this key only: the set may wrap and unwrap with it and nothing else.
    this.keyAccess = new RoleAssignment(this, 'KeyAccess', {
      scope: key.resourceVersionlessId,
      roleDefinitionName: 'Key Vault Crypto Service Encryption User',
      principalId: set.identity.principalId,
    });
    this.diskEncryptionSetId = set.id;
    this.keyId = key.id;
  }
}
