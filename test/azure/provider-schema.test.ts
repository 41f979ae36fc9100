/**
 * The azurerm attributes hms-sys sets exist in azurerm v4.55.0 and hold values its
 * validation functions accept. No azurerm binary is available here, so this is the
 * check `terraform validate` would do: attribute names against the bindings generated
 * from the v4.55.0 schema, and values against the validation functions read in the Go
 * source at tag v4.55.0 (cited per row).
 */
import { App } from 'cdktf';
import { withEnvironmentDefaults } from '../../lib/cli/environment-defaults';
import { cidrProblem } from '../../lib/core/cidr';
import { AksStack } from '../../stacks/aks-stack';
import { HUB_NETWORK_ID, RUNNER_NETWORK_ID } from '../support/azure-fixtures';
import { attributeTree, unknownAttributes } from '../support/provider-bindings';
import { exampleBlueprint, synthStack, type TfJson } from '../support/synth';

const TODAY = new Date('2026-11-22T12:00:00Z');

/** Every Azure stack shape hms-sys produces: the seed with and without site settings, one replica (static and dynamic), public cloud. */
function variants(): [string, TfJson][] {
  const site = { HMS_AZURE_RUNNER_NETWORK_ID: RUNNER_NETWORK_ID, HMS_AZURE_AGENCY_HUB_NETWORK_ID: HUB_NETWORK_ID, HMS_AZURE_AGENCY_GATEWAY: 'vpn' };
  const one = (y: string) => y.replace('replicas: 10', 'replicas: 1');
  const blueprints: [string, ReturnType<typeof exampleBlueprint>][] = [
    ['seed', exampleBlueprint()],
    ['seed with site', withEnvironmentDefaults([exampleBlueprint()], site)[0]],
    ['one replica, static disk', exampleBlueprint(one)],
    ['one replica, dynamic', exampleBlueprint((y) => one(y).replace('    encryption: aes256', '    encryption: aes256\n    provisioning: dynamic'))],
    ['public cloud, anonymous upstream', exampleBlueprint((y) => `azure:\n  environment: public\n  location: eastus2\n  upstreamCredentials: none\n${y}`)],
  ];
  return blueprints.map(([name, bp]) => [name, synthStack(new AksStack(new App(), 'x-azure', { blueprint: bp, supportDate: TODAY }))]);
}

const all = variants();
const resources = all.flatMap(([variant, tf]) =>
  Object.entries(tf.resource ?? {}).flatMap(([type, byId]) => Object.entries(byId).map(([id, r]) => ({ variant, kind: 'resource' as const, type, id, r: r as Record<string, any> }))),
);
const dataSources = all.flatMap(([variant, tf]) =>
  Object.entries(tf.data ?? {}).flatMap(([type, byId]) => Object.entries(byId).map(([id, r]) => ({ variant, kind: 'data' as const, type, id, r: r as Record<string, any> }))),
);
const ofType = (type: string) => resources.filter((x) => x.type === type).map((x) => x.r);

describe('azurerm v4.55.0 schema: attribute names', () => {
  test.each(resources.map((x) => [`${x.type}.${x.id} (${x.variant})`, x] as const))('%s uses only attributes the schema has', (_name, x) => {
    expect(unknownAttributes(x.r, attributeTree(x.kind, x.type))).toEqual([]);
  });

  test('data sources and provider blocks use only attributes the schema has', () => {
    for (const x of dataSources) expect(unknownAttributes(x.r, attributeTree('data', x.type))).toEqual([]);
    for (const [, tf] of all) for (const p of tf.provider?.azurerm ?? []) expect(unknownAttributes(p, attributeTree('provider', 'azurerm'))).toEqual([]);
  });

  test('the check can fail: a misspelt or removed attribute is caught', () => {
    expect(unknownAttributes({ network_profile: { pod_cidr: 'x', podCidr: 'y' }, enable_host_encryption: true }, attributeTree('resource', 'azurerm_kubernetes_cluster'))).toEqual([
      'network_profile.podCidr',
      'enable_host_encryption',
    ]);
  });
});

/** A value is fine when it is an expression (known only at apply time) or passes `ok`. */
const literal = (v: unknown) => !(typeof v === 'string' && v.includes('${'));
const oneOf = (...allowed: unknown[]) => (v: unknown) => !literal(v) || allowed.includes(v);
const days = (v: string) => Number(/^P(\d+)D$/.exec(v)?.[1] ?? NaN);
const get = (o: any, path: string) => path.split('.').reduce((x, k) => (Array.isArray(x) ? x[0] : x)?.[k], o);

/** [type, attribute path, check, source at v4.55.0]. */
const VALIDATIONS: [string, string, (v: any) => boolean, string][] = [
  ['azurerm_kubernetes_cluster', 'sku_tier', oneOf('Free', 'Standard', 'Premium'), 'containers/kubernetes_cluster_resource.go "sku_tier"'],
  ['azurerm_kubernetes_cluster', 'support_plan', oneOf('KubernetesOfficial', 'AKSLongTermSupport'), 'containers/kubernetes_cluster_resource.go "support_plan"'],
  ['azurerm_kubernetes_cluster', 'automatic_upgrade_channel', oneOf('patch', 'rapid', 'stable', 'node-image'), 'containers/kubernetes_cluster_resource.go "automatic_upgrade_channel"'],
  ['azurerm_kubernetes_cluster', 'node_os_upgrade_channel', oneOf('NodeImage', 'None', 'SecurityPatch', 'Unmanaged'), 'containers/kubernetes_cluster_resource.go "node_os_upgrade_channel"'],
  ['azurerm_kubernetes_cluster', 'network_profile.network_plugin', oneOf('azure', 'kubenet', 'none'), 'containers/kubernetes_cluster_resource.go "network_plugin"'],
  ['azurerm_kubernetes_cluster', 'network_profile.network_plugin_mode', oneOf('overlay'), 'containers/kubernetes_cluster_resource.go "network_plugin_mode"'],
  ['azurerm_kubernetes_cluster', 'network_profile.network_policy', oneOf('calico', 'azure', 'cilium'), 'containers/kubernetes_cluster_resource.go "network_policy"'],
  ['azurerm_kubernetes_cluster', 'network_profile.network_data_plane', oneOf('azure', 'cilium'), 'managedclusters.PossibleValuesForNetworkDataplane'],
  ['azurerm_kubernetes_cluster', 'network_profile.outbound_type', oneOf('loadBalancer', 'userDefinedRouting', 'managedNATGateway', 'userAssignedNATGateway', 'none'), 'containers/kubernetes_cluster_resource.go "outbound_type"'],
  ['azurerm_kubernetes_cluster', 'network_profile.load_balancer_sku', oneOf('basic', 'standard'), 'containers/kubernetes_cluster_resource.go "load_balancer_sku"'],
  ['azurerm_kubernetes_cluster', 'network_profile.pod_cidr', (v) => !literal(v) || cidrProblem(v) === undefined, 'validate.CIDR'],
  ['azurerm_kubernetes_cluster', 'network_profile.service_cidr', (v) => !literal(v) || cidrProblem(v) === undefined, 'validate.CIDR'],
  ['azurerm_kubernetes_cluster', 'network_profile.dns_service_ip', (v) => /^\d+\.\d+\.\d+\.\d+$/.test(v), 'validate.IPv4Address'],
  // CustomizeDiff: outbound_type none requires artifact_source Cache.
  ['azurerm_kubernetes_cluster', 'bootstrap_profile.artifact_source', oneOf('Cache'), 'containers/kubernetes_cluster_resource.go CustomizeDiff (outbound_type none)'],
  ['azurerm_kubernetes_cluster', 'private_dns_zone_id', (v) => !literal(v) || ['System', 'None'].includes(v), 'containers/kubernetes_cluster_resource.go "private_dns_zone_id"'],
  ['azurerm_kubernetes_cluster', 'default_node_pool.os_sku', oneOf('AzureLinux', 'AzureLinux3', 'Ubuntu', 'Ubuntu2204', 'Windows2019', 'Windows2022'), 'containers/kubernetes_nodepool.go "os_sku"'],
  ['azurerm_kubernetes_cluster', 'default_node_pool.max_pods', (v) => v >= 10 && v <= 250, 'overlay: 10 to 250 pods per node'],
  ['azurerm_kubernetes_cluster_node_pool', 'os_sku', oneOf('AzureLinux', 'AzureLinux3', 'Ubuntu', 'Ubuntu2204', 'Windows2019', 'Windows2022'), 'containers/kubernetes_cluster_node_pool_resource.go "os_sku"'],
  ['azurerm_kubernetes_cluster_node_pool', 'mode', oneOf('System', 'User'), 'containers/kubernetes_cluster_node_pool_resource.go "mode"'],
  ['azurerm_kubernetes_cluster_node_pool', 'os_type', oneOf('Linux', 'Windows'), 'containers/kubernetes_cluster_node_pool_resource.go "os_type"'],
  ['azurerm_key_vault_key', 'key_type', oneOf('EC', 'EC-HSM', 'RSA', 'RSA-HSM'), 'keyvault/key_vault_key_resource.go "key_type"'],
  ['azurerm_key_vault_key', 'key_opts', (v: string[]) => v.every((o) => ['decrypt', 'encrypt', 'sign', 'unwrapKey', 'verify', 'wrapKey'].includes(o)), 'keyvault/key_vault_key_resource.go "key_opts"'],
  ['azurerm_key_vault_key', 'rotation_policy.expire_after', (v) => days(v) >= 28 && days(v) <= 36500, 'ISO8601DurationBetween("P28D", "P100Y")'],
  ['azurerm_key_vault_key', 'rotation_policy.notify_before_expiry', (v) => days(v) >= 7 && days(v) <= 36493, 'ISO8601DurationBetween("P7D", "P36493D")'],
  ['azurerm_key_vault_key', 'rotation_policy.automatic.time_after_creation', (v) => Number.isFinite(days(v)), 'validate.ISO8601Duration'],
  ['azurerm_key_vault', 'sku_name', oneOf('standard', 'premium'), 'keyvault/key_vault_resource.go "sku_name"'],
  ['azurerm_key_vault', 'soft_delete_retention_days', (v) => v >= 7 && v <= 90, 'keyvault/key_vault_resource.go IntBetween(7, 90)'],
  ['azurerm_disk_encryption_set', 'encryption_type', oneOf('EncryptionAtRestWithCustomerKey', 'EncryptionAtRestWithPlatformAndCustomerKeys', 'ConfidentialVmEncryptedWithCustomerKey'), 'compute/disk_encryption_set_resource.go "encryption_type"'],
  ['azurerm_disk_encryption_set', 'key_vault_key_id', (v) => /versionless_id/.test(v), 'validateKeyAndRotationEnabled: auto rotation needs a versionless key id'],
  ['azurerm_storage_account', 'account_kind', oneOf('BlobStorage', 'BlockBlobStorage', 'FileStorage', 'Storage', 'StorageV2'), 'storageaccounts.PossibleValuesForKind'],
  ['azurerm_storage_account', 'account_tier', oneOf('Standard', 'Premium'), 'storageaccounts.PossibleValuesForSkuTier'],
  ['azurerm_storage_account', 'account_replication_type', oneOf('LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS'), 'storage/storage_account_resource.go "account_replication_type"'],
  ['azurerm_storage_account', 'min_tls_version', oneOf('TLS1_0', 'TLS1_1', 'TLS1_2', 'TLS1_3'), 'storageaccounts.PossibleValuesForMinimumTlsVersion'],
  ['azurerm_storage_account', 'network_rules.bypass', (v: string[]) => v.every((b) => ['AzureServices', 'Logging', 'Metrics', 'None'].includes(b)), 'storageaccounts.PossibleValuesForBypass'],
  // expandAccountCustomerManagedKey: a customer key needs StorageV2 or Premium, and a user-assigned identity.
  ['azurerm_storage_account', 'identity.type', oneOf('UserAssigned', 'SystemAssigned, UserAssigned'), 'storage/storage_account_resource.go expandAccountCustomerManagedKey'],
  ['azurerm_storage_account', 'blob_properties.delete_retention_policy.days', (v) => v >= 1 && v <= 365, 'storage/storage_account_resource.go IntBetween(1, 365)'],
  ['azurerm_storage_account', 'share_properties.retention_policy.days', (v) => v >= 1 && v <= 365, 'storage/storage_account_resource.go IntBetween(1, 365)'],
  ['azurerm_storage_share', 'quota', (v) => v >= 1 && v <= 102400, 'storage/storage_share_resource.go IntBetween(1, 102400)'],
  ['azurerm_storage_share', 'enabled_protocol', oneOf('SMB', 'NFS'), 'storage/storage_share_resource.go "enabled_protocol"'],
  ['azurerm_container_registry', 'sku', oneOf('Basic', 'Standard', 'Premium'), 'containers/container_registry_resource.go "sku"'],
  ['azurerm_container_registry', 'network_rule_bypass_option', oneOf('AzureServices', 'None'), 'containers/container_registry_resource.go "network_rule_bypass_option"'],
  ['azurerm_container_registry_cache_rule', 'name', (v) => /^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$/.test(v) && v.length >= 5 && v.length < 50, 'containers/validate/container_registry_cache_rule_name.go'],
  ['azurerm_monitor_private_link_scope', 'ingestion_access_mode', oneOf('Open', 'PrivateOnly'), 'privatelinkscopesapis.PossibleValuesForAccessMode'],
  ['azurerm_monitor_private_link_scope', 'query_access_mode', oneOf('Open', 'PrivateOnly'), 'privatelinkscopesapis.PossibleValuesForAccessMode'],
  ['azurerm_monitor_data_collection_endpoint', 'kind', oneOf('Linux', 'Windows'), 'datacollectionendpoints.PossibleValuesForKnownDataCollectionEndpointResourceKind'],
  // No validation function in the provider; Network Watcher keeps flow logs 0 to 365 days.
  ['azurerm_network_watcher_flow_log', 'retention_policy.days', (v) => v >= 0 && v <= 365, 'Network Watcher: retention 0 to 365 days'],
  ['azurerm_network_watcher_flow_log', 'traffic_analytics.interval_in_minutes', oneOf(10, 60), 'network/network_watcher_flow_log_resource.go IntInSlice(10, 60)'],
];

describe('azurerm v4.55.0 validation functions: attribute values', () => {
  test.each(VALIDATIONS.map(([type, path, ok, source]) => [type, path, source, ok] as const))('%s %s (%s)', (type, path, source, ok) => {
    const values = ofType(type).map((r) => get(r, path)).filter((v) => v !== undefined);
    expect({ source, values: values.length }).toMatchObject({ values: expect.any(Number) });
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect({ source, value: v, accepted: ok(v) }).toMatchObject({ accepted: true });
  });

  test('the provider registers resource providers the v4.55.0 way, or not at all for peered subscriptions', () => {
    for (const [, tf] of all) for (const p of tf.provider?.azurerm ?? []) expect([undefined, 'none', 'legacy', 'core', 'extended', 'all']).toContain(p.resource_provider_registrations);
  });
});
