import { KeyVault, KEY_VAULT_PRIVATE_DNS_ZONE } from '../../lib/azure/key-vault';
import { onlyResource, synthConstructs } from '../support/synth';

const BASE = {
  name: 'demo',
  resourceGroupName: 'demo-rg',
  location: 'usgovvirginia',
  environment: 'usgovernment' as const,
  privateEndpointSubnetId: 'subnet-pe',
  virtualNetworkId: 'vnet',
  logAnalyticsWorkspaceId: 'law',
};

describe('azure.KeyVault', () => {
  const tf = synthConstructs((scope) => new KeyVault(scope, 'kv', BASE));
  const vault = onlyResource(tf, 'azurerm_key_vault');

  test('Premium, RBAC-authorized, purge protected, 90-day soft delete, protected from destroy', () => {
    expect(vault).toMatchObject({ sku_name: 'premium', rbac_authorization_enabled: true, purge_protection_enabled: true, soft_delete_retention_days: 90, lifecycle: { prevent_destroy: true } });
  });

  test('closed to the public network, reached through a private endpoint resolved in the VNet (SC-7)', () => {
    expect(vault).toMatchObject({ public_network_access_enabled: false, network_acls: { default_action: 'Deny', bypass: 'AzureServices' } });
    expect(onlyResource(tf, 'azurerm_private_endpoint').private_service_connection).toMatchObject({ subresource_names: ['vault'], is_manual_connection: false });
    expect(onlyResource(tf, 'azurerm_private_dns_zone').name).toBe(KEY_VAULT_PRIVATE_DNS_ZONE.usgovernment);
    expect(onlyResource(tf, 'azurerm_private_dns_zone_virtual_network_link').virtual_network_id).toBe('vnet');
  });

  test('ships its audit log to Log Analytics (AU-12)', () => {
    expect(onlyResource(tf, 'azurerm_monitor_diagnostic_setting')).toMatchObject({ log_analytics_workspace_id: 'law', enabled_log: [{ category_group: 'audit' }] });
  });

  test('a globally unique name derived from the subscription, and the deployer may manage keys only', () => {
    expect(vault.name).toMatch(/sha1/);
    expect(onlyResource(tf, 'azurerm_role_assignment')).toMatchObject({ role_definition_name: 'Key Vault Crypto Officer' });
  });

  test('public cloud uses the public private-link zone', () => {
    const pub = synthConstructs((scope) => new KeyVault(scope, 'kv', { ...BASE, environment: 'public' }));
    expect(onlyResource(pub, 'azurerm_private_dns_zone').name).toBe('privatelink.vaultcore.azure.net');
  });

  test('softDeleteRetentionDays outside 7 to 90 is refused', () => {
    expect(() => synthConstructs((scope) => new KeyVault(scope, 'kv', { ...BASE, softDeleteRetentionDays: 120 }))).toThrow(/KeyVault.softDeleteRetentionDays \(120\) must be from 7 to 90/);
  });
});
