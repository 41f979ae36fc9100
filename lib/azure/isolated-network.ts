import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Construct } from 'constructs';
import { cidrProblem, cidrSubnet, cidrsOverlap, ingressCidrProblem } from '../core/cidr';
import { DEFAULT_AKS_POD_CIDR, DEFAULT_AZURE_VNET_CIDR } from '../core/defaults';
import { PropsValidator } from '../core/errors';

import { NODE_SUBNET_NAME } from './private/names';

export { NODE_SUBNET_NAME };

export interface IsolatedNetworkProps {
  /** Prefix for names, usually the blueprint name. */
  readonly name: string;
  /** The blueprint's resource group, which the stack creates with its log workspace. */
  readonly resourceGroupName: string;
  readonly location: string;
  /** The only network allowed in, e.g. the agency HQ range. */
  readonly ingressCidr: string;
  /**
   * Virtual network range, /16 to /20.
   * @default '10.60.0.0/16'
   */
  readonly vnetCidr?: string;
  /**
   * The Azure CNI Overlay pod range, which lies outside the virtual network: the
   * network security group admits pod-to-pod and node-to-pod traffic for it, no more.
   * @default '100.64.0.0/16'
   */
  readonly podCidr?: string;
}

/**
 * A virtual network with a node subnet and a private endpoint subnet, each behind a
 * network security group that admits only the agency range, Azure's load balancer
 * probes, the virtual network (peered runner and hub networks included) and the
 * overlay pod traffic Azure CNI Overlay needs, and denies outbound traffic to the
 * internet (SC-7, SC-7(5), AC-4). No public IPs, no default outbound access: Azure
 * services are reached through private endpoints only. Flow logs: see `FlowLogs`.
 */
export class IsolatedNetwork extends Construct {
  public readonly resourceGroupName: string;
  public readonly location: string;
  public readonly virtualNetworkId: string;
  public readonly virtualNetworkName: string;
  public readonly nodeSubnetName: string;
  public readonly nodeSubnetId: string;
  public readonly privateEndpointSubnetId: string;
  public readonly networkSecurityGroupId: string;

  constructor(scope: Construct, id: string, props: IsolatedNetworkProps) {
    super(scope, id);
    const vnetCidr = props.vnetCidr ?? DEFAULT_AZURE_VNET_CIDR;
    const podCidr = props.podCidr ?? DEFAULT_AKS_POD_CIDR;
    const prefix = Number(vnetCidr.split('/')[1]);
    new PropsValidator('azure.IsolatedNetwork', this.node.path)
      .check(!cidrProblem(vnetCidr) && prefix >= 16 && prefix <= 20, `vnetCidr (${vnetCidr}) must be a network from /16 to /20`)
      .whenKnown([props.ingressCidr], () => !ingressCidrProblem(props.ingressCidr), () => `ingressCidr: ${ingressCidrProblem(props.ingressCidr)}`)
      .check(!cidrProblem(podCidr), `podCidr: ${cidrProblem(podCidr)}`)
      .check(cidrProblem(podCidr) !== undefined || cidrProblem(vnetCidr) !== undefined || !cidrsOverlap(podCidr, vnetCidr), `podCidr (${podCidr}) must not overlap vnetCidr (${vnetCidr})`)
      .throwIfAny();

    const group = { name: props.resourceGroupName, location: props.location };
    const nodeCidr = cidrSubnet(vnetCidr, 2, 0);
    const vnet = new VirtualNetwork(this, 'Resource', {
      name: `${props.name}-vnet`,
      resourceGroupName: group.name,
      location: group.location,
      addressSpace: [vnetCidr],
    });
    // Nodes get the first quarter; private endpoints a small slice after it.
    const nodeSubnet = new Subnet(this, 'NodeSubnet', {
      name: NODE_SUBNET_NAME,
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: [nodeCidr],
      defaultOutboundAccessEnabled: false,
    });
    const endpointSubnet = new Subnet(this, 'PrivateEndpointSubnet', {
      name: 'private-endpoints',
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: [cidrSubnet(vnetCidr, 4, 4)],
      defaultOutboundAccessEnabled: false,
      privateEndpointNetworkPolicies: 'Enabled',
    });

    const nsg = new NetworkSecurityGroup(this, 'NetworkSecurityGroup', {
      name: `${props.name}-nsg`,
      resourceGroupName: group.name,
      location: group.location,
      securityRule: [
        rule('allow-agency-in', 100, 'Inbound', 'Allow', props.ingressCidr, 'VirtualNetwork', '*'),
        rule('allow-azure-lb-probes-in', 110, 'Inbound', 'Allow', 'AzureLoadBalancer', 'VirtualNetwork', '*'),
        rule('allow-vnet-in', 120, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork', '*'),
        // Azure CNI Overlay does not encapsulate pod traffic and pod addresses are not in
        // the VirtualNetwork tag: the NSG must admit pod-to-pod and node-to-pod traffic,
        // exactly as Microsoft's overlay page lists (node-to-node is in the VNet rules).
        // https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay#network-security-groups
        rule('allow-pods-to-pods-in', 130, 'Inbound', 'Allow', podCidr, podCidr, '*'),
        rule('allow-nodes-to-pods-in', 140, 'Inbound', 'Allow', nodeCidr, podCidr, '*'),
        rule('deny-all-in', 4096, 'Inbound', 'Deny', '*', '*', '*'),
        rule('allow-vnet-out', 100, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork', '*'),
        rule('allow-pods-to-pods-out', 130, 'Outbound', 'Allow', podCidr, podCidr, '*'),
        rule('allow-nodes-to-pods-out', 140, 'Outbound', 'Allow', nodeCidr, podCidr, '*'),
        rule('deny-internet-out', 4096, 'Outbound', 'Deny', '*', 'Internet', '*'),
      ],
    });
    new SubnetNetworkSecurityGroupAssociation(this, 'NodeSubnetNsg', { subnetId: nodeSubnet.id, networkSecurityGroupId: nsg.id });
    new SubnetNetworkSecurityGroupAssociation(this, 'PrivateEndpointSubnetNsg', { subnetId: endpointSubnet.id, networkSecurityGroupId: nsg.id });

    this.resourceGroupName = group.name;
    this.location = group.location;
    this.virtualNetworkId = vnet.id;
    this.virtualNetworkName = `${props.name}-vnet`;
    this.nodeSubnetName = NODE_SUBNET_NAME;
    this.nodeSubnetId = nodeSubnet.id;
    this.privateEndpointSubnetId = endpointSubnet.id;
    this.networkSecurityGroupId = nsg.id;
  }
}

function rule(name: string, priority: number, direction: 'Inbound' | 'Outbound', access: 'Allow' | 'Deny', source: string, destination: string, ports: string, protocol = '*') {
  return {
    name,
    priority,
    direction,
    access,
    protocol,
    sourceAddressPrefix: source,
    sourcePortRange: '*',
    destinationAddressPrefix: destination,
    destinationPortRange: ports,
    description: `${access} ${direction.toLowerCase()} ${source} -> ${destination}:${ports}`,
  };
}
