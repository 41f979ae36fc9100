/**
 * Every rule, through the loader: the deciding attribute omitted (the cloud's
 * default applies: insecure defaults must fail), and fed by a variable without a
 * default (an unknown that must never pass). Each row is Terraform JSON, read by
 * fromTerraformJson with `variable "x" {}` declared, so variable resolution is
 * part of what is tested. A rule without a row fails the last test.
 */
import { fromTerraformJson } from '../../../lib/policy/engine/document';
import { contextOf, type Outcome } from '../../../lib/policy/engine/rule';
import { ALL_RULES } from '../../../lib/policy/rules';

type Resources = Record<string, Record<string, Record<string, unknown>>>;
type Expected = 'fail' | 'pass' | 'unknown:input' | 'unknown:computed';
/** [rule, resources with the attribute omitted, expected, resources with it unknown, expected]. The subject is the first resource. */
type Row = readonly [string, Resources, Expected, Resources, Expected];

const V = '${var.x}';
const one = (type: string, values: Record<string, unknown>, extra: Resources = {}): Resources => ({ [type]: { subject: values }, ...extra });
const deploy = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) =>
  one('kubernetes_deployment_v1', {
    metadata: { name: 'w', namespace: 'app' },
    spec: { template: { metadata: {}, spec: { automount_service_account_token: false, ...spec, container: [{ name: 'c', image: 'r/i:v1', ...container }] } } },
  });
const SAFE_CONTAINER = {
  security_context: { privileged: false, allow_privilege_escalation: false, run_as_non_root: true, read_only_root_filesystem: true, capabilities: { drop: ['ALL'] }, seccomp_profile: { type: 'RuntimeDefault' } },
  resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
};
const aks = (v: Record<string, unknown>, extra: Resources = {}) => one('azurerm_kubernetes_cluster', { default_node_pool: { name: 'system', fips_enabled: true, host_encryption_enabled: true }, ...v }, extra);
const lt = (v: Record<string, unknown>) => one('aws_launch_template', v);
const eks = (vpc: Record<string, unknown>, v: Record<string, unknown> = {}) => one('aws_eks_cluster', { vpc_config: vpc, ...v });
const bucket = (companions: Resources = {}) => one('aws_s3_bucket', { bucket: 'b' }, companions);
const policy = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const st = (v: Record<string, unknown>, extra: Resources = {}) => one('azurerm_storage_account', v, extra);
const ROLE = { api_groups: [''], resources: ['pods'], verbs: ['get'] };

const ROWS: Row[] = [
  ['HMS-EBS-1', one('aws_ebs_volume', { size: 1 }), 'fail', one('aws_ebs_volume', { encrypted: V }), 'unknown:input'],
  ['HMS-EBS-2', one('aws_ebs_volume', { encrypted: true }), 'fail', one('aws_ebs_volume', { kms_key_id: V }), 'unknown:input'],
  ['HMS-EBS-3', one('aws_ebs_encryption_by_default', {}), 'pass', one('aws_ebs_encryption_by_default', { enabled: V }), 'unknown:input'],
  ['HMS-LT-1', lt({}), 'fail', lt({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: { encrypted: V } }] }), 'unknown:input'],
  ['HMS-LT-2', lt({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: { encrypted: true } }] }), 'fail', lt({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: { kms_key_id: V } }] }), 'unknown:input'],
  ['HMS-LT-3', lt({}), 'fail', lt({ metadata_options: { http_tokens: V } }), 'unknown:input'],
  ['HMS-LT-4', lt({}), 'fail', lt({ metadata_options: { http_put_response_hop_limit: V } }), 'unknown:input'],
  ['HMS-LT-5', lt({}), 'pass', lt({ network_interfaces: [{ associate_public_ip_address: V }] }), 'unknown:input'],
  // User data is content, not a setting: the rule reads the text it can see; a variable's text is not a finding by itself.
  ['HMS-LT-6', lt({}), 'pass', lt({ user_data: V }), 'pass'],
  ['HMS-LT-7', lt({}), 'fail', lt({ monitoring: { enabled: V } }), 'unknown:input'],
  ['HMS-EKS-1', eks({ subnet_ids: ['a'], endpoint_private_access: true }), 'fail', eks({ endpoint_public_access: V, endpoint_private_access: true }), 'unknown:input'],
  ['HMS-EKS-2', eks({ subnet_ids: ['a'] }), 'fail', eks({ public_access_cidrs: V }), 'unknown:input'],
  ['HMS-EKS-3', eks({}), 'fail', eks({}, { encryption_config: { resources: V, provider: { key_arn: 'k' } } }), 'unknown:input'],
  ['HMS-EKS-4', eks({}), 'fail', eks({}, { enabled_cluster_log_types: V }), 'unknown:input'],
  ['HMS-EKS-5', eks({}), 'fail', eks({}, { enabled_cluster_log_types: V }), 'unknown:input'],
  ['HMS-EKS-6', one('aws_eks_node_group', { remote_access: { ec2_ssh_key: 'k' } }), 'fail', one('aws_eks_node_group', { remote_access: { ec2_ssh_key: V } }), 'unknown:input'],
  ['HMS-EKS-7', one('aws_eks_node_group', {}), 'fail', one('aws_eks_node_group', { ami_type: V }), 'unknown:input'],
  ['HMS-EKS-8', eks({}, { version: '1.24' }), 'fail', eks({}, { version: V }), 'unknown:input'],
  ['HMS-LOG-1', one('aws_cloudwatch_log_group', {}), 'fail', one('aws_cloudwatch_log_group', { kms_key_id: V }), 'unknown:input'],
  ['HMS-LOG-2', one('aws_cloudwatch_log_group', {}), 'fail', one('aws_cloudwatch_log_group', { retention_in_days: V }), 'unknown:input'],
  ['HMS-LOG-3', one('aws_cloudwatch_log_group', { retention_in_days: 30 }), 'fail', one('aws_cloudwatch_log_group', { retention_in_days: V }), 'unknown:input'],
  ['HMS-VPC-1', one('aws_vpc', {}), 'fail', one('aws_vpc', {}, { aws_flow_log: { f: { vpc_id: V } } }), 'unknown:input'],
  ['HMS-VPC-2', one('aws_flow_log', {}), 'fail', one('aws_flow_log', { traffic_type: V }), 'unknown:input'],
  ['HMS-VPC-3', one('aws_subnet', {}), 'pass', one('aws_subnet', { map_public_ip_on_launch: V }), 'unknown:input'],
  ['HMS-VPC-4', one('aws_vpc', {}), 'fail', one('aws_vpc', {}, { aws_default_security_group: { d: { vpc_id: V } } }), 'unknown:input'],
  ['HMS-SG-1', one('aws_security_group', { ingress: [{ protocol: '-1' }] }), 'pass', one('aws_security_group', { ingress: [{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: V }] }), 'unknown:input'],
  ['HMS-SG-2', one('aws_security_group', { ingress: [{ protocol: 'tcp', from_port: 80, to_port: 80, cidr_blocks: ['0.0.0.0/0'] }] }), 'fail', one('aws_security_group', { ingress: [{ protocol: 'tcp', from_port: 80, to_port: 80, cidr_blocks: V }] }), 'unknown:input'],
  ['HMS-SG-3', one('aws_security_group', { egress: [{ protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }] }), 'fail', one('aws_security_group', { egress: [{ protocol: '-1', cidr_blocks: V }] }), 'unknown:input'],
  // Any text describes the group: a variable's value is a description.
  ['HMS-SG-4', one('aws_security_group', {}), 'fail', one('aws_security_group', { description: V }), 'pass'],
  ['HMS-KMS-1', one('aws_kms_key', {}), 'fail', one('aws_kms_key', { enable_key_rotation: V }), 'unknown:input'],
  ['HMS-KMS-2', one('aws_kms_key', {}), 'pass', one('aws_kms_key', { policy: V }), 'unknown:input'],
  ['HMS-KMS-3', one('aws_kms_key', {}), 'fail', one('aws_kms_key', { deletion_window_in_days: V }), 'unknown:input'],
  ['HMS-KMS-4', one('aws_kms_key', {}), 'pass', one('aws_kms_key', { is_enabled: V }), 'unknown:input'],
  ['HMS-IAM-1', one('aws_iam_policy', { policy: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) }), 'fail', one('aws_iam_policy', { policy: V }), 'unknown:input'],
  ['HMS-IAM-2', one('aws_iam_policy', { policy: policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b' }) }), 'fail', one('aws_iam_policy', { policy: V }), 'unknown:input'],
  ['HMS-IAM-3', one('aws_iam_policy', { policy: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }) }), 'fail', one('aws_iam_policy', { policy: V }), 'unknown:input'],
  ['HMS-S3-1', bucket(), 'fail', bucket({ aws_s3_bucket_server_side_encryption_configuration: { e: { bucket: '${aws_s3_bucket.subject.id}', rule: { apply_server_side_encryption_by_default: { sse_algorithm: V } } } } }), 'unknown:input'],
  ['HMS-S3-2', bucket(), 'fail', bucket({ aws_s3_bucket_versioning: { v: { bucket: '${aws_s3_bucket.subject.id}', versioning_configuration: { status: V } } } }), 'unknown:input'],
  ['HMS-S3-3', bucket(), 'fail', bucket({ aws_s3_bucket_policy: { p: { bucket: '${aws_s3_bucket.subject.id}', policy: V } } }), 'unknown:input'],
  ['HMS-S3-4', bucket(), 'fail', bucket({ aws_s3_bucket_logging: { l: { bucket: V, target_bucket: 'logs' } } }), 'unknown:input'],
  ['HMS-S3-5', bucket(), 'fail', bucket({ aws_s3_bucket_public_access_block: { p: { bucket: '${aws_s3_bucket.subject.id}', block_public_acls: V, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true } } }), 'unknown:input'],
  ['HMS-S3-6', bucket(), 'pass', one('aws_s3_bucket', { acl: V }), 'unknown:input'],
  ['HMS-S3-7', one('aws_s3_bucket_policy', { policy: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }) }), 'fail', one('aws_s3_bucket_policy', { policy: V }), 'unknown:input'],
  ['HMS-AKS-1', one('azurerm_kubernetes_cluster', { default_node_pool: { name: 's' } }), 'fail', aks({ default_node_pool: { host_encryption_enabled: V } }), 'unknown:input'],
  ['HMS-AKS-2', aks({}), 'fail', aks({ disk_encryption_set_id: V }), 'unknown:input'],
  ['HMS-AKS-3', aks({}), 'fail', aks({ private_cluster_enabled: V }), 'unknown:input'],
  ['HMS-AKS-4', aks({}), 'pass', aks({ default_node_pool: { node_public_ip_enabled: V } }), 'unknown:input'],
  ['HMS-AKS-5', aks({}), 'fail', aks({ network_profile: { network_policy: V } }), 'unknown:input'],
  // log_analytics_workspace_id is Required in oms_agent and microsoft_defender (azurerm v4.55.0 kubernetes_addons.go:116,
  // kubernetes_cluster_resource.go:1041): Terraform refuses a null, so the block present decides it.
  ['HMS-AKS-6', aks({}), 'fail', aks({ oms_agent: { log_analytics_workspace_id: V } }), 'pass'],
  ['HMS-AKS-7', aks({}), 'fail', aks({}, { azurerm_monitor_diagnostic_setting: { d: { target_resource_id: V, enabled_log: [{ category: 'kube-audit-admin' }, { category: 'guard' }] } } }), 'unknown:input'],
  ['HMS-AKS-8', aks({}), 'fail', aks({ local_account_disabled: V }), 'unknown:input'],
  ['HMS-AKS-9', aks({}), 'fail', aks({ role_based_access_control_enabled: V }), 'unknown:input'],
  ['HMS-AKS-10', aks({}), 'fail', aks({ azure_active_directory_role_based_access_control: { azure_rbac_enabled: V } }), 'unknown:input'],
  ['HMS-AKS-11', aks({}), 'fail', aks({ azure_policy_enabled: V }), 'unknown:input'],
  ['HMS-AKS-12', aks({}), 'pass', aks({ http_application_routing_enabled: V }), 'unknown:input'],
  ['HMS-AKS-13', one('azurerm_kubernetes_cluster', { default_node_pool: { name: 's' } }), 'fail', aks({ default_node_pool: { fips_enabled: V } }), 'unknown:input'],
  ['HMS-AKS-14', aks({}), 'fail', aks({ automatic_upgrade_channel: V }), 'unknown:input'],
  ['HMS-AKS-15', aks({}), 'fail', aks({ microsoft_defender: { log_analytics_workspace_id: V } }), 'pass'],
  ['HMS-AKS-16', aks({}), 'pass', aks({ addon_profile: { kube_dashboard: { enabled: V } } }), 'unknown:input'],
  ['HMS-DISK-1', one('azurerm_managed_disk', {}), 'fail', one('azurerm_managed_disk', { disk_encryption_set_id: V }), 'unknown:input'],
  ['HMS-DISK-2', one('azurerm_managed_disk', {}), 'fail', one('azurerm_managed_disk', { public_network_access_enabled: V }), 'unknown:input'],
  ['HMS-DES-1', one('azurerm_disk_encryption_set', {}), 'fail', one('azurerm_disk_encryption_set', { encryption_type: V }), 'unknown:input'],
  ['HMS-ST-1', st({}), 'pass', st({ https_traffic_only_enabled: V }), 'unknown:input'],
  ['HMS-ST-2', st({}), 'pass', st({ min_tls_version: V }), 'unknown:input'],
  ['HMS-ST-3', st({}), 'fail', st({ public_network_access_enabled: V }), 'unknown:input'],
  ['HMS-ST-4', st({}), 'fail', st({ allow_nested_items_to_be_public: V }), 'unknown:input'],
  ['HMS-ST-5', st({}), 'fail', st({ network_rules: { default_action: V } }), 'unknown:input'],
  ['HMS-ST-6', st({}), 'fail', st({ shared_access_key_enabled: V }), 'unknown:input'],
  ['HMS-ST-7', st({}), 'fail', st({}, { azurerm_storage_account_customer_managed_key: { k: { storage_account_id: V, key_vault_key_id: 'k' } } }), 'unknown:input'],
  ['HMS-ST-8', st({}), 'fail', st({ blob_properties: { versioning_enabled: V } }), 'unknown:input'],
  ['HMS-NSG-1', one('azurerm_network_security_rule', { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: '*' }), 'fail', one('azurerm_network_security_rule', { direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: V, destination_port_range: '22' }), 'unknown:input'],
  ['HMS-NSG-2', one('azurerm_subnet', { name: 's' }), 'fail', one('azurerm_subnet', { name: 's' }, { azurerm_subnet_network_security_group_association: { a: { subnet_id: V, network_security_group_id: 'nsg' } } }), 'unknown:input'],
  ['HMS-NSG-3', one('azurerm_virtual_network', {}), 'fail', one('azurerm_virtual_network', {}, { azurerm_network_watcher_flow_log: { f: { target_resource_id: V } } }), 'unknown:input'],
  ['HMS-NSG-4', one('azurerm_network_watcher_flow_log', {}), 'fail', one('azurerm_network_watcher_flow_log', { retention_policy: { enabled: true, days: V } }), 'unknown:input'],
  ['HMS-KV-1', one('azurerm_key_vault', {}), 'fail', one('azurerm_key_vault', { public_network_access_enabled: V }), 'unknown:input'],
  ['HMS-KV-2', one('azurerm_key_vault', {}), 'fail', one('azurerm_key_vault', { purge_protection_enabled: V }), 'unknown:input'],
  ['HMS-KV-3', one('azurerm_key_vault', {}), 'fail', one('azurerm_key_vault', {}, { azurerm_monitor_diagnostic_setting: { d: { target_resource_id: V, enabled_log: [{ category: 'AuditEvent' }] } } }), 'unknown:input'],
  ['HMS-KV-4', one('azurerm_key_vault_key', {}), 'fail', one('azurerm_key_vault_key', { expiration_date: V }), 'unknown:input'],
  // The automatic block decides that the key rotates; its timing is not what the rule checks.
  ['HMS-KV-5', one('azurerm_key_vault_key', {}), 'fail', one('azurerm_key_vault_key', { rotation_policy: { automatic: { time_before_expiry: V } } }), 'pass'],
  ['HMS-KV-6', one('azurerm_key_vault_secret', {}), 'fail', one('azurerm_key_vault_secret', { expiration_date: V }), 'unknown:input'],
  ['HMS-KV-7', one('azurerm_key_vault_key', {}), 'fail', one('azurerm_key_vault_key', { key_type: V }), 'unknown:input'],
  ['HMS-KV-8', one('azurerm_key_vault', {}), 'fail', one('azurerm_key_vault', {}, { azurerm_private_endpoint: { e: { private_service_connection: [{ name: 'c', private_connection_resource_id: V }] } } }), 'unknown:input'],
  ['HMS-K8S-1', deploy({}), 'pass', deploy({ security_context: { privileged: V } }), 'unknown:input'],
  ['HMS-K8S-2', deploy({}), 'fail', deploy({ security_context: { allow_privilege_escalation: V } }), 'unknown:input'],
  ['HMS-K8S-3', deploy({}), 'fail', deploy({ security_context: { capabilities: { drop: V } } }), 'unknown:input'],
  ['HMS-K8S-4', deploy({}), 'fail', deploy({ security_context: { run_as_non_root: V } }), 'unknown:input'],
  ['HMS-K8S-5', deploy({}), 'pass', deploy(SAFE_CONTAINER, { host_network: V }), 'unknown:input'],
  // The host path is mounted whatever its path: decided, and a failure.
  ['HMS-K8S-6', deploy({}), 'pass', deploy({}, { volume: [{ name: 'v', host_path: { path: V } }] }), 'fail'],
  ['HMS-K8S-7', deploy({}), 'fail', deploy({ security_context: { seccomp_profile: { type: V } } }), 'unknown:input'],
  ['HMS-K8S-8', deploy({}), 'fail', deploy({ security_context: { read_only_root_filesystem: V } }), 'unknown:input'],
  ['HMS-K8S-9', deploy({ image: 'r/i' }), 'fail', deploy({ image: V }), 'unknown:input'],
  ['HMS-K8S-10', deploy({}), 'fail', deploy({ resources: V }), 'unknown:input'],
  ['HMS-K8S-11', one('kubernetes_namespace_v1', { metadata: { name: 'app' } }), 'fail', one('kubernetes_namespace_v1', { metadata: { name: 'app' } }, { kubernetes_network_policy_v1: { d: { metadata: { namespace: V }, spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'] } } } }), 'unknown:input'],
  ['HMS-K8S-12', one('kubernetes_storage_class_v1', { storage_provisioner: 'ebs.csi.aws.com' }), 'fail', one('kubernetes_storage_class_v1', { storage_provisioner: 'ebs.csi.aws.com', parameters: { encrypted: V } }), 'unknown:input'],
  ['HMS-K8S-13', one('kubernetes_storage_class_v1', { storage_provisioner: 'ebs.csi.aws.com' }), 'fail', one('kubernetes_storage_class_v1', { storage_provisioner: 'ebs.csi.aws.com', parameters: { kmsKeyId: V } }), 'unknown:input'],
  ['HMS-K8S-14', one('kubernetes_persistent_volume_claim_v1', { spec: {} }), 'fail', one('kubernetes_persistent_volume_claim_v1', { spec: { storage_class_name: V } }), 'unknown:input'],
  ['HMS-K8S-15', one('kubernetes_deployment_v1', { metadata: { name: 'w' } }), 'fail', one('kubernetes_deployment_v1', { metadata: { namespace: V } }), 'unknown:input'],
  ['HMS-K8S-16', deploy({}, { automount_service_account_token: undefined }), 'fail', deploy({}, { automount_service_account_token: V }), 'unknown:input'],
  ['HMS-K8S-17', one('kubernetes_role_v1', { rule: [{ ...ROLE, verbs: ['*'] }] }), 'fail', one('kubernetes_role_v1', { rule: [{ ...ROLE, verbs: V }] }), 'unknown:input'],
  ['HMS-K8S-18', one('kubernetes_cluster_role_binding_v1', { role_ref: { name: 'view' }, subject: [{ kind: 'Group', name: 'system:unauthenticated' }] }), 'fail', one('kubernetes_cluster_role_binding_v1', { role_ref: { name: 'view' }, subject: [{ kind: 'Group', name: V }] }), 'unknown:input'],
  ['HMS-K8S-19', one('kubernetes_default_service_account_v1', { metadata: { namespace: 'app' } }), 'fail', one('kubernetes_default_service_account_v1', { automount_service_account_token: V }), 'unknown:input'],
  ['HMS-K8S-20', deploy({}), 'pass', deploy({ port: [{ container_port: 80, host_port: V }] }), 'unknown:input'],
  // The variable names which secret, not whether one is read into the environment: that is decided, and a failure.
  ['HMS-K8S-21', deploy({}), 'pass', deploy({ env: [{ name: 'P', value_from: { secret_key_ref: { name: V, key: 'k' } } }] }), 'fail'],
];

const label = (o: Outcome) => (o.status === 'unknown' ? `unknown:${o.cause}` : o.status);

function outcome(ruleId: string, resources: Resources): string {
  const rule = ALL_RULES.find((r) => r.id === ruleId)!;
  const doc = fromTerraformJson({ variable: { x: {} }, resource: resources }, 'row', 'row.tf.json');
  const subject = doc.resources[0];
  return label(rule.check(subject, contextOf(doc)));
}

describe.each(ROWS.map((row) => [row[0], row] as const))('%s', (id, [, omitted, omittedExpected, unknownCase, unknownExpected]) => {
  test(`with the deciding attribute omitted (the cloud's default): ${omittedExpected}`, () => {
    expect(outcome(id, omitted)).toBe(omittedExpected);
  });
  test(`fed by a variable without a default: ${unknownExpected}`, () => {
    expect(outcome(id, unknownCase)).toBe(unknownExpected);
  });
});

test('every rule has a row', () => {
  expect(ALL_RULES.map((r) => r.id).filter((id) => !ROWS.some((row) => row[0] === id))).toEqual([]);
});
