import { MonitorDataCollectionEndpoint } from '@cdktf/provider-azurerm/lib/monitor-data-collection-endpoint';
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';
import { MonitorPrivateLinkScope } from '@cdktf/provider-azurerm/lib/monitor-private-link-scope';
import { MonitorPrivateLinkScopedService } from '@cdktf/provider-azurerm/lib/monitor-private-link-scoped-service';
import { Construct } from 'constructs';
import { PrivateLink, type PrivateServiceProps } from './private-link';
import { PRIVATE_DNS_ZONES } from './private/dns-zones';

/** The Container insights stream group the AKS monitoring add-on's agent sends. */
export const CONTAINER_INSIGHTS_STREAMS = ['Microsoft-ContainerInsights-Group-Default'];

export interface PrivateMonitoringProps extends PrivateServiceProps {
  readonly logAnalyticsWorkspaceId: string;
}

/**
 * The private path of Azure Monitor for a network-isolated cluster: an Azure Monitor
 * Private Link Scope that holds the Log Analytics workspace and a data collection
 * endpoint, reached through a private endpoint whose five DNS zones resolve the
 * ingestion, agent and configuration names to it (SC-7). Ingestion from the linked
 * networks goes only to resources in the scope (`PrivateOnly`, against exfiltration);
 * analysts still query the workspace from the portal (`Open`).
 *
 * The blob zone makes every blob account resolve privately in the linked networks,
 * so it is linked to the cluster network only, never to the runner network.
 * @see https://learn.microsoft.com/azure/azure-monitor/logs/private-link-security
 * @see https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-private-link
 */
export class PrivateMonitoring extends Construct {
  public readonly dataCollectionEndpointId: string;
  public readonly logAnalyticsWorkspaceId: string;
  private readonly props: PrivateMonitoringProps;

  constructor(scope: Construct, id: string, props: PrivateMonitoringProps) {
    super(scope, id);
    this.props = props;
    const ampls = new MonitorPrivateLinkScope(this, 'Resource', {
      name: `${props.name}-ampls`,
      resourceGroupName: props.resourceGroupName,
      ingestionAccessMode: 'PrivateOnly',
      queryAccessMode: 'Open',
    });
    const endpoint = new MonitorDataCollectionEndpoint(this, 'DataCollectionEndpoint', {
      name: `${props.name}-dce`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      kind: 'Linux',
      publicNetworkAccessEnabled: false,
    });
    const scoped = [
      new MonitorPrivateLinkScopedService(this, 'ScopedWorkspace', { name: `${props.name}-logs`, resourceGroupName: props.resourceGroupName, scopeName: ampls.name, linkedResourceId: props.logAnalyticsWorkspaceId }),
      new MonitorPrivateLinkScopedService(this, 'ScopedEndpoint', { name: `${props.name}-dce`, resourceGroupName: props.resourceGroupName, scopeName: ampls.name, linkedResourceId: endpoint.id }),
    ];
    new PrivateLink(this, 'PrivateLink', {
      name: `${props.name}-monitor`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.privateEndpointSubnetId,
      resourceId: ampls.id,
      subresource: 'azuremonitor',
      dnsZoneNames: PRIVATE_DNS_ZONES[props.environment].monitor,
      linkedNetworks: props.linkedNetworks,
      // The endpoint's records cover the resources in the scope when it is created.
      dependsOn: scoped,
    });
    this.dataCollectionEndpointId = endpoint.id;
    this.logAnalyticsWorkspaceId = props.logAnalyticsWorkspaceId;
  }

  /**
   * Container insights for a cluster whose monitoring add-on authenticates with its
   * managed identity: the data collection rule the agent fetches (Terraform must create
   * it; the add-on does not, only `az aks enable-addons` does), its association with the
   * cluster, and the cluster's configuration endpoint association, so that the agent
   * fetches its configuration and sends its data through the private endpoint.
   * @see https://github.com/microsoft/Docker-Provider/blob/ci_prod/scripts/onboarding/aks/onboarding-msi-terraform/main.tf
   */
  monitorCluster(scope: Construct, id: string, clusterId: string, clusterName: string): void {
    const p = this.props;
    const rule = new MonitorDataCollectionRule(scope, `${id}Rule`, {
      name: `MSCI-${p.location}-${clusterName}`,
      resourceGroupName: p.resourceGroupName,
      location: p.location,
      dataCollectionEndpointId: this.dataCollectionEndpointId,
      destinations: { logAnalytics: [{ name: 'ciworkspace', workspaceResourceId: p.logAnalyticsWorkspaceId }] },
      dataFlow: [{ streams: CONTAINER_INSIGHTS_STREAMS, destinations: ['ciworkspace'] }],
      dataSources: {
        extension: [
          {
            name: 'ContainerInsightsExtension',
            extensionName: 'ContainerInsights',
            streams: CONTAINER_INSIGHTS_STREAMS,
            extensionJson: JSON.stringify({ dataCollectionSettings: { interval: '1m', namespaceFilteringMode: 'Off', enableContainerLogV2: true } }),
          },
        ],
      },
      description: 'Container insights of the hms-sys cluster, through the private link scope',
    });
    new MonitorDataCollectionRuleAssociation(scope, `${id}RuleAssociation`, {
      name: 'ContainerInsightsExtension',
      targetResourceId: clusterId,
      dataCollectionRuleId: rule.id,
    });
    new MonitorDataCollectionRuleAssociation(scope, `${id}EndpointAssociation`, {
      name: 'configurationAccessEndpoint',
      targetResourceId: clusterId,
      dataCollectionEndpointId: this.dataCollectionEndpointId,
    });
  }
}
