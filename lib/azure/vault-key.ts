import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import type { IKeyVault } from './key-vault';

/** Days a key version may be used; Key Vault sets each new version's expiry this far out. */
export const KEY_LIFETIME_DAYS = 365;
/**
 * Days after which Key Vault creates the next version. Measured from creation, so it
 * triggers for the first version too: `time_before_expiry` never fires for a version
 * without an expiry date, and `expire_after` only dates versions created by rotation.
 * @see https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation#key-rotation-policy
 */
export const KEY_ROTATE_AFTER_DAYS = 335;
/** Event Grid notice (KeyNearExpiry) this long before a version expires. */
export const KEY_NOTIFY_BEFORE_DAYS = 30;

export interface VaultKeyProps {
  /** Key name inside the vault. */
  readonly keyName: string;
  readonly keyVault: IKeyVault;
  /**
   * RSA modulus length; CMK users (disks, storage, registry) accept 2048, 3072 and 4096.
   * @default 3072
   */
  readonly keySize?: 2048 | 3072 | 4096;
}

/**
 * An HSM-backed RSA key for wrapping data keys (SC-12, SC-13) that rotates itself
 * `KEY_ROTATE_AFTER_DAYS` after each version is created and expires after
 * `KEY_LIFETIME_DAYS` (IA-5): the first version's expiry is set at creation
 * (`timeadd(timestamp())`, then left alone), later versions get theirs from the
 * rotation policy. Consumers use the versionless id and follow new versions.
 *
 * Creating and reading a key are data-plane calls (key_vault_key_resource.go, azurerm
 * v4.55.0: CreateKey, UpdateKeyRotationPolicy, GetKey): the key waits for the vault's
 * `dataPlaneReady` (role, private endpoint, DNS records and links, runner peering).
 */
export function vaultKey(scope: Construct, id: string, props: VaultKeyProps): KeyVaultKey {
  return new KeyVaultKey(scope, id, {
    name: props.keyName,
    keyVaultId: props.keyVault.keyVaultId,
    keyType: 'RSA-HSM',
    keySize: props.keySize ?? 3072,
    keyOpts: ['wrapKey', 'unwrapKey'],
    expirationDate: Fn.timeadd(Fn.timestamp(), `${KEY_LIFETIME_DAYS * 24}h`),
    rotationPolicy: {
      automatic: { timeAfterCreation: `P${KEY_ROTATE_AFTER_DAYS}D` },
      expireAfter: `P${KEY_LIFETIME_DAYS}D`,
      notifyBeforeExpiry: `P${KEY_NOTIFY_BEFORE_DAYS}D`,
    },
    // The first version's expiry is fixed at creation; later plans must not move it.
    lifecycle: { ignoreChanges: ['expiration_date'], preventDestroy: true },
    dependsOn: [...props.keyVault.dataPlaneReady],
  });
}
