import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { AKS_AUDIT_LOG_CATEGORIES, AKS_CLUSTER_ADMIN_ROLE, aksSupportTier, SecureCluster, type SecureClusterProps } from '../../lib/azure/secure-cluster';
import { FAKE_VAULT, RUNNER_NETWORK_ID } from '../support/azure-fixtures';
import { onlyResource, resourcesOf, synthConstructs } from '../support/synth';

/** Support phases move with the clock: the cluster is judged on this fixed day. */
const TODAY = new Date('2026-11-22T12:00:00Z');

const BASE: SecureClusterProps = {
  clusterName: 'demo',
  resourceGroupName: 'rg',
  location: 'usgovvirginia',
  environment: 'usgovernment',
  virtualNetworkId: 'vnet-id',
  nodeSubnetId: 'subnet-nodes',
  logAnalyticsWorkspaceId: 'law',
  keyVault: FAKE_VAULT,
  runtime: 'fips-ubuntu-22.04',
  supportDate: TODAY,
  apiServerAccessNetworks: [{ name: 'runner', virtualNetworkId: RUNNER_NETWORK_ID }],
};

const roles = (tf: ReturnType<typeof synthConstructs>) => resourcesOf(tf, 'azurerm_role_assignment').map((r) => [r.role_definition_name, r.scope, r.principal_id]);

describe('azure.SecureCluster', () => {
  let cluster!: SecureCluster;
  const tf = synthConstructs((scope) => {
    cluster = new SecureCluster(scope, 'aks', BASE);
  });
  const aks = onlyResource(tf, 'azurerm_kubernetes_cluster');

  test('private API server with no public FQDN, in a private DNS zone we own (SC-7, CKV_AZURE_115)', () => {
    expect(aks).toMatchObject({ private_cluster_enabled: true, private_cluster_public_fqdn_enabled: false });
    expect(aks.private_dns_zone_id).toMatch(/azurerm_private_dns_zone\.\w+\.id/);
    expect(onlyResource(tf, 'azurerm_private_dns_zone').name).toBe('privatelink.usgovvirginia.cx.aks.containerservice.azure.us');
  });

  test('the runner network resolves the API server: its zone is linked there', () => {
    expect(onlyResource(tf, 'azurerm_private_dns_zone_virtual_network_link')).toMatchObject({ virtual_network_id: RUNNER_NETWORK_ID, registration_enabled: false });
  });

  test('a custom zone takes Private DNS Zone Contributor on it and Network Contributor on the network, granted before the cluster', () => {
    const grants = roles(tf);
    expect(grants).toContainEqual(['Private DNS Zone Contributor', expect.stringMatching(/azurerm_private_dns_zone\./), expect.stringMatching(/cluster_Identity|aks_Identity/)]);
    expect(grants).toContainEqual(['Network Contributor', 'vnet-id', expect.stringMatching(/aks_Identity/)]);
    expect(aks.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/ApiServerDnsAccess/), expect.stringMatching(/NetworkAccess/)]));
  });

  test('network isolated: no outbound route, images from the AKS-managed cache (SC-7(5))', () => {
    expect(aks.network_profile).toMatchObject({ outbound_type: 'none' });
    expect(aks.bootstrap_profile).toEqual({ artifact_source: 'Cache' });
  });

  test('a bring-your-own bootstrap registry: the kubelet pulls from it, and the cluster waits for its endpoint and rule', () => {
    const tf2 = synthConstructs((scope) => {
      const rule = new ResourceGroup(scope, 'Rule', { name: 'x', location: 'y' });
      new SecureCluster(scope, 'aks', { ...BASE, bootstrapRegistry: { registryId: 'acr-id', ready: [rule] } });
    });
    const c = onlyResource(tf2, 'azurerm_kubernetes_cluster');
    expect(c.bootstrap_profile).toEqual({ artifact_source: 'Cache', container_registry_id: 'acr-id' });
    expect(roles(tf2)).toContainEqual(['AcrPull', 'acr-id', expect.stringMatching(/KubeletIdentity_\w+\.principal_id/)]);
    expect(c.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^azurerm_resource_group\./), expect.stringMatching(/KubeletPull/)]));
  });

  test('Cilium over Azure CNI Overlay with explicit pod and Service ranges (CKV_AZURE_7)', () => {
    expect(aks.network_profile).toMatchObject({
      network_plugin: 'azure',
      network_plugin_mode: 'overlay',
      network_data_plane: 'cilium',
      network_policy: 'cilium',
      pod_cidr: '100.64.0.0/16',
      service_cidr: '100.72.0.0/16',
      dns_service_ip: '100.72.0.10',
    });
  });

  test('Entra ID with Azure RBAC only; no local accounts (AC-2, IA-2, CKV_AZURE_141)', () => {
    expect(aks).toMatchObject({ local_account_disabled: true, role_based_access_control_enabled: true, azure_active_directory_role_based_access_control: { azure_rbac_enabled: true } });
  });

  test('the deploying principal is cluster admin through Azure RBAC (an Owner has no data actions)', () => {
    expect(roles(tf)).toContainEqual([AKS_CLUSTER_ADMIN_ROLE, expect.stringMatching(/azurerm_kubernetes_cluster\.\w+\.id/), expect.stringMatching(/data\.azurerm_client_config\.\w+\.object_id/)]);
    expect(cluster.adminAccess.length).toBe(2);
  });

  test('the system pool runs FIPS images with host encryption, no public IPs, add-ons only', () => {
    expect(aks.default_node_pool).toMatchObject({
      fips_enabled: true,
      host_encryption_enabled: true,
      node_public_ip_enabled: false,
      only_critical_addons_enabled: true,
      os_sku: 'Ubuntu',
      temporary_name_for_rotation: 'systemtmp',
      zones: ['1', '2', '3'],
    });
  });

  test('OS disks use a customer key; nodes pull with a kubelet identity the control plane may operate', () => {
    expect(aks.disk_encryption_set_id).toMatch(/azurerm_disk_encryption_set/);
    expect(aks.identity).toMatchObject({ type: 'UserAssigned' });
    expect(aks.kubelet_identity.user_assigned_identity_id).toMatch(/KubeletIdentity/);
    expect(roles(tf)).toContainEqual(['Managed Identity Operator', expect.stringMatching(/KubeletIdentity_\w+\.id/), expect.stringMatching(/aks_Identity_\w+\.principal_id/)]);
  });

  test('Container insights with managed identity, audit logs, patching; add-ons with no private path are off and say why', () => {
    expect(aks).toMatchObject({
      oms_agent: { log_analytics_workspace_id: 'law', msi_auth_for_monitoring_enabled: true },
      azure_policy_enabled: false,
      workload_identity_enabled: false,
      automatic_upgrade_channel: 'patch',
      node_os_upgrade_channel: 'NodeImage',
    });
    expect(aks.microsoft_defender).toBeUndefined();
    expect(cluster.addOnNotices.join('\n')).toMatch(/Azure Policy add-on is off: it needs data.policy[^]*Defender's sensor is off[^]*workload identity is off/);
    expect(onlyResource(tf, 'azurerm_monitor_diagnostic_setting').enabled_log.map((l: any) => l.category)).toEqual(AKS_AUDIT_LOG_CATEGORIES);
  });

  test('the OIDC issuer is on: AKS enables it on new 1.34+ clusters and refuses to turn it off, so false would drift forever', () => {
    expect(aks.oidc_issuer_enabled).toBe(true);
  });

  test('a version change upgrades the system pool too: it carries the cluster version', () => {
    expect(aks.default_node_pool.orchestrator_version).toBe(aks.kubernetes_version);
    expect(aks.default_node_pool.orchestrator_version).toBe('1.36');
  });

  test('protected from destroy', () => {
    expect(aks.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('a version in community support runs on the Standard tier with the official plan', () => {
    expect(aks).toMatchObject({ kubernetes_version: '1.36', sku_tier: 'Standard', support_plan: 'KubernetesOfficial' });
  });

  test('a version in long-term support runs on Premium with AKSLongTermSupport (long-term-support.md)', () => {
    const lts = onlyResource(
      synthConstructs((scope) => new SecureCluster(scope, 'aks', { ...BASE, runtime: 'bottlerocket-fips', kubernetesVersion: '1.33' })),
      'azurerm_kubernetes_cluster',
    );
    expect(lts).toMatchObject({ kubernetes_version: '1.33', sku_tier: 'Premium', support_plan: 'AKSLongTermSupport' });
    expect(aksSupportTier('1.36', new Date('2027-07-01'))).toEqual({ skuTier: 'Premium', supportPlan: 'AKSLongTermSupport' });
    expect(aksSupportTier('1.36', new Date('2027-06-30'))).toEqual({ skuTier: 'Standard', supportPlan: 'KubernetesOfficial' });
  });

  test('long-term support from 1.33 needs Ubuntu 24.04, which has no FIPS image: fips-ubuntu-22.04 is refused with the reason', () => {
    expect(() => synthConstructs((scope) => new SecureCluster(scope, 'aks', { ...BASE, kubernetesVersion: '1.33' }))).toThrow(
      /kubernetesVersion \(1.33\) is in AKS long-term support, which from 1.33 requires Ubuntu 24.04 node pools, and Ubuntu 24.04 has no FIPS image/,
    );
  });

  test('bottlerocket-fips runs Azure Linux with FIPS, and says so', () => {
    let notice: string | undefined;
    const tf2 = synthConstructs((scope) => {
      notice = new SecureCluster(scope, 'aks', { ...BASE, runtime: 'bottlerocket-fips' }).runtimeNotice;
    });
    expect(onlyResource(tf2, 'azurerm_kubernetes_cluster').default_node_pool).toMatchObject({ os_sku: 'AzureLinux', fips_enabled: true });
    expect(notice).toMatch(/Azure Linux with FIPS enabled/);
  });

  test('fips-ubuntu-22.04 at 1.35 and later says AKS picks Ubuntu 22.04 for FIPS and when that ends', () => {
    expect(cluster.runtimeNotice).toMatch(/24.04 from 1.35 but has no FIPS image, so FIPS pools run Ubuntu 22.04[^]*until 2027-06-30/);
  });

  test('options: admins, version, system pool size, zones, ranges, public cloud', () => {
    const tf2 = synthConstructs((scope) =>
      new SecureCluster(scope, 'aks', {
        ...BASE,
        environment: 'public',
        location: 'eastus2',
        adminGroupObjectIds: ['00000000-0000-0000-0000-000000000001'],
        kubernetesVersion: '1.35',
        systemNodeCount: 2,
        zones: [],
        podCidr: '172.16.0.0/16',
        serviceCidr: '172.24.0.0/16',
      }),
    );
    const c = onlyResource(tf2, 'azurerm_kubernetes_cluster');
    expect(c).toMatchObject({ kubernetes_version: '1.35', default_node_pool: { node_count: 2, zones: [] }, network_profile: { pod_cidr: '172.16.0.0/16', dns_service_ip: '172.24.0.10' } });
    expect(c.azure_active_directory_role_based_access_control.admin_group_object_ids).toEqual(['00000000-0000-0000-0000-000000000001']);
    const admins = roles(tf2).filter(([role]) => role === AKS_CLUSTER_ADMIN_ROLE).map(([, , p]) => p);
    expect(admins).toHaveLength(2);
    expect(admins).toEqual(expect.arrayContaining([expect.stringMatching(/client_config\.\w+\.object_id/), '00000000-0000-0000-0000-000000000001']));
    expect(onlyResource(tf2, 'azurerm_private_dns_zone').name).toBe('privatelink.eastus2.azmk8s.io');
  });

  test('egress add-ons turn on only when asked for (with an egress path hms-sys does not build)', () => {
    const c = onlyResource(
      synthConstructs((scope) => new SecureCluster(scope, 'aks', { ...BASE, egressAddOns: { azurePolicy: true, defender: true, workloadIdentity: true } })),
      'azurerm_kubernetes_cluster',
    );
    expect(c).toMatchObject({ azure_policy_enabled: true, workload_identity_enabled: true, oidc_issuer_enabled: true, microsoft_defender: { log_analytics_workspace_id: 'law' } });
  });

  test.each([
    [{ kubernetesVersion: '1.27' }, /azure.SecureCluster.kubernetesVersion \(1.27\) is not offered by AKS on 2026-11-22; choose one of 1.37, 1.36/],
    [{ kubernetesVersion: '1.37' }, /runtime fips-ubuntu-22.04 cannot run Kubernetes 1.37 on AKS: Ubuntu 22.04 node pools stop at 1.36/],
    [{ podCidr: '100.64.0.0/16', serviceCidr: '100.64.0.0/20' }, /podCidr \(100.64.0.0\/16\) and serviceCidr \(100.64.0.0\/20\) must be networks that do not overlap/],
  ])('refuses %p', (props, message) => {
    expect(() => synthConstructs((scope) => new SecureCluster(scope, 'aks', { ...BASE, ...props }))).toThrow(message);
  });
});
