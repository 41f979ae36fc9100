import { KeyVault, KEY_VAULT_PRIVATE_DNS_ZONE } from '../../lib/azure/key-vault';
import { onlyResource, resourcesOf, synthConstructs } from '../support/synth';

const BASE = {
  name: 'demo',
  resourceGroupName: 'demo-rg',
  location: 'usgovvirginia',
  environment: 'usgovernment' as const,
  privateEndpointSubnetId: 'subnet-pe',
  linkedNetworks: [
    { name: 'cluster', virtualNetworkId: 'vnet' },
    { name: 'runner', virtualNetworkId: 'runner-vnet' },
  ],
  logAnalyticsWorkspaceId: 'law',
};

describe('azure.KeyVault', () => {
  let dataPlaneReady = 0;
  const tf = synthConstructs((scope) => {
    dataPlaneReady = new KeyVault(scope, 'kv', BASE).dataPlaneReady.length;
  });
  const vault = onlyResource(tf, 'azurerm_key_vault');

  test('Premium, RBAC-authorized, purge protected, 90-day soft delete, protected from destroy', () => {
    expect(vault).toMatchObject({ sku_name: 'premium', rbac_authorization_enabled: true, purge_protection_enabled: true, soft_delete_retention_days: 90, lifecycle: { prevent_destroy: true } });
  });

  test('closed to the public network, reached through a private endpoint resolved in the cluster and runner networks (SC-7)', () => {
    expect(vault).toMatchObject({ public_network_access_enabled: false, network_acls: { default_action: 'Deny', bypass: 'AzureServices' } });
    const endpoint = onlyResource(tf, 'azurerm_private_endpoint');
    expect(endpoint.private_service_connection).toMatchObject({ subresource_names: ['vault'], is_manual_connection: false });
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toEqual([expect.stringMatching(/azurerm_private_dns_zone\.\w+\.id/)]);
    expect(onlyResource(tf, 'azurerm_private_dns_zone').name).toBe(KEY_VAULT_PRIVATE_DNS_ZONE.usgovernment);
    expect(resourcesOf(tf, 'azurerm_private_dns_zone_virtual_network_link').map((l) => l.virtual_network_id)).toEqual(['vnet', 'runner-vnet']);
  });

  test('data-plane calls wait for the deployer role, the endpoint with its records, and both links', () => {
    expect(dataPlaneReady).toBe(4);
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
