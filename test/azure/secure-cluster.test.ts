import { AKS_AUDIT_LOG_CATEGORIES, SecureCluster, type SecureClusterProps } from '../../lib/azure/secure-cluster';
import { FAKE_VAULT } from '../support/azure-fixtures';
import { onlyResource, resourcesOf, synthConstructs } from '../support/synth';

const BASE: SecureClusterProps = {
  clusterName: 'demo',
  resourceGroupName: 'rg',
  location: 'usgovvirginia',
  nodeSubnetId: 'subnet-nodes',
  logAnalyticsWorkspaceId: 'law',
  keyVault: FAKE_VAULT,
  runtime: 'fips-ubuntu-22.04',
};

describe('azure.SecureCluster', () => {
  const tf = synthConstructs((scope) => new SecureCluster(scope, 'aks', BASE));
  const aks = onlyResource(tf, 'azurerm_kubernetes_cluster');

  test('private API server with no public FQDN (SC-7, CKV_AZURE_115)', () => {
    expect(aks).toMatchObject({ private_cluster_enabled: true, private_dns_zone_id: 'System', private_cluster_public_fqdn_enabled: false });
  });

  test('network isolated: no outbound route, images from the AKS-managed cache (SC-7(5))', () => {
    expect(aks.network_profile).toMatchObject({ outbound_type: 'none' });
    expect(aks.bootstrap_profile).toEqual({ artifact_source: 'Cache' });
  });

  test('Cilium enforces NetworkPolicy (CKV_AZURE_7)', () => {
    expect(aks.network_profile).toMatchObject({ network_plugin: 'azure', network_plugin_mode: 'overlay', network_data_plane: 'cilium', network_policy: 'cilium' });
  });

  test('Entra ID with Azure RBAC only; no local accounts (AC-2, IA-2, CKV_AZURE_141)', () => {
    expect(aks).toMatchObject({ local_account_disabled: true, role_based_access_control_enabled: true, azure_active_directory_role_based_access_control: { azure_rbac_enabled: true } });
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

  test('OS disks use a customer key through a disk encryption set the cluster identity may read', () => {
    expect(aks.disk_encryption_set_id).toMatch(/azurerm_disk_encryption_set/);
    const roles = resourcesOf(tf, 'azurerm_role_assignment').map((r) => r.role_definition_name).sort();
    expect(roles).toEqual(['Key Vault Crypto Service Encryption User', 'Network Contributor', 'Reader']);
    expect(aks.identity).toMatchObject({ type: 'UserAssigned' });
  });

  test('monitoring, audit logs, policy, Defender, patching and workload identity', () => {
    expect(aks).toMatchObject({
      oms_agent: { log_analytics_workspace_id: 'law' },
      microsoft_defender: { log_analytics_workspace_id: 'law' },
      azure_policy_enabled: true,
      automatic_upgrade_channel: 'patch',
      node_os_upgrade_channel: 'NodeImage',
      workload_identity_enabled: true,
      oidc_issuer_enabled: true,
      sku_tier: 'Standard',
    });
    expect(onlyResource(tf, 'azurerm_monitor_diagnostic_setting').enabled_log.map((l: any) => l.category)).toEqual(AKS_AUDIT_LOG_CATEGORIES);
  });

  test('bottlerocket-fips runs Azure Linux with FIPS, and says so', () => {
    let notice: string | undefined;
    const tf2 = synthConstructs((scope) => {
      notice = new SecureCluster(scope, 'aks', { ...BASE, runtime: 'bottlerocket-fips' }).runtimeNotice;
    });
    expect(onlyResource(tf2, 'azurerm_kubernetes_cluster').default_node_pool).toMatchObject({ os_sku: 'AzureLinux', fips_enabled: true });
    expect(notice).toMatch(/Azure Linux with FIPS enabled/);
  });

  test('options: admins, version, system pool size, zones, Defender off', () => {
    const tf2 = synthConstructs((scope) =>
      new SecureCluster(scope, 'aks', { ...BASE, adminGroupObjectIds: ['00000000-0000-0000-0000-000000000001'], kubernetesVersion: '1.35', systemNodeCount: 2, zones: [], defender: false }),
    );
    const c = onlyResource(tf2, 'azurerm_kubernetes_cluster');
    expect(c).toMatchObject({ kubernetes_version: '1.35', default_node_pool: { node_count: 2, zones: [] } });
    expect(c.azure_active_directory_role_based_access_control.admin_group_object_ids).toEqual(['00000000-0000-0000-0000-000000000001']);
    expect(c.microsoft_defender).toBeUndefined();
  });

  test('refuses an unsupported version', () => {
    expect(() => synthConstructs((scope) => new SecureCluster(scope, 'aks', { ...BASE, kubernetesVersion: '1.27' }))).toThrow(/azure.SecureCluster.kubernetesVersion \(1.27\) is not offered by AKS today; choose one of 1.37, 1.36/);
  });
});
