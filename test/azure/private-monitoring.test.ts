import { CONTAINER_INSIGHTS_STREAMS, PrivateMonitoring } from '../../lib/azure/private-monitoring';
import { onlyResource, resourcesOf, synthConstructs } from '../support/synth';

const BASE = {
  name: 'demo',
  resourceGroupName: 'rg',
  location: 'usgovvirginia',
  environment: 'usgovernment' as const,
  logAnalyticsWorkspaceId: 'law',
  privateEndpointSubnetId: 'subnet-pe',
  linkedNetworks: [{ name: 'cluster', virtualNetworkId: 'vnet' }],
};

describe('azure.PrivateMonitoring', () => {
  const tf = synthConstructs((scope) => {
    new PrivateMonitoring(scope, 'mon', BASE).monitorCluster(scope, 'ci', 'cluster-id', 'demo');
  });

  test('a private link scope that takes ingestion from its networks only, holding the workspace and a data collection endpoint', () => {
    expect(onlyResource(tf, 'azurerm_monitor_private_link_scope')).toMatchObject({ ingestion_access_mode: 'PrivateOnly', query_access_mode: 'Open' });
    expect(resourcesOf(tf, 'azurerm_monitor_private_link_scoped_service').map((s) => s.linked_resource_id).sort()).toEqual([expect.stringMatching(/data_collection_endpoint/), 'law']);
    expect(onlyResource(tf, 'azurerm_monitor_data_collection_endpoint')).toMatchObject({ kind: 'Linux', public_network_access_enabled: false });
  });

  test('its private endpoint registers in the five Azure Government monitor zones, after the scoped resources', () => {
    const endpoint = onlyResource(tf, 'azurerm_private_endpoint');
    expect(endpoint.private_service_connection).toMatchObject({ subresource_names: ['azuremonitor'] });
    expect(endpoint.depends_on).toHaveLength(2);
    expect(resourcesOf(tf, 'azurerm_private_dns_zone').map((z) => z.name)).toEqual([
      'privatelink.monitor.azure.us',
      'privatelink.oms.opinsights.azure.us',
      'privatelink.ods.opinsights.azure.us',
      'privatelink.agentsvc.azure-automation.us',
      'privatelink.blob.core.usgovcloudapi.net',
    ]);
  });

  test('Container insights: the rule the agent fetches, associated with the cluster, and the configuration endpoint association', () => {
    const rule = onlyResource(tf, 'azurerm_monitor_data_collection_rule');
    expect(rule).toMatchObject({
      name: 'MSCI-usgovvirginia-demo',
      data_flow: [{ streams: CONTAINER_INSIGHTS_STREAMS, destinations: ['ciworkspace'] }],
      destinations: { log_analytics: [{ name: 'ciworkspace', workspace_resource_id: 'law' }] },
      data_sources: { extension: [{ extension_name: 'ContainerInsights', streams: CONTAINER_INSIGHTS_STREAMS }] },
    });
    expect(rule.data_collection_endpoint_id).toMatch(/data_collection_endpoint/);
    expect(resourcesOf(tf, 'azurerm_monitor_data_collection_rule_association').map((a) => [a.name, a.target_resource_id, a.data_collection_rule_id ? 'rule' : 'endpoint'])).toEqual(
      expect.arrayContaining([
        ['ContainerInsightsExtension', 'cluster-id', 'rule'],
        ['configurationAccessEndpoint', 'cluster-id', 'endpoint'],
      ]),
    );
  });
});
