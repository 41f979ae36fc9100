import type { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import type { IKeyVault } from './key-vault';
import { vaultKey } from './vault-key';

/**
 * What every storage account hms-sys creates has: TLS 1.2 or newer (SC-8), a second
 * layer of encryption (SC-28(1)), Entra ID only with no shared keys and no SFTP local
 * users (IA-2, AC-2), and no anonymous blob access (AC-3).
 */
export const HARDENED_STORAGE_ACCOUNT = {
  minTlsVersion: 'TLS1_2',
  infrastructureEncryptionEnabled: true,
  sharedAccessKeyEnabled: false,
  defaultToOauthAuthentication: true,
  allowNestedItemsToBePublic: false,
  localUserEnabled: false,
} as const;

export interface CustomerKeyIdentityProps {
  /** Names the key and the identity. */
  readonly name: string;
  readonly keyVault: IKeyVault;
  readonly resourceGroupName: string;
  readonly location: string;
}

/**
 * A rotating vault key and the user-assigned identity a storage account encrypts
 * with it (SC-28(1), SC-12). A user-assigned identity, because a new account must
 * already reach its key when it is created; the identity may use this key only
 * (Key Vault Crypto Service Encryption User on the key), and the account waits for
 * that grant. Azure Storage reaches the private vault as a trusted service.
 * @see https://learn.microsoft.com/azure/storage/common/customer-managed-keys-configure-new-account
 */
export class CustomerKeyIdentity extends Construct {
  public readonly key: KeyVaultKey;
  public readonly identityId: string;
  public readonly keyAccess: RoleAssignment;

  constructor(scope: Construct, id: string, props: CustomerKeyIdentityProps) {
    super(scope, id);
    this.key = vaultKey(this, 'Key', { keyName: props.name, keyVault: props.keyVault });
    const identity = new UserAssignedIdentity(this, 'Identity', { name: `${props.name}-cmk`, resourceGroupName: props.resourceGroupName, location: props.location });
    this.keyAccess = new RoleAssignment(this, 'KeyAccess', {
      scope: this.key.resourceVersionlessId,
      roleDefinitionName: 'Key Vault Crypto Service Encryption User',
      principalId: identity.principalId,
    });
    this.identityId = identity.id;
  }

  /** A storage account's identity and customer key settings, and the grant it must wait for. */
  storageAccountEncryption() {
    return {
      identity: { type: 'UserAssigned', identityIds: [this.identityId] },
      customerManagedKey: { keyVaultKeyId: this.key.versionlessId, userAssignedIdentityId: this.identityId },
      dependsOn: [this.keyAccess],
    };
  }
}
