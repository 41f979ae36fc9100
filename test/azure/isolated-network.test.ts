import { AKS_OUTBOUND_SERVICE_TAGS, IsolatedNetwork } from '../../lib/azure/isolated-network';
import { onlyResource, resourcesOf, synthConstructs } from '../support/synth';

const BASE = { name: 'demo', resourceGroupName: 'demo-rg', location: 'usgovvirginia', ingressCidr: '192.168.15.0/24', logAnalyticsWorkspaceId: 'law', logAnalyticsWorkspaceGuid: 'guid' };

describe('azure.IsolatedNetwork', () => {
  const tf = synthConstructs((scope) => new IsolatedNetwork(scope, 'net', BASE));
  const rules = onlyResource(tf, 'azurerm_network_security_group').security_rule as any[];

  test('a VNet with a node subnet and a private endpoint subnet, without default outbound access', () => {
    expect(onlyResource(tf, 'azurerm_virtual_network').address_space).toEqual(['10.60.0.0/16']);
    expect(resourcesOf(tf, 'azurerm_subnet').map((s) => [s.name, s.address_prefixes, s.default_outbound_access_enabled])).toEqual([
      ['nodes', ['10.60.0.0/18'], false],
      ['private-endpoints', ['10.60.64.0/20'], false],
    ]);
  });

  test('every subnet is behind the network security group (CKV2_AZURE_31)', () => {
    expect(resourcesOf(tf, 'azurerm_subnet_network_security_group_association')).toHaveLength(2);
  });

  test('inbound: only the agency range, load balancer probes and the VNet; everything else denied', () => {
    const inbound = rules.filter((r) => r.direction === 'Inbound').map((r) => [r.priority, r.access, r.source_address_prefix]);
    expect(inbound).toEqual([
      [100, 'Allow', '192.168.15.0/24'],
      [110, 'Allow', 'AzureLoadBalancer'],
      [120, 'Allow', 'VirtualNetwork'],
      [4096, 'Deny', '*'],
    ]);
  });

  test('outbound: the VNet and the Azure service tags AKS needs on 443; the internet denied', () => {
    const outbound = rules.filter((r) => r.direction === 'Outbound').map((r) => [r.access, r.destination_address_prefix, r.destination_port_range]);
    expect(outbound).toEqual([
      ['Allow', 'VirtualNetwork', '*'],
      ...AKS_OUTBOUND_SERVICE_TAGS.map((tag) => ['Allow', tag, '443']),
      ['Deny', 'Internet', '*'],
    ]);
    for (const r of rules) expect(r.description).toBeTruthy();
  });

  test('VNet flow logs with retention and traffic analytics, to a TLS-only storage account', () => {
    expect(onlyResource(tf, 'azurerm_network_watcher_flow_log')).toMatchObject({
      network_watcher_name: 'NetworkWatcher_usgovvirginia',
      resource_group_name: 'NetworkWatcherRG',
      enabled: true,
      retention_policy: { enabled: true, days: 365 },
      traffic_analytics: { enabled: true, workspace_resource_id: 'law' },
    });
    expect(onlyResource(tf, 'azurerm_storage_account')).toMatchObject({
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      infrastructure_encryption_enabled: true,
      shared_access_key_enabled: false,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'] },
    });
  });

  test('no public IP is created', () => {
    expect(tf.resource?.azurerm_public_ip).toBeUndefined();
  });

  test('options: vnetCidr, retention and network watcher', () => {
    const tf2 = synthConstructs((scope) =>
      new IsolatedNetwork(scope, 'net', { ...BASE, vnetCidr: '10.70.0.0/20', flowLogRetentionDays: 90, networkWatcherName: 'nw', networkWatcherResourceGroup: 'ops' }),
    );
    expect(onlyResource(tf2, 'azurerm_network_watcher_flow_log')).toMatchObject({ network_watcher_name: 'nw', resource_group_name: 'ops', retention_policy: { days: 90 } });
    expect(resourcesOf(tf2, 'azurerm_subnet')[0].address_prefixes).toEqual(['10.70.0.0/22']);
  });

  test.each([
    [{ ingressCidr: '0.0.0.0/0' }, /ingressCidr: "0.0.0.0\/0" opens the workload to the whole internet \(NIST 800-53 SC-7/],
    [{ vnetCidr: '10.0.0.0/8' }, /vnetCidr \(10.0.0.0\/8\) must be a network from \/16 to \/20/],
    [{ flowLogRetentionDays: 30 }, /flowLogRetentionDays \(30\) must be from 90 to 365/],
  ])('refuses %p', (props, message) => {
    expect(() => synthConstructs((scope) => new IsolatedNetwork(scope, 'net', { ...BASE, ...props }))).toThrow(message);
  });
});
