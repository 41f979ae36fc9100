import { NetworkPeering } from '../../lib/azure/network-peering';
import { HUB_NETWORK_ID, RUNNER_NETWORK_ID } from '../support/azure-fixtures';
import { synthConstructs } from '../support/synth';

const LOCAL = { name: 'demo-vnet', virtualNetworkName: 'demo-vnet', resourceGroupName: 'demo-rg', virtualNetworkId: 'local-vnet-id' };

describe('azure.NetworkPeering', () => {
  const tf = synthConstructs((scope) => new NetworkPeering(scope, 'runner', { name: 'runner', localNetwork: LOCAL, remoteNetworkId: RUNNER_NETWORK_ID, environment: 'usgovernment' }));
  const peerings = Object.values(tf.resource?.azurerm_virtual_network_peering ?? {}) as any[];

  test('both halves: a peering carries nothing until both exist', () => {
    expect(peerings.map((p) => [p.virtual_network_name, p.resource_group_name, p.remote_virtual_network_id])).toEqual(
      expect.arrayContaining([
        ['demo-vnet', 'demo-rg', RUNNER_NETWORK_ID],
        ['runners', 'ci', 'local-vnet-id'],
      ]),
    );
    for (const p of peerings) expect(p).toMatchObject({ allow_virtual_network_access: true, allow_forwarded_traffic: false });
    expect(peerings.some((p) => p.use_remote_gateways === true || p.allow_gateway_transit === true)).toBe(false);
  });

  test("the remote half is created in the remote network's subscription through an aliased provider that registers nothing", () => {
    const remote = peerings.find((p) => p.virtual_network_name === 'runners');
    expect(remote.provider).toBe('azurerm.peer_11111111_1111_1111_1111_111111111111');
    expect(tf.provider?.azurerm).toEqual([
      expect.objectContaining({ alias: 'peer_11111111_1111_1111_1111_111111111111', subscription_id: '11111111-1111-1111-1111-111111111111', resource_provider_registrations: 'none', environment: 'usgovernment' }),
    ]);
  });

  test("a hub with the agency's gateway: the hub offers it, the blueprint network uses it, after the hub allows it", () => {
    const hub = synthConstructs((scope) => new NetworkPeering(scope, 'hub', { name: 'hub', localNetwork: LOCAL, remoteNetworkId: HUB_NETWORK_ID, environment: 'usgovernment', useRemoteGateway: true }));
    const all = Object.values(hub.resource?.azurerm_virtual_network_peering ?? {}) as any[];
    const local = all.find((p) => p.virtual_network_name === 'demo-vnet');
    expect(local).toMatchObject({ use_remote_gateways: true });
    expect(local.depends_on).toEqual([expect.stringMatching(/RemoteToLocal/)]);
    expect(all.find((p) => p.virtual_network_name === 'hub')).toMatchObject({ allow_gateway_transit: true });
  });
});
