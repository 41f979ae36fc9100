import { IsolatedNetwork } from '../../lib/azure/isolated-network';
import { onlyResource, resourcesOf, synthConstructs } from '../support/synth';

const BASE = { name: 'demo', resourceGroupName: 'demo-rg', location: 'usgovvirginia', ingressCidr: '192.168.15.0/24' };

describe('azure.IsolatedNetwork', () => {
  const tf = synthConstructs((scope) => new IsolatedNetwork(scope, 'net', BASE));
  const rules = onlyResource(tf, 'azurerm_network_security_group').security_rule as any[];
  const row = (r: any) => [r.priority, r.access, r.source_address_prefix, r.destination_address_prefix, r.destination_port_range];

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

  test('inbound: the agency range, load balancer probes, the VNet, and exactly the overlay pod traffic; everything else denied', () => {
    expect(rules.filter((r) => r.direction === 'Inbound').map(row)).toEqual([
      [100, 'Allow', '192.168.15.0/24', 'VirtualNetwork', '*'],
      [110, 'Allow', 'AzureLoadBalancer', 'VirtualNetwork', '*'],
      [120, 'Allow', 'VirtualNetwork', 'VirtualNetwork', '*'],
      // Pod addresses are outside the VNet: overlay page, "Network security groups".
      [130, 'Allow', '100.64.0.0/16', '100.64.0.0/16', '*'],
      [140, 'Allow', '10.60.0.0/18', '100.64.0.0/16', '*'],
      [4096, 'Deny', '*', '*', '*'],
    ]);
  });

  test('outbound: the VNet and the overlay pod traffic; the internet denied, no service tag pretends to be a route', () => {
    expect(rules.filter((r) => r.direction === 'Outbound').map(row)).toEqual([
      [100, 'Allow', 'VirtualNetwork', 'VirtualNetwork', '*'],
      [130, 'Allow', '100.64.0.0/16', '100.64.0.0/16', '*'],
      [140, 'Allow', '10.60.0.0/18', '100.64.0.0/16', '*'],
      [4096, 'Deny', '*', 'Internet', '*'],
    ]);
    for (const r of rules) expect(r.description).toBeTruthy();
  });

  test('no public IP is created', () => {
    expect(tf.resource?.azurerm_public_ip).toBeUndefined();
  });

  test('options: vnetCidr and podCidr move the subnets and the overlay rules', () => {
    const tf2 = synthConstructs((scope) => new IsolatedNetwork(scope, 'net', { ...BASE, vnetCidr: '10.70.0.0/20', podCidr: '172.16.0.0/16' }));
    expect(resourcesOf(tf2, 'azurerm_subnet')[0].address_prefixes).toEqual(['10.70.0.0/22']);
    const overlay = (onlyResource(tf2, 'azurerm_network_security_group').security_rule as any[]).filter((r) => r.priority === 140 && r.direction === 'Inbound');
    expect(overlay.map(row)).toEqual([[140, 'Allow', '10.70.0.0/22', '172.16.0.0/16', '*']]);
  });

  test.each([
    [{ ingressCidr: '0.0.0.0/0' }, /ingressCidr: "0.0.0.0\/0" opens the workload to the whole internet \(NIST 800-53 SC-7/],
    [{ vnetCidr: '10.0.0.0/8' }, /vnetCidr \(10.0.0.0\/8\) must be a network from \/16 to \/20/],
    [{ podCidr: '10.60.128.0/17' }, /podCidr \(10.60.128.0\/17\) must not overlap vnetCidr \(10.60.0.0\/16\)/],
  ])('refuses %p', (props, message) => {
    expect(() => synthConstructs((scope) => new IsolatedNetwork(scope, 'net', { ...BASE, ...props }))).toThrow(message);
  });
});
