import { EncryptedVolume } from '../../lib/azure/encrypted-volume';
import { FAKE_VAULT } from '../support/azure-fixtures';
import { onlyResource, synthConstructs } from '../support/synth';

const BASE = { volumeName: 'contract-pdfs', sizeGiB: 1024, resourceGroupName: 'rg', location: 'usgovvirginia', keyVault: FAKE_VAULT, zone: '1' };

describe('azure.EncryptedVolume', () => {
  const tf = synthConstructs((scope) => new EncryptedVolume(scope, 'vol', BASE));
  const disk = onlyResource(tf, 'azurerm_managed_disk');

  test('a managed disk of the requested size, encrypted through its own disk encryption set (SC-28)', () => {
    expect(disk).toMatchObject({ name: 'contract-pdfs', disk_size_gb: 1024, create_option: 'Empty', storage_account_type: 'Premium_LRS', zone: '1' });
    expect(disk.disk_encryption_set_id).toMatch(/azurerm_disk_encryption_set\.\w+\.id/);
    expect(disk.depends_on.some((d: string) => d.startsWith('azurerm_role_assignment.'))).toBe(true);
  });

  test('no network export, and protected from destroy', () => {
    expect(disk).toMatchObject({ public_network_access_enabled: false, network_access_policy: 'DenyAll', lifecycle: { prevent_destroy: true } });
  });

  test('an HSM key that rotates and expires, behind a double-encryption set that follows rotation (SC-12, IA-5)', () => {
    expect(onlyResource(tf, 'azurerm_key_vault_key')).toMatchObject({
      key_type: 'RSA-HSM',
      key_size: 3072,
      rotation_policy: { automatic: { time_after_creation: 'P335D' }, expire_after: 'P365D' },
    });
    expect(onlyResource(tf, 'azurerm_disk_encryption_set')).toMatchObject({
      encryption_type: 'EncryptionAtRestWithPlatformAndCustomerKeys',
      auto_key_rotation_enabled: true,
      identity: { type: 'SystemAssigned' },
    });
    expect(onlyResource(tf, 'azurerm_disk_encryption_set').key_vault_key_id).toMatch(/versionless_id/);
    // Scoped to the key, not the vault: the set may use this key only.
    expect(onlyResource(tf, 'azurerm_role_assignment')).toMatchObject({ role_definition_name: 'Key Vault Crypto Service Encryption User', scope: expect.stringMatching(/azurerm_key_vault_key\.\w+\.resource_versionless_id/) });
  });

  test('storageAccountType and preventDestroy', () => {
    const tf2 = synthConstructs((scope) => new EncryptedVolume(scope, 'vol', { ...BASE, storageAccountType: 'Premium_ZRS', preventDestroy: false }));
    expect(onlyResource(tf2, 'azurerm_managed_disk')).toMatchObject({ storage_account_type: 'Premium_ZRS', lifecycle: { prevent_destroy: false } });
  });

  test('a size over the Azure limit is refused', () => {
    expect(() => synthConstructs((scope) => new EncryptedVolume(scope, 'vol', { ...BASE, sizeGiB: 40000 }))).toThrow(/sizeGiB \(40000\) must be a whole number from 1 to 32767/);
  });
});
