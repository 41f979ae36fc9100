import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkWatcherFlowLog } from '@cdktf/provider-azurerm/lib/network-watcher-flow-log';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Construct } from 'constructs';
import { cidrProblem, cidrSubnet, ingressCidrProblem } from '../core/cidr';
import { DEFAULT_AZURE_VNET_CIDR, DEFAULT_NETWORK_WATCHER_RESOURCE_GROUP, defaultNetworkWatcherName } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { AzureContext } from './private/azure-context';

/**
 * Outbound service tags nodes of a network-isolated cluster still need: monitoring
 * (AKS container insights, Defender) and Entra ID. Images come through the
 * AKS-managed registry cache over a private endpoint, inside the virtual network.
 * @see https://learn.microsoft.com/azure/aks/concepts-network-isolated
 */
export const AKS_OUTBOUND_SERVICE_TAGS = ['AzureMonitor', 'AzureActiveDirectory'] as const;

/** Flow logs are kept at least this long (HIPAA 90-day guidance, AU-11). */
export const MIN_FLOW_LOG_RETENTION_DAYS = 90;

export interface IsolatedNetworkProps {
  /** Prefix for names, usually the blueprint name. */
  readonly name: string;
  /** The blueprint's resource group, which the stack creates with its log workspace. */
  readonly resourceGroupName: string;
  readonly location: string;
  /** The only network allowed in, e.g. the agency HQ range. */
  readonly ingressCidr: string;
  /** Workspace for traffic analytics. */
  readonly logAnalyticsWorkspaceId: string;
  /** Its workspace id (GUID), which traffic analytics also needs. */
  readonly logAnalyticsWorkspaceGuid: string;
  /**
   * Virtual network range, /16 to /20.
   * @default '10.60.0.0/16'
   */
  readonly vnetCidr?: string;
  /**
   * Days to keep flow logs in storage (at least 90).
   * @default 365
   */
  readonly flowLogRetentionDays?: number;
  /**
   * Network Watcher for the region; Azure creates one per region and subscription.
   * @default 'NetworkWatcher_<location>' in 'NetworkWatcherRG'
   */
  readonly networkWatcherName?: string;
  /** @default 'NetworkWatcherRG' */
  readonly networkWatcherResourceGroup?: string;
}

/**
 * A virtual network with a node subnet and a private endpoint
 * subnet, each behind a network security group that admits only the agency range
 * and Azure's load balancer probes, and denies outbound traffic to the internet
 * except the Azure service tags AKS needs (SC-7, SC-7(5), AC-4). No public IPs.
 * Virtual network flow logs go to an encrypted, TLS-only storage account and to
 * Log Analytics (AU-12, SI-4).
 */
export class IsolatedNetwork extends Construct {
  public readonly resourceGroupName: string;
  public readonly location: string;
  public readonly virtualNetworkId: string;
  public readonly nodeSubnetId: string;
  public readonly privateEndpointSubnetId: string;
  public readonly networkSecurityGroupId: string;

  constructor(scope: Construct, id: string, props: IsolatedNetworkProps) {
    super(scope, id);
    const vnetCidr = props.vnetCidr ?? DEFAULT_AZURE_VNET_CIDR;
    const retention = props.flowLogRetentionDays ?? 365;
    const prefix = Number(vnetCidr.split('/')[1]);
    new PropsValidator('azure.IsolatedNetwork', this.node.path)
      .check(!cidrProblem(vnetCidr) && prefix >= 16 && prefix <= 20, `vnetCidr (${vnetCidr}) must be a network from /16 to /20`)
      .whenKnown([props.ingressCidr], () => !ingressCidrProblem(props.ingressCidr), () => `ingressCidr: ${ingressCidrProblem(props.ingressCidr)}`)
      .check(Number.isInteger(retention) && retention >= MIN_FLOW_LOG_RETENTION_DAYS && retention <= 365, `flowLogRetentionDays (${retention}) must be from ${MIN_FLOW_LOG_RETENTION_DAYS} to 365`)
      .throwIfAny();
    const ctx = AzureContext.of(this);

    const group = { name: props.resourceGroupName, location: props.location };
    const vnet = new VirtualNetwork(this, 'Resource', {
      name: `${props.name}-vnet`,
      resourceGroupName: group.name,
      location: group.location,
      addressSpace: [vnetCidr],
    });
    // Nodes get the first quarter; private endpoints a small slice after it.
    const nodeSubnet = new Subnet(this, 'NodeSubnet', {
      name: 'nodes',
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: [cidrSubnet(vnetCidr, 2, 0)],
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
        rule('deny-all-in', 4096, 'Inbound', 'Deny', '*', '*', '*'),
        rule('allow-vnet-out', 100, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork', '*'),
        ...AKS_OUTBOUND_SERVICE_TAGS.map((tag, i) => rule(`allow-${tag.toLowerCase()}-out`, 110 + i * 10, 'Outbound', 'Allow', 'VirtualNetwork', tag, '443', 'Tcp')),
        rule('deny-internet-out', 4096, 'Outbound', 'Deny', '*', 'Internet', '*'),
      ],
    });
    new SubnetNetworkSecurityGroupAssociation(this, 'NodeSubnetNsg', { subnetId: nodeSubnet.id, networkSecurityGroupId: nsg.id });
    new SubnetNetworkSecurityGroupAssociation(this, 'PrivateEndpointSubnetNsg', { subnetId: endpointSubnet.id, networkSecurityGroupId: nsg.id });

    const flowLogStorage = new StorageAccount(this, 'FlowLogStorage', {
      name: ctx.globalName('fl', `${props.name}/flow-logs`, 24),
      resourceGroupName: group.name,
      location: group.location,
      accountTier: 'Standard',
      accountReplicationType: 'GRS',
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      infrastructureEncryptionEnabled: true,
      sharedAccessKeyEnabled: false,
      allowNestedItemsToBePublic: false,
      publicNetworkAccessEnabled: true,
      networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
    });
    new NetworkWatcherFlowLog(this, 'FlowLog', {
      name: `${props.name}-vnet-flow-log`,
      networkWatcherName: props.networkWatcherName ?? defaultNetworkWatcherName(props.location),
      resourceGroupName: props.networkWatcherResourceGroup ?? DEFAULT_NETWORK_WATCHER_RESOURCE_GROUP,
      targetResourceId: vnet.id,
      storageAccountId: flowLogStorage.id,
      enabled: true,
      version: 2,
      retentionPolicy: { enabled: true, days: retention },
      trafficAnalytics: {
        enabled: true,
        workspaceId: props.logAnalyticsWorkspaceGuid,
        workspaceRegion: props.location,
        workspaceResourceId: props.logAnalyticsWorkspaceId,
        intervalInMinutes: 10,
      },
    });

    this.resourceGroupName = group.name;
    this.location = group.location;
    this.virtualNetworkId = vnet.id;
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
