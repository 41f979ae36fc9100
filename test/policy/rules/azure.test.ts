import { storageAccountPublicNetwork } from '../../../lib/policy/rules/azure/storage-account-public-network';
import { storageAccountDefaultDeny } from '../../../lib/policy/rules/azure/storage-account-default-deny';
import { storageAccountNoAnonymousBlobs } from '../../../lib/policy/rules/azure/storage-account-no-anonymous-blobs';
import { storageAccountNoSharedKey } from '../../../lib/policy/rules/azure/storage-account-no-shared-key';
import { storageAccountCustomerKey } from '../../../lib/policy/rules/azure/storage-account-customer-key';
import { storageAccountBlobRecovery } from '../../../lib/policy/rules/azure/storage-account-blob-recovery';
import { managedDiskNoPublicAccess } from '../../../lib/policy/rules/azure/managed-disk-no-public-access';
import { keyVaultSecretExpires } from '../../../lib/policy/rules/azure/key-vault-secret-expires';
import { keyVaultKeyHsm } from '../../../lib/policy/rules/azure/key-vault-key-hsm';
import { keyVaultPrivateEndpoint } from '../../../lib/policy/rules/azure/key-vault-private-endpoint';
import { aksNoDashboard } from '../../../lib/policy/rules/azure/aks-no-dashboard';
import { aksAzureRbac } from '../../../lib/policy/rules/azure/aks-azure-rbac';
import { aksLocalAccountsDisabled } from '../../../lib/policy/rules/azure/aks-local-accounts-disabled';
import { aksRbac } from '../../../lib/policy/rules/azure/aks-rbac';
import { aksAzurePolicy } from '../../../lib/policy/rules/azure/aks-azure-policy';
import { aksNoHttpApplicationRouting } from '../../../lib/policy/rules/azure/aks-no-http-application-routing';
import { aksUpgradeChannel } from '../../../lib/policy/rules/azure/aks-upgrade-channel';
import { aksDiskEncryptionSet } from '../../../lib/policy/rules/azure/aks-disk-encryption-set';
import { aksFips } from '../../../lib/policy/rules/azure/aks-fips';
import { aksHostEncryption } from '../../../lib/policy/rules/azure/aks-host-encryption';
import { aksAuditDiagnostics } from '../../../lib/policy/rules/azure/aks-audit-diagnostics';
import { aksDefender } from '../../../lib/policy/rules/azure/aks-defender';
import { aksOmsAgent } from '../../../lib/policy/rules/azure/aks-oms-agent';
import { aksNetworkPolicy } from '../../../lib/policy/rules/azure/aks-network-policy';
import { aksNoNodePublicIp } from '../../../lib/policy/rules/azure/aks-no-node-public-ip';
import { aksPrivateApi } from '../../../lib/policy/rules/azure/aks-private-api';
import { keyVaultAuditLogs } from '../../../lib/policy/rules/azure/key-vault-audit-logs';
import { keyVaultKeyExpires } from '../../../lib/policy/rules/azure/key-vault-key-expires';
import { keyVaultKeyRotates } from '../../../lib/policy/rules/azure/key-vault-key-rotates';
import { keyVaultPrivate } from '../../../lib/policy/rules/azure/key-vault-private';
import { keyVaultRecoverable } from '../../../lib/policy/rules/azure/key-vault-recoverable';
import { diskEncryptionSetDoubleEncryption } from '../../../lib/policy/rules/azure/disk-encryption-set-double-encryption';
import { managedDiskCustomerKey } from '../../../lib/policy/rules/azure/managed-disk-customer-key';
import { flowLogRetention } from '../../../lib/policy/rules/azure/flow-log-retention';
import { networkFlowLogs } from '../../../lib/policy/rules/azure/network-flow-logs';
import { networkSecurityGroupAdminPorts } from '../../../lib/policy/rules/azure/network-security-group-admin-ports';
import { storageAccountHttpsOnly } from '../../../lib/policy/rules/azure/storage-account-https-only';
import { storageAccountTls12 } from '../../../lib/policy/rules/azure/storage-account-tls12';
import { subnetHasNetworkSecurityGroup } from '../../../lib/policy/rules/azure/subnet-has-network-security-group';
import { describeRules, REF, resource as r, runRule, type RuleCases, rulesOfCloud } from '../../support/policy';

const UNKNOWN = REF('var.x', 'value');
const aks = (v: Record<string, unknown>) => r('azurerm_kubernetes_cluster.c', v);
const pool = (v: Record<string, unknown>) => aks({ default_node_pool: { name: 'system', ...v } });
const nodePool = (v: Record<string, unknown>) => r('azurerm_kubernetes_cluster_node_pool.p', v);
const diag = (target: string, categories: string[]) =>
  r('azurerm_monitor_diagnostic_setting.d', { target_resource_id: REF(target), enabled_log: categories.map((category) => ({ category })) });
const vault = (v: Record<string, unknown>) => r('azurerm_key_vault.kv', v);
const nsg = (rule: Record<string, unknown>) => r('azurerm_network_security_group.n', { security_rule: [{ name: 'r', direction: 'Inbound', access: 'Allow', protocol: 'Tcp', ...rule }] });

const CASES: RuleCases[] = [
  { rule: aksHostEncryption, compliant: [pool({ host_encryption_enabled: true })], nonCompliant: [nodePool({ enable_host_encryption: false })], unknown: [pool({ host_encryption_enabled: UNKNOWN })] },
  { rule: aksDiskEncryptionSet, compliant: [aks({ disk_encryption_set_id: REF('azurerm_disk_encryption_set.d') })], nonCompliant: [aks({})], unknown: 'a reference to a disk encryption set counts as set' },
  {
    rule: aksPrivateApi,
    compliant: [aks({ private_cluster_enabled: true })],
    nonCompliant: [aks({ api_server_access_profile: { authorized_ip_ranges: ['0.0.0.0/0'] } })],
    unknown: [aks({ private_cluster_enabled: UNKNOWN })],
  },
  { rule: aksNoNodePublicIp, compliant: [pool({})], nonCompliant: [pool({ node_public_ip_enabled: true })], unknown: [nodePool({ node_public_ip_enabled: UNKNOWN })] },
  { rule: aksNetworkPolicy, compliant: [aks({ network_profile: { network_plugin: 'azure', network_policy: 'cilium' } })], nonCompliant: [aks({ network_profile: { network_plugin: 'kubenet' } })], unknown: [aks({ network_profile: { network_policy: UNKNOWN } })] },
  { rule: aksOmsAgent, compliant: [aks({ oms_agent: { log_analytics_workspace_id: REF('azurerm_log_analytics_workspace.w') } })], nonCompliant: [aks({})], unknown: 'a reference to a workspace counts as set' },
  {
    rule: aksAuditDiagnostics,
    compliant: [aks({}), diag('azurerm_kubernetes_cluster.c', ['kube-audit-admin', 'guard'])],
    nonCompliant: [aks({}), diag('azurerm_kubernetes_cluster.c', ['kube-apiserver'])],
    unknown: 'a diagnostic setting targets the cluster or not',
  },
  { rule: aksLocalAccountsDisabled, compliant: [aks({ local_account_disabled: true })], nonCompliant: [aks({})], unknown: [aks({ local_account_disabled: UNKNOWN })] },
  { rule: aksRbac, compliant: [aks({ azure_active_directory_role_based_access_control: { azure_rbac_enabled: true } })], nonCompliant: [aks({ role_based_access_control_enabled: false })], unknown: 'the Entra ID block is present or not' },
  { rule: aksAzureRbac, compliant: [aks({ azure_active_directory_role_based_access_control: { azure_rbac_enabled: true } })], nonCompliant: [aks({ azure_active_directory_role_based_access_control: {} })], unknown: 'an unknown flag is reported as off' },
  { rule: aksAzurePolicy, compliant: [aks({ azure_policy_enabled: true })], nonCompliant: [aks({})], unknown: 'an unknown flag is reported as off' },
  { rule: aksNoHttpApplicationRouting, compliant: [aks({})], nonCompliant: [aks({ http_application_routing_enabled: true })], unknown: 'only an explicit true fails' },
  { rule: aksFips, compliant: [pool({ fips_enabled: true }), nodePool({ fips_enabled: true })], nonCompliant: [nodePool({ fips_enabled: false })], unknown: [pool({ fips_enabled: UNKNOWN })] },
  { rule: aksUpgradeChannel, compliant: [aks({ automatic_upgrade_channel: 'patch' })], nonCompliant: [aks({ automatic_channel_upgrade: 'none' })], unknown: 'a channel is a literal enum' },
  { rule: aksDefender, compliant: [aks({ microsoft_defender: { log_analytics_workspace_id: 'ws' } })], nonCompliant: [aks({})], unknown: 'a reference to a workspace counts as set' },
  {
    rule: managedDiskCustomerKey,
    compliant: [r('azurerm_managed_disk.d', { disk_encryption_set_id: REF('azurerm_disk_encryption_set.s') })],
    nonCompliant: [r('azurerm_managed_disk.d', { storage_account_type: 'Premium_LRS' })],
    unknown: 'a reference to a disk encryption set counts as set',
  },
  {
    rule: diskEncryptionSetDoubleEncryption,
    compliant: [r('azurerm_disk_encryption_set.s', { encryption_type: 'EncryptionAtRestWithPlatformAndCustomerKeys' })],
    nonCompliant: [r('azurerm_disk_encryption_set.s', {})],
    unknown: 'the encryption type is a literal enum',
  },
  { rule: storageAccountHttpsOnly, compliant: [r('azurerm_storage_account.s', {})], nonCompliant: [r('azurerm_storage_account.s', { enable_https_traffic_only: false })], unknown: 'only an explicit false fails; the provider default is HTTPS only' },
  { rule: storageAccountTls12, compliant: [r('azurerm_storage_account.s', { min_tls_version: 'TLS1_2' })], nonCompliant: [r('azurerm_storage_account.s', { min_tls_version: 'TLS1_0' })], unknown: 'the TLS version is a literal enum' },
  {
    rule: networkSecurityGroupAdminPorts,
    compliant: [nsg({ source_address_prefix: '10.0.0.0/8', destination_port_range: '22' })],
    nonCompliant: [r('azurerm_network_security_rule.ssh', { name: 'ssh', direction: 'Inbound', access: 'Allow', source_address_prefix: 'Internet', destination_port_range: '20-25' })],
    unknown: 'prefixes and ports are literal strings',
  },
  {
    rule: subnetHasNetworkSecurityGroup,
    compliant: [r('azurerm_subnet.s', { name: 'nodes' }), r('azurerm_subnet_network_security_group_association.a', { subnet_id: REF('azurerm_subnet.s') })],
    nonCompliant: [r('azurerm_subnet.s', { name: 'nodes' })],
    unknown: 'an association exists or not',
  },
  {
    rule: networkFlowLogs,
    compliant: [r('azurerm_virtual_network.v', {}), r('azurerm_network_watcher_flow_log.f', { target_resource_id: REF('azurerm_virtual_network.v'), enabled: true })],
    nonCompliant: [r('azurerm_virtual_network.v', {}), r('azurerm_network_watcher_flow_log.f', { target_resource_id: REF('azurerm_virtual_network.v'), enabled: false })],
    unknown: 'a flow log targets the network or not',
  },
  {
    rule: flowLogRetention,
    compliant: [r('azurerm_network_watcher_flow_log.f', { retention_policy: { enabled: true, days: 365 } })],
    nonCompliant: [r('azurerm_network_watcher_flow_log.f', { retention_policy: { enabled: true, days: 30 } })],
    unknown: [r('azurerm_network_watcher_flow_log.f', { retention_policy: { enabled: true, days: UNKNOWN } })],
  },
  { rule: keyVaultPrivate, compliant: [vault({ public_network_access_enabled: false })], nonCompliant: [vault({})], unknown: [vault({ public_network_access_enabled: UNKNOWN })] },
  { rule: keyVaultRecoverable, compliant: [vault({ purge_protection_enabled: true, soft_delete_retention_days: 90 })], nonCompliant: [vault({ soft_delete_retention_days: 7 })], unknown: 'an unknown purge protection flag is reported as off' },
  { rule: keyVaultAuditLogs, compliant: [vault({}), diag('azurerm_key_vault.kv', ['AuditEvent'])], nonCompliant: [vault({})], unknown: 'a diagnostic setting targets the vault or not' },
  { rule: keyVaultKeyExpires, compliant: [r('azurerm_key_vault_key.k', { expiration_date: '2027-12-31T00:00:00Z' })], nonCompliant: [r('azurerm_key_vault_key.k', {})], unknown: 'a reference to a date counts as set' },
  {
    rule: keyVaultKeyRotates,
    compliant: [r('azurerm_key_vault_key.k', { rotation_policy: { automatic: { time_before_expiry: 'P30D' }, expire_after: 'P1Y' } })],
    nonCompliant: [r('azurerm_key_vault_key.k', {})],
    unknown: 'a rotation policy is present or not',
  },
  { rule: storageAccountPublicNetwork, compliant: [r('azurerm_storage_account.s', { public_network_access_enabled: false })], nonCompliant: [r('azurerm_storage_account.s', {})], unknown: [r('azurerm_storage_account.s', { public_network_access_enabled: UNKNOWN })] },
  { rule: storageAccountDefaultDeny, compliant: [r('azurerm_storage_account.s', { network_rules: { default_action: 'deny' } })], nonCompliant: [r('azurerm_storage_account.s', { network_rules: { default_action: 'Allow' } })], unknown: [r('azurerm_storage_account.s', { network_rules: { default_action: UNKNOWN } })] },
  { rule: storageAccountNoAnonymousBlobs, compliant: [r('azurerm_storage_account.s', { allow_nested_items_to_be_public: false })], nonCompliant: [r('azurerm_storage_account.s', {})], unknown: [r('azurerm_storage_account.s', { allow_nested_items_to_be_public: UNKNOWN })] },
  { rule: storageAccountNoSharedKey, compliant: [r('azurerm_storage_account.s', { shared_access_key_enabled: false })], nonCompliant: [r('azurerm_storage_account.s', { shared_access_key_enabled: true })], unknown: [r('azurerm_storage_account.s', { shared_access_key_enabled: UNKNOWN })] },
  { rule: storageAccountCustomerKey, compliant: [r('azurerm_storage_account.s', { customer_managed_key: { key_vault_key_id: REF('azurerm_key_vault_key.k') } })], nonCompliant: [r('azurerm_storage_account.s', {})], unknown: 'a customer key block or resource is present or not; a reference to a key counts as set' },
  { rule: storageAccountBlobRecovery, compliant: [r('azurerm_storage_account.s', { blob_properties: { versioning_enabled: true, delete_retention_policy: { days: 30 } } })], nonCompliant: [r('azurerm_storage_account.s', { blob_properties: { versioning_enabled: true } })], unknown: [r('azurerm_storage_account.s', { blob_properties: { versioning_enabled: UNKNOWN } })] },
  // Either setting closes the public path (Azure: publicNetworkAccess Disabled blocks internet access even with AllowAll).
  { rule: managedDiskNoPublicAccess, compliant: [r('azurerm_managed_disk.d', { public_network_access_enabled: false, network_access_policy: 'AllowAll' })], nonCompliant: [r('azurerm_managed_disk.d', { public_network_access_enabled: true, network_access_policy: 'AllowAll' })], unknown: [r('azurerm_managed_disk.d', { public_network_access_enabled: UNKNOWN, network_access_policy: 'AllowAll' })] },
  { rule: managedDiskNoPublicAccess, compliant: [r('azurerm_managed_disk.d', { network_access_policy: 'DenyAll' })], nonCompliant: [r('azurerm_managed_disk.d', {})], unknown: [r('azurerm_managed_disk.d', { network_access_policy: UNKNOWN })] },
  { rule: keyVaultSecretExpires, compliant: [r('azurerm_key_vault_secret.s', { expiration_date: '2027-01-01T00:00:00Z' })], nonCompliant: [r('azurerm_key_vault_secret.s', {})], unknown: [r('azurerm_key_vault_secret.s', { expiration_date: UNKNOWN })] },
  { rule: keyVaultKeyHsm, compliant: [r('azurerm_key_vault_key.k', { key_type: 'RSA-HSM', key_size: 3072 })], nonCompliant: [r('azurerm_key_vault_key.k', { key_type: 'RSA', key_size: 4096 })], unknown: [r('azurerm_key_vault_key.k', { key_type: UNKNOWN })] },
  {
    rule: keyVaultPrivateEndpoint,
    compliant: [r('azurerm_key_vault.v', {}), r('azurerm_private_endpoint.e', { private_service_connection: { private_connection_resource_id: REF('azurerm_key_vault.v') } })],
    nonCompliant: [r('azurerm_key_vault.v', {})],
    unknown: 'a private endpoint connects to the vault or not',
  },
  { rule: aksNoDashboard, compliant: [aks({})], nonCompliant: [aks({ addon_profile: { kube_dashboard: { enabled: true } } })], unknown: [aks({ addon_profile: { kube_dashboard: { enabled: UNKNOWN } } })] },
];

describeRules(CASES);

test('HMS-NSG-1 also refuses UDP from the internet (CKV_AZURE_77), and allows UDP from agency networks', () => {
  const udp = (source: string) => r('azurerm_network_security_rule.ntp', { name: 'ntp', direction: 'Inbound', access: 'Allow', protocol: 'Udp', source_address_prefix: source, destination_port_range: '123' });
  expect(runRule(networkSecurityGroupAdminPorts, udp('Internet'))).toEqual({ status: 'fail', message: 'rule ntp opens UDP 123 to the internet' });
  expect(runRule(networkSecurityGroupAdminPorts, udp('10.0.0.0/8'))).toEqual({ status: 'pass' });
});

test('every Azure rule has cases', () => {
  expect([...new Set(CASES.map((c) => c.rule.id))].sort()).toEqual(rulesOfCloud('azure').map((x) => x.id).sort());
});
