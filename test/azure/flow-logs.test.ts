import { FlowLogs } from '../../lib/azure/flow-logs';
import { FAKE_VAULT } from '../support/azure-fixtures';
import { onlyResource, synthConstructs } from '../support/synth';

const BASE = { name: 'demo', resourceGroupName: 'rg', location: 'usgovvirginia', virtualNetworkId: 'vnet', keyVault: FAKE_VAULT, logAnalyticsWorkspaceId: 'law', logAnalyticsWorkspaceGuid: 'guid' };

describe('azure.FlowLogs', () => {
  const tf = synthConstructs((scope) => new FlowLogs(scope, 'fl', BASE));
  const account = onlyResource(tf, 'azurerm_storage_account');

  test('VNet flow logs with retention and traffic analytics (AU-12, SI-4)', () => {
    expect(onlyResource(tf, 'azurerm_network_watcher_flow_log')).toMatchObject({
      network_watcher_name: 'NetworkWatcher_usgovvirginia',
      resource_group_name: 'NetworkWatcherRG',
      target_resource_id: 'vnet',
      enabled: true,
      version: 2,
      retention_policy: { enabled: true, days: 365 },
      traffic_analytics: { enabled: true, workspace_resource_id: 'law', workspace_id: 'guid' },
    });
  });

  test("a storage account only Azure's trusted services reach (Network Watcher writes as one), with no shared keys and TLS 1.2", () => {
    expect(account).toMatchObject({
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      shared_access_key_enabled: false,
      allow_nested_items_to_be_public: false,
      public_network_access_enabled: true,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'] },
      lifecycle: { prevent_destroy: true },
    });
  });

  test('encrypted twice: infrastructure encryption and a rotating customer key, through an identity granted before the account', () => {
    expect(account).toMatchObject({ infrastructure_encryption_enabled: true, identity: { type: 'UserAssigned' } });
    expect(account.customer_managed_key.key_vault_key_id).toMatch(/azurerm_key_vault_key\.\w+\.versionless_id/);
    expect(account.depends_on).toEqual([expect.stringMatching(/azurerm_role_assignment\.\w+KeyAccess/)]);
    expect(onlyResource(tf, 'azurerm_role_assignment').role_definition_name).toBe('Key Vault Crypto Service Encryption User');
  });

  test('deleted log blobs and containers stay recoverable for 30 days (CP-9, AU-9)', () => {
    expect(account.blob_properties).toEqual({ delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 30 } });
  });

  test('options: retention and the Network Watcher', () => {
    const tf2 = synthConstructs((scope) => new FlowLogs(scope, 'fl', { ...BASE, retentionDays: 90, networkWatcherName: 'nw', networkWatcherResourceGroup: 'ops' }));
    expect(onlyResource(tf2, 'azurerm_network_watcher_flow_log')).toMatchObject({ network_watcher_name: 'nw', resource_group_name: 'ops', retention_policy: { days: 90 } });
  });

  test('retention under 90 days is refused', () => {
    expect(() => synthConstructs((scope) => new FlowLogs(scope, 'fl', { ...BASE, retentionDays: 30 }))).toThrow(/retentionDays \(30\) must be from 90 to 365/);
  });
});
