import { App, Testing } from 'cdktf';
import { withEnvironmentDefaults } from '../../lib/cli/environment-defaults';
import { STATEFUL_TYPES } from '../../lib/plan/stateful-guard';
import { AksStack, imageNamespace, logAnalyticsRetention, nfsEncryptionInTransit } from '../../stacks/aks-stack';
import { HUB_NETWORK_ID, RUNNER_NETWORK_ID } from '../support/azure-fixtures';
import { exampleBlueprint, onlyResource, resourcesOf, synthStack, type TfJson } from '../support/synth';

/** Support phases move with the clock: the seed is judged on this fixed day. */
const TODAY = new Date('2026-11-22T12:00:00Z');

/** The seed blueprint verbatim, with the documented site settings from the environment. */
const SITE = { HMS_AZURE_RUNNER_NETWORK_ID: RUNNER_NETWORK_ID, HMS_AZURE_AGENCY_HUB_NETWORK_ID: HUB_NETWORK_ID, HMS_AZURE_AGENCY_GATEWAY: 'vpn' };

const byAddress = (tf: TfJson) => Object.fromEntries(Object.entries(tf.resource ?? {}).flatMap(([type, rs]) => Object.entries(rs).map(([id, r]) => [`${type}.${id}`, r as Record<string, any>])));
const addressesOf = (tf: TfJson, type: string) => Object.keys(tf.resource?.[type] ?? {}).map((id) => `${type}.${id}`);

describe('AksStack, seed blueprint verbatim', () => {
  const stack = new AksStack(Testing.app(), 'dcaa-audit-azure', { blueprint: exampleBlueprint(), supportDate: TODAY });
  const tf = synthStack(stack);

  test('matches the snapshot of the example blueprint', () => {
    expect(tf).toMatchSnapshot();
  });

  test('targets Azure Government in US Gov Virginia by default, with Entra ID for storage', () => {
    expect(tf.provider?.azurerm?.[0]).toMatchObject({ environment: 'usgovernment', storage_use_azuread: true });
    expect(onlyResource(tf, 'azurerm_resource_group')).toMatchObject({ name: 'dcaa-audit-rg', location: 'usgovvirginia' });
  });

  test('the blueprint becomes the cluster, the node pool and, for ten replicas, an NFS share of its size', () => {
    expect(onlyResource(tf, 'azurerm_kubernetes_cluster').name).toBe('dcaa-audit');
    expect(onlyResource(tf, 'azurerm_kubernetes_cluster_node_pool')).toMatchObject({ name: 'dcaasecure', node_count: 10 });
    expect(onlyResource(tf, 'azurerm_storage_share')).toMatchObject({ name: 'contract-pdfs', quota: 1024, enabled_protocol: 'NFS' });
    expect(tf.resource?.azurerm_managed_disk).toBeUndefined();
  });

  test('item 2: storage accounts are managed through Resource Manager only (data_plane_available = false, azurerm 4.55)', () => {
    expect(tf.provider?.azurerm?.[0].features).toEqual([
      { key_vault: [{ purge_soft_delete_on_destroy: false, recover_soft_deleted_keys: true }], storage: [{ data_plane_available: false }] },
    ]);
  });

  test('item 3: the deploying principal is cluster admin on the cluster', () => {
    const admins = resourcesOf(tf, 'azurerm_role_assignment').filter((r) => r.role_definition_name === 'Azure Kubernetes Service RBAC Cluster Admin');
    expect(admins).toEqual([expect.objectContaining({ scope: expect.stringMatching(/azurerm_kubernetes_cluster\.\w+\.id/), principal_id: expect.stringMatching(/azurerm_client_config\.\w+\.object_id/) })]);
  });

  test('item 4: an explicit pod range outside the VNet and the agency range, and the NSG rules overlay needs', () => {
    expect(onlyResource(tf, 'azurerm_kubernetes_cluster').network_profile).toMatchObject({ network_plugin_mode: 'overlay', pod_cidr: '100.64.0.0/16', service_cidr: '100.72.0.0/16' });
    const overlay = (onlyResource(tf, 'azurerm_network_security_group').security_rule as any[]).filter((r) => r.destination_address_prefix === '100.64.0.0/16');
    expect(overlay.map((r) => [r.direction, r.source_address_prefix])).toEqual([
      ['Inbound', '100.64.0.0/16'],
      ['Inbound', '10.60.0.0/18'],
      ['Outbound', '100.64.0.0/16'],
      ['Outbound', '10.60.0.0/18'],
    ]);
  });

  test('item 5: Container insights through an Azure Monitor private link scope; add-ons with no private path are off, acknowledged and explained', () => {
    expect(onlyResource(tf, 'azurerm_monitor_private_link_scope')).toMatchObject({ ingestion_access_mode: 'PrivateOnly' });
    expect(onlyResource(tf, 'azurerm_monitor_data_collection_rule').data_collection_endpoint_id).toMatch(/data_collection_endpoint/);
    expect(resourcesOf(tf, 'azurerm_monitor_data_collection_rule_association').map((a) => a.target_resource_id)).toEqual([
      expect.stringMatching(/azurerm_kubernetes_cluster/),
      expect.stringMatching(/azurerm_kubernetes_cluster/),
    ]);
    expect(onlyResource(tf, 'azurerm_kubernetes_cluster')).toMatchObject({ azure_policy_enabled: false, workload_identity_enabled: false, oms_agent: { msi_auth_for_monitoring_enabled: true } });
    expect(stack.notices.filter((n) => /is off/.test(n))).toHaveLength(3);
  });

  test('item 6: every key rotates from its creation and expires', () => {
    const keys = resourcesOf(tf, 'azurerm_key_vault_key') as Record<string, any>[];
    expect(keys.length).toBe(3);
    for (const k of keys) {
      expect(k.rotation_policy.automatic).toEqual({ time_after_creation: 'P335D' });
      expect(k.expiration_date).toMatch(/timeadd\(timestamp\(\)/);
    }
  });

  test("item 7: one private Premium registry caches AKS's images and the workload's namespace, and the kubelet may pull from it before the cluster exists", () => {
    expect(onlyResource(tf, 'azurerm_container_registry')).toMatchObject({ sku: 'Premium', admin_enabled: false, anonymous_pull_enabled: false, public_network_access_enabled: false });
    expect(resourcesOf(tf, 'azurerm_container_registry_cache_rule').map((r) => [r.source_repo, r.target_repo])).toEqual(
      expect.arrayContaining([
        ['ghcr.io/hms/*', 'ghcr.io/hms/*'],
        ['mcr.microsoft.com/*', 'aks-managed-repository/*'],
      ]),
    );
    const cluster = onlyResource(tf, 'azurerm_kubernetes_cluster');
    expect(cluster.bootstrap_profile).toEqual({ artifact_source: 'Cache', container_registry_id: expect.stringMatching(/azurerm_container_registry\.\w+\.id/) });
    // What a node needs at its first boot (network-isolated.md, "bring your own ACR"): the registry's
    // private endpoint with its records, its zone linked to the cluster network, the aks-managed-mcr
    // rule, and AcrPull for the kubelet identity. The cluster waits for each of them.
    const zone = resourcesOf(tf, 'azurerm_private_dns_zone').find((z) => z.name === 'privatelink.azurecr.us');
    expect(zone).toBeDefined();
    const registryLinks = Object.entries(tf.resource?.azurerm_private_dns_zone_virtual_network_link ?? {}).filter(([, l]) => /registry_PrivateLink_Zone0_/.test((l as any).private_dns_zone_name));
    expect(registryLinks.map(([, l]) => (l as any).virtual_network_id)).toEqual([expect.stringMatching(/^\$\{azurerm_virtual_network\.network_\w+\.id\}$/)]);
    const endpoint = addressesOf(tf, 'azurerm_private_endpoint').find((a) => /registry/.test(a))!;
    expect(byAddress(tf)[endpoint].private_service_connection).toMatchObject({ subresource_names: ['registry'] });
    expect(cluster.depends_on).toEqual(
      expect.arrayContaining([
        endpoint,
        `azurerm_private_dns_zone_virtual_network_link.${registryLinks[0][0]}`,
        expect.stringMatching(/^azurerm_container_registry_cache_rule\.registry_AksBootstrapRule_/),
        expect.stringMatching(/^azurerm_role_assignment\.cluster_KubeletPull_/),
      ]),
    );
    expect(byAddress(tf)[cluster.depends_on.find((d: string) => /KubeletPull/.test(d))]).toMatchObject({
      role_definition_name: 'AcrPull',
      scope: expect.stringMatching(/azurerm_container_registry\.registry_\w+\.id/),
      principal_id: expect.stringMatching(/KubeletIdentity_\w+\.principal_id/),
    });
    expect(cluster.kubelet_identity.object_id).toMatch(/KubeletIdentity_\w+\.principal_id/);
    expect(resourcesOf(tf, 'azurerm_role_assignment').find((r) => r.role_definition_name === 'AcrPull')?.principal_id).toMatch(/KubeletIdentity/);
    expect(stack.registry.mirror?.upstream).toBe('ghcr.io/hms');
    expect(stack.notices).toContainEqual(expect.stringMatching(/store the upstream registry's username and token as Key Vault secrets ghcr-io-username and ghcr-io-password/));
  });

  test('item 8: the share is NFS on a private, customer-key account that refuses mounts not encrypted in transit', () => {
    const account = resourcesOf(tf, 'azurerm_storage_account').find((a) => a.account_kind === 'FileStorage')!;
    expect(account).toMatchObject({ public_network_access_enabled: false, shared_access_key_enabled: false, https_traffic_only_enabled: true, infrastructure_encryption_enabled: true });
    expect(stack.node.validate()).toEqual([]);
    expect(stack.nfsEncryptionInTransit).toBe(true);
  });

  test('item 10: Kubernetes 1.36 is in community support on the Standard tier; FIPS Ubuntu at 1.36 is 22.04, and synth says so', () => {
    expect(onlyResource(tf, 'azurerm_kubernetes_cluster')).toMatchObject({ kubernetes_version: '1.36', sku_tier: 'Standard', support_plan: 'KubernetesOfficial' });
    expect(onlyResource(tf, 'azurerm_kubernetes_cluster_node_pool')).toMatchObject({ os_sku: 'Ubuntu', fips_enabled: true });
    expect(stack.notices).toContainEqual(expect.stringMatching(/FIPS pools run Ubuntu 22.04/));
  });

  test('issue 14: the cluster, the workspace and every stateful resource are protected from destroy and guarded at plan', () => {
    expect(onlyResource(tf, 'azurerm_kubernetes_cluster').lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(tf, 'azurerm_log_analytics_workspace').lifecycle).toEqual({ prevent_destroy: true });
    const stateful = ['azurerm_key_vault', 'azurerm_key_vault_key', 'azurerm_disk_encryption_set', 'azurerm_storage_account', 'azurerm_storage_share', 'azurerm_container_registry', 'azurerm_kubernetes_cluster', 'azurerm_log_analytics_workspace'];
    for (const type of stateful) {
      expect(Object.keys(tf.resource ?? {})).toContain(type);
      expect(STATEFUL_TYPES[type]).toBeDefined();
      for (const r of resourcesOf(tf, type)) expect(r.lifecycle).toMatchObject({ prevent_destroy: true });
    }
  });

  test('says plainly that apply needs a runner network and the agency a gateway', () => {
    expect(stack.notices).toContainEqual(expect.stringMatching(/no Azure runner network \(azure.runnerNetworkId or HMS_AZURE_RUNNER_NETWORK_ID\)/));
    expect(stack.notices).toContainEqual(expect.stringMatching(/no agency gateway[^]*192.168.15.0\/24 has no route/));
  });

  test('every taggable resource carries the audit tags', () => {
    for (const type of ['azurerm_kubernetes_cluster', 'azurerm_key_vault', 'azurerm_storage_account', 'azurerm_virtual_network', 'azurerm_container_registry']) {
      for (const r of resourcesOf(tf, type)) expect(r.tags).toMatchObject({ 'hms-sys:blueprint': 'dcaa-audit', 'managed-by': 'hms-sys' });
    }
  });

  test('holds only azurerm resources, so Kubernetes objects stay in their own stack', () => {
    expect(Object.keys(tf.resource ?? {}).every((t) => t.startsWith('azurerm_'))).toBe(true);
  });

  test('passes the policy packs, acknowledging exactly the settings the design needs, each on its own resource', () => {
    expect(stack.node.validate()).toEqual([]);
    // Acknowledgements travel in `//` metadata, which Testing.synth strips; read the stack as written.
    const written = stack.toTerraform() as TfJson;
    const acks = Object.entries(byAddress(written)).flatMap(([address, r]) => ((r['//']?.['hms-sys:acknowledgements'] ?? []) as { ruleId: string }[]).map((a) => `${a.ruleId} ${address.split('.')[0]}`));
    expect(acks.sort()).toEqual(['HMS-AKS-11 azurerm_kubernetes_cluster', 'HMS-AKS-15 azurerm_kubernetes_cluster', 'HMS-ST-8 azurerm_storage_account', 'HMS-ST-8 azurerm_storage_account']);
  });

  test('publishes what the Kubernetes preflight reads: API URL and CA (sensitive), vault, secret names', () => {
    expect(Object.keys(tf.output ?? {})).toEqual(expect.arrayContaining(['cluster_api_url', 'cluster_ca_certificate', 'key_vault_id', 'upstream_username_secret', 'upstream_password_secret', 'registry_login_server']));
    expect(tf.output?.cluster_ca_certificate).toMatchObject({ sensitive: true });
  });
});

describe('AksStack, seed blueprint with the runner network and the agency gateway of the site', () => {
  const [bp] = withEnvironmentDefaults([exampleBlueprint()], SITE);
  const stack = new AksStack(new App(), 'dcaa-audit-azure', { blueprint: bp, supportDate: TODAY });
  const tf = synthStack(stack);
  const all = byAddress(tf);

  test('item 1: keys wait for the deployer role, the private endpoint with its DNS records, both DNS links and both peering halves', () => {
    const peerings = addressesOf(tf, 'azurerm_virtual_network_peering').filter((a) => /runner/.test(a));
    expect(peerings).toHaveLength(2);
    const vaultLinks = addressesOf(tf, 'azurerm_private_dns_zone_virtual_network_link').filter((a) => /key-vault/.test(a));
    expect(vaultLinks).toHaveLength(2);
    for (const key of resourcesOf(tf, 'azurerm_key_vault_key')) {
      expect(key.depends_on).toEqual(expect.arrayContaining([...peerings, ...vaultLinks, ...addressesOf(tf, 'azurerm_private_endpoint').filter((a) => /key-vault/.test(a)), expect.stringMatching(/DeployerCryptoOfficer/)]));
    }
    // The endpoint carries its DNS zone group, so its records exist once it does.
    const endpoint = all[addressesOf(tf, 'azurerm_private_endpoint').find((a) => /key-vault/.test(a))!];
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toHaveLength(1);
  });

  test('item 5 (round 3): the local peering halves name the VNet by reference, so Terraform creates them after it and destroys them first', () => {
    const vnet = addressesOf(tf, 'azurerm_virtual_network');
    expect(vnet).toHaveLength(1);
    const localHalves = resourcesOf(tf, 'azurerm_virtual_network_peering').filter((p) => !p.provider);
    expect(localHalves).toHaveLength(2);
    for (const half of localHalves) expect(half.virtual_network_name).toBe(`\${${vnet[0]}.name}`);
  });

  test('the runner network resolves the vault and the API server, and nothing else (a blob zone there would hide every public blob account)', () => {
    const runnerLinks = resourcesOf(tf, 'azurerm_private_dns_zone_virtual_network_link').filter((l) => l.virtual_network_id === RUNNER_NETWORK_ID);
    expect(runnerLinks.map((l) => l.private_dns_zone_name)).toEqual(expect.arrayContaining([expect.stringMatching(/key-vault/), expect.stringMatching(/ApiServerDnsZone/)]));
    expect(runnerLinks).toHaveLength(2);
  });

  test("item 9: the hub with the agency's VPN gateway is peered with gateway transit, so the agency range has a route in and back", () => {
    const toHub = resourcesOf(tf, 'azurerm_virtual_network_peering').find((p) => p.remote_virtual_network_id === HUB_NETWORK_ID);
    expect(toHub).toMatchObject({ virtual_network_name: expect.stringMatching(/^\$\{azurerm_virtual_network\.\w+\.name\}$/), use_remote_gateways: true });
    expect(resourcesOf(tf, 'azurerm_virtual_network_peering').find((p) => p.virtual_network_name === 'hub')).toMatchObject({ allow_gateway_transit: true });
    expect(stack.notices.some((n) => /no agency gateway|no Azure runner network/.test(n))).toBe(false);
  });

  test('a runner network that is also the hub is peered once, with gateway transit', () => {
    const [same] = withEnvironmentDefaults([exampleBlueprint()], { HMS_AZURE_RUNNER_NETWORK_ID: HUB_NETWORK_ID, HMS_AZURE_AGENCY_HUB_NETWORK_ID: HUB_NETWORK_ID, HMS_AZURE_AGENCY_GATEWAY: 'expressroute' });
    const tf2 = synthStack(new AksStack(new App(), 'x-azure', { blueprint: same, supportDate: TODAY }));
    const peerings = resourcesOf(tf2, 'azurerm_virtual_network_peering');
    expect(peerings).toHaveLength(2);
    expect(peerings.find((p) => p.remote_virtual_network_id === HUB_NETWORK_ID)).toMatchObject({ use_remote_gateways: true });
  });
});

describe('AksStack options', () => {
  test('azure options reach the stack: public cloud, location, VM size, admin groups', () => {
    const bp = exampleBlueprint((y) => `azure:\n  environment: public\n  location: eastus2\n  vmSize: Standard_D8s_v5\n  adminGroupObjectIds: ["00000000-0000-0000-0000-000000000009"]\n${y}`);
    const tf2 = synthStack(new AksStack(new App(), 'x-azure', { blueprint: bp, supportDate: TODAY }));
    expect(tf2.provider?.azurerm?.[0]).toMatchObject({ environment: 'public' });
    expect(onlyResource(tf2, 'azurerm_kubernetes_cluster_node_pool').vm_size).toBe('Standard_D8s_v5');
    expect(onlyResource(tf2, 'azurerm_resource_group').location).toBe('eastus2');
    expect(resourcesOf(tf2, 'azurerm_role_assignment').filter((r) => r.role_definition_name === 'Azure Kubernetes Service RBAC Cluster Admin').map((r) => r.principal_id)).toContain('00000000-0000-0000-0000-000000000009');
  });

  test('one replica keeps a managed disk, static by default, that the cluster may attach', () => {
    const bp = exampleBlueprint((y) => y.replace('replicas: 10', 'replicas: 1'));
    const tf2 = synthStack(new AksStack(new App(), 'x-azure', { blueprint: bp, supportDate: TODAY }));
    expect(onlyResource(tf2, 'azurerm_managed_disk')).toMatchObject({ name: 'contract-pdfs', disk_size_gb: 1024, zone: '1' });
    expect(tf2.resource?.azurerm_storage_share).toBeUndefined();
  });

  test('log retention maps onto what Log Analytics keeps', () => {
    expect([logAnalyticsRetention(0), logAnalyticsRetention(7), logAnalyticsRetention(365), logAnalyticsRetention(3653)]).toEqual([730, 30, 365, 730]);
  });

  test('image namespaces and NFS encryption in transit', () => {
    expect([imageNamespace('ghcr.io/hms/dcaa-audit:v1.0'), imageNamespace('ghcr.io/app@sha256:' + 'a'.repeat(64)), imageNamespace('nginx:1.25'), imageNamespace('reg.io:5000/a/b:c')]).toEqual([
      'ghcr.io/hms',
      'ghcr.io',
      undefined,
      'reg.io:5000/a',
    ]);
    expect([nfsEncryptionInTransit('1.32'), nfsEncryptionInTransit('1.33')]).toEqual([false, true]);
  });
});
