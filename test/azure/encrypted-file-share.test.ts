import { azureShareName, EncryptedFileShare, type EncryptedFileShareProps } from '../../lib/azure/encrypted-file-share';
import { FAKE_VAULT } from '../support/azure-fixtures';
import { onlyResource, synthConstructs } from '../support/synth';

const BASE: EncryptedFileShareProps = {
  shareName: 'contract-pdfs',
  name: 'demo',
  sizeGiB: 1024,
  resourceGroupName: 'rg',
  location: 'usgovvirginia',
  environment: 'usgovernment',
  keyVault: FAKE_VAULT,
  privateEndpointSubnetId: 'subnet-pe',
  linkedNetworks: [{ name: 'cluster', virtualNetworkId: 'vnet' }],
};

describe('azure.EncryptedFileShare', () => {
  let share!: EncryptedFileShare;
  const tf = synthConstructs((scope) => {
    share = new EncryptedFileShare(scope, 'files', BASE);
  });
  const account = onlyResource(tf, 'azurerm_storage_account');

  test('an NFS share of the volume size on a premium FileStorage account, protected from destroy', () => {
    expect(onlyResource(tf, 'azurerm_storage_share')).toMatchObject({ name: 'contract-pdfs', quota: 1024, enabled_protocol: 'NFS', lifecycle: { prevent_destroy: true } });
    expect(onlyResource(tf, 'azurerm_storage_share').storage_account_id).toMatch(/azurerm_storage_account\.\w+\.id/);
    expect(account).toMatchObject({ account_kind: 'FileStorage', account_tier: 'Premium', account_replication_type: 'LRS', lifecycle: { prevent_destroy: true } });
  });

  test('reachable only through its private endpoint; no shared keys, no public network (SC-7)', () => {
    expect(account).toMatchObject({ public_network_access_enabled: false, shared_access_key_enabled: false, network_rules: { default_action: 'Deny', bypass: ['None'] } });
    expect(onlyResource(tf, 'azurerm_private_endpoint').private_service_connection).toMatchObject({ subresource_names: ['file'] });
    expect(onlyResource(tf, 'azurerm_private_dns_zone').name).toBe('privatelink.file.core.usgovcloudapi.net');
  });

  test('infrastructure encryption and a rotating customer key (SC-28(1)); deleted shares recoverable for 30 days', () => {
    expect(account).toMatchObject({ infrastructure_encryption_enabled: true, identity: { type: 'UserAssigned' }, share_properties: { retention_policy: { days: 30 } } });
    expect(account.customer_managed_key.key_vault_key_id).toMatch(/azurerm_key_vault_key\.\w+\.versionless_id/);
  });

  test('secure transfer is required, so Azure Files refuses NFS mounts not encrypted in transit (SC-8); TLS 1.2', () => {
    expect(account).toMatchObject({ https_traffic_only_enabled: true, min_tls_version: 'TLS1_2' });
  });

  test('only clients that cannot encrypt (AKS before 1.33) turn the requirement off', () => {
    const plain = synthConstructs((scope) => new EncryptedFileShare(scope, 'files', { ...BASE, requireEncryptionInTransit: false }));
    expect(onlyResource(plain, 'azurerm_storage_account').https_traffic_only_enabled).toBe(false);
  });

  test("the CSI volume: handle <group>#<account>#<share>, NFS, encryption in transit where AKS supports it", () => {
    const v = share.csiVolume(true);
    expect(v.volumeHandle).toMatch(/^rg#.+#contract-pdfs$/);
    expect(v.volumeAttributes).toMatchObject({ protocol: 'nfs', resourceGroup: 'rg', shareName: 'contract-pdfs', encryptInTransit: 'true' });
    expect(share.csiVolume(false).volumeAttributes.encryptInTransit).toBe('false');
  });

  test('share names follow Azure rules', () => {
    expect([azureShareName('contract-pdfs'), azureShareName('ab'), azureShareName('a--b-c')]).toEqual(['contract-pdfs', 'ab-share', 'a-b-c']);
  });

  test.each([
    [{ sizeGiB: 50 }, /sizeGiB \(50\) must be a whole number from 100 to 102400/],
    [{ shareName: 'ab' }, /shareName \(ab\) must be 3 to 63 lowercase letters/],
  ])('refuses %p', (props, message) => {
    expect(() => synthConstructs((scope) => new EncryptedFileShare(scope, 'files', { ...BASE, ...props }))).toThrow(message);
  });
});
