import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { TerraformStack, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { AzureEnvironment } from '../core/defaults';
import { parseVirtualNetworkId } from './private/resource-ids';

export interface NetworkPeeringProps {
  /** Short name of the remote network, part of the peerings' names (e.g. `runner`, `hub`). */
  readonly name: string;
  /**
   * The blueprint's virtual network. `name` is plain text, part of the peerings' names;
   * `virtualNetworkName` is the network resource's `name` attribute, a reference, so that
   * Terraform creates the local half after the network and destroys it before
   * (a literal would leave the two unordered: the first apply fails with "virtual
   * network not found" when the peering wins the race).
   */
  readonly localNetwork: { readonly name: string; readonly virtualNetworkName: string; readonly resourceGroupName: string; readonly virtualNetworkId: string };
  /** The existing network to peer with (a runner network, an agency hub). */
  readonly remoteNetworkId: string;
  readonly environment: AzureEnvironment;
  /**
   * The remote network holds the agency's VPN or ExpressRoute gateway: the local side
   * uses it (`use_remote_gateways`), the remote side offers it (`allow_gateway_transit`),
   * so that the agency's routes reach the blueprint network and its replies go back.
   * @default false
   */
  readonly useRemoteGateway?: boolean;
}

/**
 * Both halves of a virtual network peering between the blueprint network and an
 * existing one. A peering carries traffic only once both halves exist, so the
 * remote half is created here too, in the remote network's subscription through an
 * aliased provider: the deploying principal needs Network Contributor on the remote
 * network. Forwarded traffic is refused both ways: neither side is a transit router.
 * @see https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview
 */
export class NetworkPeering extends Construct {
  /** Both peerings: what a call from the remote network into this one waits for. */
  public readonly connected: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: NetworkPeeringProps) {
    super(scope, id);
    const remote = parseVirtualNetworkId(props.remoteNetworkId);
    const gateway = props.useRemoteGateway ?? false;
    const remoteHalf = new VirtualNetworkPeering(this, 'RemoteToLocal', {
      provider: remoteSubscriptionProvider(this, remote.subscriptionId, props.environment),
      name: `${remote.name}-to-${props.localNetwork.name}`.slice(0, 80),
      resourceGroupName: remote.resourceGroupName,
      virtualNetworkName: remote.name,
      remoteVirtualNetworkId: props.localNetwork.virtualNetworkId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
      allowGatewayTransit: gateway,
    });
    const localHalf = new VirtualNetworkPeering(this, 'Resource', {
      name: `${props.localNetwork.name}-to-${props.name}`.slice(0, 80),
      resourceGroupName: props.localNetwork.resourceGroupName,
      virtualNetworkName: props.localNetwork.virtualNetworkName,
      remoteVirtualNetworkId: props.remoteNetworkId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
      // Azure refuses use_remote_gateways until the remote side allows gateway transit.
      useRemoteGateways: gateway,
      dependsOn: gateway ? [remoteHalf] : undefined,
    });
    this.connected = [localHalf, remoteHalf];
  }
}

/**
 * One aliased azurerm provider per remote subscription, shared by the stack. It
 * registers no resource providers there: the remote network already exists.
 */
function remoteSubscriptionProvider(scope: Construct, subscriptionId: string, environment: AzureEnvironment): AzurermProvider {
  const stack = TerraformStack.of(scope);
  const id = `azurerm-${subscriptionId}`;
  return (
    (stack.node.tryFindChild(id) as AzurermProvider | undefined) ??
    new AzurermProvider(stack, id, { alias: `peer_${subscriptionId.replace(/-/g, '_')}`, subscriptionId, environment, features: [{}], resourceProviderRegistrations: 'none' })
  );
}
