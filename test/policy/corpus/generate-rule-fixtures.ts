/**
 * Writes the per-rule corpus: for every rule in the packs, an insecure and a
 * secure fixture, each in HCL (.tf) and Terraform JSON (.tf.json), in
 * test/policy/corpus/rules/<rule-id>/, and the rows of test/policy/corpus/expected.tsv
 * for them. Run `npx tsx test/policy/corpus/generate-rule-fixtures.ts` after
 * editing a spec below; the generated files are committed and read by corpus.test.ts.
 * In a spec `@` stands for the resource name of the fixture (insecure_hcl, secure_json ...),
 * so one folder holds all four files without duplicate addresses.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Resources = Record<string, Record<string, Record<string, unknown>>>;
/** [rule id, insecure resources, secure resources]; the subject is the first resource. */
type Spec = readonly [string, Resources, Resources];

const HERE = __dirname;
const KMS = 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE_ARN = 'arn:aws-us-gov:iam::111122223333:role/eks';
const WS = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws';
const DES = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des';
const KV_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv';
const TENANT = '00000000-0000-0000-0000-000000000000';
const AZ = { location: 'usgovvirginia', resource_group_name: 'rg' };

/** Keys whose object value is a map attribute, not a nested block, in HCL. */
const MAP_ATTRIBUTES = new Set(['tags', 'parameters', 'labels', 'annotations', 'limits', 'requests', 'match_labels']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge: `over` wins; `undefined` in `over` removes the key. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete out[k];
    else out[k] = isObject(v) && isObject(base[k]) ? merge(base[k], v) : v;
  }
  return out;
}

const one = (type: string, values: Record<string, unknown>, extra: Resources = {}): Resources => ({ [type]: { '@': values }, ...extra });

// AWS -------------------------------------------------------------------------
const ebs = (v: Record<string, unknown>) => one('aws_ebs_volume', { availability_zone: 'us-gov-west-1a', size: 8, ...v });
const SAFE_LT = {
  name_prefix: 'nodes-',
  block_device_mappings: [{ device_name: '/dev/xvda', ebs: { encrypted: 'true', kms_key_id: KMS, volume_size: 20 } }],
  metadata_options: { http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 },
  network_interfaces: [{ associate_public_ip_address: 'false' }],
  monitoring: { enabled: true },
  user_data: 'IyEvYmluL2Jhc2gKZWNobyBoZWxsbwo=',
};
const lt = (over: Record<string, unknown> = {}) => one('aws_launch_template', merge(SAFE_LT, over));
const SAFE_EKS = {
  name: 'platform',
  role_arn: ROLE_ARN,
  version: '1.33',
  vpc_config: { subnet_ids: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], endpoint_private_access: true, endpoint_public_access: false },
  encryption_config: { resources: ['secrets'], provider: { key_arn: KMS } },
  enabled_cluster_log_types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
};
const eks = (over: Record<string, unknown> = {}) => one('aws_eks_cluster', merge(SAFE_EKS, over));
const SAFE_NODE_GROUP = {
  cluster_name: 'platform',
  node_group_name: 'workers',
  node_role_arn: ROLE_ARN,
  subnet_ids: ['subnet-0a1b2c3d'],
  ami_type: 'BOTTLEROCKET_x86_64_FIPS',
  scaling_config: { desired_size: 2, max_size: 3, min_size: 1 },
};
const nodeGroup = (over: Record<string, unknown> = {}) => one('aws_eks_node_group', merge(SAFE_NODE_GROUP, over));
const logGroup = (over: Record<string, unknown> = {}) => one('aws_cloudwatch_log_group', merge({ name: '/hms/audit', kms_key_id: KMS, retention_in_days: 365 }, over));
const FLOW_LOG = { vpc_id: '${aws_vpc.@.id}', traffic_type: 'ALL', log_destination: 'arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:/vpc/flow', iam_role_arn: ROLE_ARN };
const vpc = (extra: Resources = {}) => one('aws_vpc', { cidr_block: '10.0.0.0/16' }, extra);
/**
 * Inline ingress/egress of aws_security_group are attributes as blocks: in Terraform JSON each
 * element is an object value that must name every attribute (terraform validate with AWS 5.100.0:
 * "Incorrect attribute value type" otherwise), so every rule carries all of them.
 */
const SG_RULE_ATTRIBUTES = { description: 'rule', cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false };
const complete = (rules: unknown) => (Array.isArray(rules) ? rules.map((r: Record<string, unknown>) => ({ ...SG_RULE_ATTRIBUTES, ...r })) : rules);
const sg = (rules: Record<string, unknown>) =>
  one('aws_security_group', { name: 'nodes', description: 'Node traffic', vpc_id: 'vpc-0a1b2c3d', ...rules, ingress: complete(rules.ingress), egress: complete(rules.egress) });
const tcp = (port: number, cidr: string) => ({ description: 'rule', from_port: port, to_port: port, protocol: 'tcp', cidr_blocks: [cidr] });
const kms = (over: Record<string, unknown> = {}) => one('aws_kms_key', merge({ description: 'state', enable_key_rotation: true, deletion_window_in_days: 30, is_enabled: true }, over));
const policy = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const iam = (statement: Record<string, unknown>) => one('aws_iam_policy', { name: 'app', policy: policy(statement) });
const READ_ONE_BUCKET = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws-us-gov:s3:::hms-state/*' };
const ROOT = { AWS: 'arn:aws-us-gov:iam::111122223333:root' };
const TLS_ONLY = policy({ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws-us-gov:s3:::hms-state', 'arn:aws-us-gov:s3:::hms-state/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
const BUCKET_COMPANIONS: Resources = {
  aws_s3_bucket_server_side_encryption_configuration: { '@': { bucket: '${aws_s3_bucket.@.id}', rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: KMS } }] } },
  aws_s3_bucket_versioning: { '@': { bucket: '${aws_s3_bucket.@.id}', versioning_configuration: { status: 'Enabled' } } },
  aws_s3_bucket_policy: { '@': { bucket: '${aws_s3_bucket.@.id}', policy: TLS_ONLY } },
  aws_s3_bucket_logging: { '@': { bucket: '${aws_s3_bucket.@.id}', target_bucket: 'hms-access-logs', target_prefix: 'state/' } },
  aws_s3_bucket_public_access_block: { '@': { bucket: '${aws_s3_bucket.@.id}', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true } },
};
/** A bucket with every companion, or without the one named. */
const bucket = (without?: string, values: Record<string, unknown> = {}): Resources => {
  const companions = Object.fromEntries(Object.entries(BUCKET_COMPANIONS).filter(([type]) => type !== without));
  return one('aws_s3_bucket', { bucket: 'hms-state', ...values }, companions);
};

// Azure -----------------------------------------------------------------------
const SAFE_AKS = {
  name: 'platform',
  ...AZ,
  dns_prefix_private_cluster: 'platform',
  private_dns_zone_id: 'System',
  private_cluster_enabled: true,
  disk_encryption_set_id: DES,
  local_account_disabled: true,
  role_based_access_control_enabled: true,
  azure_policy_enabled: true,
  automatic_upgrade_channel: 'patch',
  default_node_pool: { name: 'system', vm_size: 'Standard_D4s_v5', node_count: 3, fips_enabled: true, host_encryption_enabled: true, node_public_ip_enabled: false },
  identity: { type: 'SystemAssigned' },
  network_profile: { network_plugin: 'azure', network_policy: 'calico' },
  oms_agent: { log_analytics_workspace_id: WS },
  microsoft_defender: { log_analytics_workspace_id: WS },
  azure_active_directory_role_based_access_control: { azure_rbac_enabled: true, tenant_id: TENANT },
};
const AKS_AUDIT: Resources = {
  azurerm_monitor_diagnostic_setting: { '@': { name: 'audit', target_resource_id: '${azurerm_kubernetes_cluster.@.id}', log_analytics_workspace_id: WS, enabled_log: [{ category: 'kube-audit-admin' }, { category: 'guard' }] } },
};
const aks = (over: Record<string, unknown> = {}, extra: Resources = AKS_AUDIT) => one('azurerm_kubernetes_cluster', merge(SAFE_AKS, over), extra);
const disk = (over: Record<string, unknown> = {}) =>
  one('azurerm_managed_disk', merge({ name: 'data', ...AZ, storage_account_type: 'Premium_LRS', create_option: 'Empty', disk_size_gb: 32, disk_encryption_set_id: DES, public_network_access_enabled: false, network_access_policy: 'DenyAll' }, over));
const SAFE_STORAGE = {
  name: 'hmsstate',
  ...AZ,
  account_tier: 'Standard',
  account_replication_type: 'GRS',
  https_traffic_only_enabled: true,
  min_tls_version: 'TLS1_2',
  public_network_access_enabled: false,
  allow_nested_items_to_be_public: false,
  shared_access_key_enabled: false,
  network_rules: { default_action: 'Deny' },
  blob_properties: { versioning_enabled: true, delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 30 } },
  identity: { type: 'SystemAssigned' },
};
const STORAGE_KEY: Resources = {
  azurerm_storage_account_customer_managed_key: { '@': { storage_account_id: '${azurerm_storage_account.@.id}', key_vault_id: KV_ID, key_name: 'state' } },
};
const storage = (over: Record<string, unknown> = {}, extra: Resources = STORAGE_KEY) => one('azurerm_storage_account', merge(SAFE_STORAGE, over), extra);
const nsgRule = (over: Record<string, unknown>) =>
  one('azurerm_network_security_rule', {
    name: 'admin',
    ...AZ,
    network_security_group_name: 'nsg',
    priority: 100,
    direction: 'Inbound',
    access: 'Allow',
    protocol: 'Tcp',
    source_port_range: '*',
    destination_address_prefix: '*',
    ...over,
  });
const vnet = (extra: Resources = {}) => one('azurerm_virtual_network', { name: 'vnet', ...AZ, address_space: ['10.0.0.0/16'] }, extra);
const VNET_FLOW_LOG = { name: 'vnet', network_watcher_name: 'nw', resource_group_name: 'rg', target_resource_id: '${azurerm_virtual_network.@.id}', storage_account_id: 'sa', enabled: true, retention_policy: { enabled: true, days: 90 } };
const SAFE_VAULT = { name: 'hms-kv', ...AZ, tenant_id: TENANT, sku_name: 'premium', public_network_access_enabled: false, purge_protection_enabled: true, soft_delete_retention_days: 90 };
const VAULT_AUDIT = { name: 'audit', target_resource_id: '${azurerm_key_vault.@.id}', log_analytics_workspace_id: WS, enabled_log: [{ category: 'AuditEvent' }] };
const VAULT_ENDPOINT = { name: 'kv', ...AZ, subnet_id: 'snet', private_service_connection: { name: 'kv', private_connection_resource_id: '${azurerm_key_vault.@.id}', is_manual_connection: false, subresource_names: ['vault'] } };
const vault = (over: Record<string, unknown> = {}, without?: string) => {
  const extra: Resources = { azurerm_monitor_diagnostic_setting: { '@': VAULT_AUDIT }, azurerm_private_endpoint: { '@': VAULT_ENDPOINT } };
  if (without) delete extra[without];
  return one('azurerm_key_vault', merge(SAFE_VAULT, over), extra);
};
const SAFE_KEY = {
  name: 'state',
  key_vault_id: KV_ID,
  key_type: 'RSA-HSM',
  key_size: 3072,
  key_opts: ['wrapKey', 'unwrapKey'],
  expiration_date: '2027-06-30T00:00:00Z',
  rotation_policy: { expire_after: 'P1Y', notify_before_expiry: 'P30D', automatic: { time_before_expiry: 'P30D' } },
};
const key = (over: Record<string, unknown> = {}) => one('azurerm_key_vault_key', merge(SAFE_KEY, over));

// Kubernetes --------------------------------------------------------------------
const SAFE_CONTAINER = {
  name: 'app',
  image: 'registry.example.gov/app@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
  security_context: { privileged: false, allow_privilege_escalation: false, run_as_non_root: true, read_only_root_filesystem: true, capabilities: { drop: ['ALL'] }, seccomp_profile: { type: 'RuntimeDefault' } },
  resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
};
const deploy = (container: Record<string, unknown> = {}, spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) =>
  one('kubernetes_deployment_v1', {
    metadata: merge({ name: 'app', namespace: 'app' }, metadata),
    spec: {
      replicas: 2,
      selector: { match_labels: { app: 'app' } },
      template: { metadata: { labels: { app: 'app' } }, spec: merge({ automount_service_account_token: false, container: [merge(SAFE_CONTAINER, container)] }, spec) },
    },
  });
const storageClass = (parameters: Record<string, unknown>, extra: Resources = {}) =>
  one('kubernetes_storage_class_v1', { metadata: { name: 'encrypted-@' }, storage_provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3', ...parameters } }, extra);
const ENCRYPTED_CLASS = { metadata: { name: 'encrypted-@' }, storage_provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3', encrypted: 'true', kmsKeyId: KMS } };
const claim = (classParameters: Record<string, unknown>) =>
  one(
    'kubernetes_persistent_volume_claim_v1',
    { metadata: { name: 'data', namespace: 'app' }, spec: { access_modes: ['ReadWriteOnce'], storage_class_name: '${kubernetes_storage_class_v1.@.metadata[0].name}', resources: { requests: { storage: '10Gi' } } } },
    { kubernetes_storage_class_v1: { '@': merge(ENCRYPTED_CLASS, { parameters: classParameters }) } },
  );
const READ_PODS = { api_groups: [''], resources: ['pods'], verbs: ['get', 'list'] };
const binding = (group: string) =>
  one('kubernetes_cluster_role_binding_v1', { metadata: { name: 'readers' }, role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subject: [{ kind: 'Group', name: group, api_group: 'rbac.authorization.k8s.io' }] });

export const SPECS: readonly Spec[] = [
  ['HMS-EBS-1', ebs({}), ebs({ encrypted: true, kms_key_id: KMS })],
  ['HMS-EBS-2', ebs({ encrypted: true }), ebs({ encrypted: true, kms_key_id: KMS })],
  ['HMS-EBS-3', one('aws_ebs_encryption_by_default', { enabled: false }), one('aws_ebs_encryption_by_default', { enabled: true })],
  ['HMS-LT-1', lt({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: { encrypted: 'false', volume_size: 20 } }] }), lt()],
  ['HMS-LT-2', lt({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: { encrypted: 'true', volume_size: 20 } }] }), lt()],
  ['HMS-LT-3', lt({ metadata_options: { http_tokens: 'optional' } }), lt()],
  ['HMS-LT-4', lt({ metadata_options: { http_put_response_hop_limit: 2 } }), lt()],
  ['HMS-LT-5', lt({ network_interfaces: [{ associate_public_ip_address: 'true' }] }), lt()],
  ['HMS-LT-6', lt({ user_data: Buffer.from('#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n').toString('base64') }), lt()],
  ['HMS-LT-7', lt({ monitoring: { enabled: false } }), lt()],
  ['HMS-EKS-1', eks({ vpc_config: { endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] } }), eks()],
  ['HMS-EKS-2', eks({ vpc_config: { endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'] } }), eks()],
  ['HMS-EKS-3', eks({ encryption_config: undefined }), eks()],
  ['HMS-EKS-4', eks({ enabled_cluster_log_types: ['api', 'authenticator'] }), eks()],
  ['HMS-EKS-5', eks({ enabled_cluster_log_types: ['api', 'audit'] }), eks()],
  ['HMS-EKS-6', nodeGroup({ remote_access: { ec2_ssh_key: 'ops' } }), nodeGroup()],
  ['HMS-EKS-7', nodeGroup({ ami_type: 'AL2023_x86_64_STANDARD' }), nodeGroup()],
  ['HMS-EKS-8', eks({ version: '1.24' }), eks()],
  ['HMS-LOG-1', logGroup({ kms_key_id: undefined }), logGroup()],
  ['HMS-LOG-2', logGroup({ retention_in_days: undefined }), logGroup()],
  ['HMS-LOG-3', logGroup({ retention_in_days: 30 }), logGroup()],
  ['HMS-VPC-1', vpc(), vpc({ aws_flow_log: { '@': FLOW_LOG } })],
  ['HMS-VPC-2', one('aws_flow_log', { ...FLOW_LOG, vpc_id: 'vpc-0a1b2c3d', traffic_type: 'REJECT' }), one('aws_flow_log', { ...FLOW_LOG, vpc_id: 'vpc-0a1b2c3d' })],
  ['HMS-VPC-3', one('aws_subnet', { vpc_id: 'vpc-0a1b2c3d', cidr_block: '10.0.1.0/24', map_public_ip_on_launch: true }), one('aws_subnet', { vpc_id: 'vpc-0a1b2c3d', cidr_block: '10.0.1.0/24', map_public_ip_on_launch: false })],
  [
    'HMS-VPC-4',
    vpc({ aws_default_security_group: { '@': { vpc_id: '${aws_vpc.@.id}', ingress: complete([{ protocol: '-1', self: true, from_port: 0, to_port: 0 }]) } } }),
    vpc({ aws_default_security_group: { '@': { vpc_id: '${aws_vpc.@.id}' } } }),
  ],
  ['HMS-SG-1', sg({ ingress: [tcp(22, '0.0.0.0/0')] }), sg({ ingress: [tcp(22, '10.20.0.0/16')] })],
  ['HMS-SG-2', sg({ ingress: [tcp(80, '0.0.0.0/0')] }), sg({ ingress: [tcp(443, '10.20.0.0/16')] })],
  ['HMS-SG-3', sg({ egress: [{ description: 'all', from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }] }), sg({ egress: [tcp(443, '10.0.0.0/8')] })],
  ['HMS-SG-4', one('aws_security_group', { name: 'nodes', vpc_id: 'vpc-0a1b2c3d' }), sg({})],
  ['HMS-KMS-1', kms({ enable_key_rotation: false }), kms()],
  ['HMS-KMS-2', kms({ policy: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }) }), kms({ policy: policy({ Effect: 'Allow', Principal: ROOT, Action: 'kms:*', Resource: '*' }) })],
  ['HMS-KMS-3', kms({ deletion_window_in_days: undefined }), kms()],
  ['HMS-KMS-4', kms({ is_enabled: false }), kms()],
  ['HMS-IAM-1', iam({ Effect: 'Allow', Action: '*', Resource: '*' }), iam(READ_ONE_BUCKET)],
  ['HMS-IAM-2', iam({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws-us-gov:s3:::hms-state/*' }), iam(READ_ONE_BUCKET)],
  ['HMS-IAM-3', iam({ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }), iam(READ_ONE_BUCKET)],
  ['HMS-S3-1', bucket('aws_s3_bucket_server_side_encryption_configuration'), bucket()],
  ['HMS-S3-2', bucket('aws_s3_bucket_versioning'), bucket()],
  ['HMS-S3-3', bucket('aws_s3_bucket_policy'), bucket()],
  ['HMS-S3-4', bucket('aws_s3_bucket_logging'), bucket()],
  ['HMS-S3-5', bucket('aws_s3_bucket_public_access_block'), bucket()],
  ['HMS-S3-6', bucket(undefined, { acl: 'public-read' }), bucket(undefined, { acl: 'private' })],
  [
    'HMS-S3-7',
    one('aws_s3_bucket_policy', { bucket: 'hms-state', policy: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws-us-gov:s3:::hms-state/*' }) }),
    one('aws_s3_bucket_policy', { bucket: 'hms-state', policy: policy({ Effect: 'Allow', Principal: ROOT, Action: 's3:GetObject', Resource: 'arn:aws-us-gov:s3:::hms-state/*' }) }),
  ],
  ['HMS-AKS-1', aks({ default_node_pool: { host_encryption_enabled: false } }), aks()],
  ['HMS-AKS-2', aks({ disk_encryption_set_id: undefined }), aks()],
  ['HMS-AKS-3', aks({ private_cluster_enabled: false, private_dns_zone_id: undefined, dns_prefix_private_cluster: undefined, dns_prefix: 'platform' }), aks()],
  ['HMS-AKS-4', aks({ default_node_pool: { node_public_ip_enabled: true } }), aks()],
  ['HMS-AKS-5', aks({ network_profile: { network_policy: undefined } }), aks()],
  ['HMS-AKS-6', aks({ oms_agent: undefined }), aks()],
  ['HMS-AKS-7', aks({}, {}), aks()],
  ['HMS-AKS-8', aks({ local_account_disabled: false }), aks()],
  ['HMS-AKS-9', aks({ role_based_access_control_enabled: false, azure_active_directory_role_based_access_control: undefined }), aks()],
  ['HMS-AKS-10', aks({ azure_active_directory_role_based_access_control: { azure_rbac_enabled: false } }), aks()],
  ['HMS-AKS-11', aks({ azure_policy_enabled: false }), aks()],
  ['HMS-AKS-12', aks({ http_application_routing_enabled: true }), aks()],
  ['HMS-AKS-13', aks({ default_node_pool: { fips_enabled: false } }), aks()],
  ['HMS-AKS-14', aks({ automatic_upgrade_channel: 'none' }), aks()],
  ['HMS-AKS-15', aks({ microsoft_defender: undefined }), aks()],
  ['HMS-AKS-16', aks({ addon_profile: { kube_dashboard: { enabled: true } } }), aks()],
  ['HMS-DISK-1', disk({ disk_encryption_set_id: undefined }), disk()],
  ['HMS-DISK-2', disk({ public_network_access_enabled: true, network_access_policy: 'AllowAll' }), disk()],
  [
    'HMS-DES-1',
    one('azurerm_disk_encryption_set', { name: 'des', ...AZ, key_vault_key_id: 'https://hms-kv.vault.usgovcloudapi.net/keys/state', encryption_type: 'EncryptionAtRestWithCustomerKey', identity: { type: 'SystemAssigned' } }),
    one('azurerm_disk_encryption_set', { name: 'des', ...AZ, key_vault_key_id: 'https://hms-kv.vault.usgovcloudapi.net/keys/state', encryption_type: 'EncryptionAtRestWithPlatformAndCustomerKeys', identity: { type: 'SystemAssigned' } }),
  ],
  ['HMS-ST-1', storage({ https_traffic_only_enabled: false }), storage()],
  ['HMS-ST-2', storage({ min_tls_version: 'TLS1_0' }), storage()],
  ['HMS-ST-3', storage({ public_network_access_enabled: true, network_rules: { default_action: 'Allow' } }), storage()],
  ['HMS-ST-4', storage({ allow_nested_items_to_be_public: true }), storage()],
  ['HMS-ST-5', storage({ network_rules: { default_action: 'Allow' } }), storage()],
  ['HMS-ST-6', storage({ shared_access_key_enabled: true }), storage()],
  ['HMS-ST-7', storage({}, {}), storage()],
  ['HMS-ST-8', storage({ blob_properties: { versioning_enabled: false, delete_retention_policy: undefined, container_delete_retention_policy: undefined } }), storage()],
  ['HMS-NSG-1', nsgRule({ source_address_prefix: '*', destination_port_range: '22' }), nsgRule({ source_address_prefix: '10.20.0.0/16', destination_port_range: '22' })],
  [
    'HMS-NSG-2',
    one('azurerm_subnet', { name: 'nodes', resource_group_name: 'rg', virtual_network_name: 'vnet', address_prefixes: ['10.0.1.0/24'] }),
    one(
      'azurerm_subnet',
      { name: 'nodes', resource_group_name: 'rg', virtual_network_name: 'vnet', address_prefixes: ['10.0.1.0/24'] },
      { azurerm_subnet_network_security_group_association: { '@': { subnet_id: '${azurerm_subnet.@.id}', network_security_group_id: 'nsg' } } },
    ),
  ],
  ['HMS-NSG-3', vnet(), vnet({ azurerm_network_watcher_flow_log: { '@': VNET_FLOW_LOG } })],
  [
    'HMS-NSG-4',
    one('azurerm_network_watcher_flow_log', { ...VNET_FLOW_LOG, target_resource_id: 'vnet', retention_policy: { enabled: true, days: 7 } }),
    one('azurerm_network_watcher_flow_log', { ...VNET_FLOW_LOG, target_resource_id: 'vnet' }),
  ],
  ['HMS-KV-1', vault({ public_network_access_enabled: true }), vault()],
  ['HMS-KV-2', vault({ purge_protection_enabled: false }), vault()],
  ['HMS-KV-3', vault({}, 'azurerm_monitor_diagnostic_setting'), vault()],
  ['HMS-KV-4', key({ expiration_date: undefined, rotation_policy: undefined }), key()],
  ['HMS-KV-5', key({ rotation_policy: undefined }), key()],
  [
    'HMS-KV-6',
    one('azurerm_key_vault_secret', { name: 'db', value: 'from-pipeline', key_vault_id: KV_ID }),
    one('azurerm_key_vault_secret', { name: 'db', value: 'from-pipeline', key_vault_id: KV_ID, expiration_date: '2027-06-30T00:00:00Z' }),
  ],
  ['HMS-KV-7', key({ key_type: 'RSA' }), key()],
  ['HMS-KV-8', vault({}, 'azurerm_private_endpoint'), vault()],
  ['HMS-K8S-1', deploy({ security_context: { privileged: true } }), deploy()],
  ['HMS-K8S-2', deploy({ security_context: { allow_privilege_escalation: true } }), deploy()],
  ['HMS-K8S-3', deploy({ security_context: { capabilities: { drop: ['NET_RAW'] } } }), deploy()],
  ['HMS-K8S-4', deploy({ security_context: { run_as_non_root: false } }), deploy()],
  ['HMS-K8S-5', deploy({}, { host_network: true }), deploy()],
  ['HMS-K8S-6', deploy({}, { volume: [{ name: 'host', host_path: { path: '/var/run' } }] }), deploy()],
  ['HMS-K8S-7', deploy({ security_context: { seccomp_profile: { type: 'Unconfined' } } }), deploy()],
  ['HMS-K8S-8', deploy({ security_context: { read_only_root_filesystem: false } }), deploy()],
  ['HMS-K8S-9', deploy({ image: 'registry.example.gov/app:latest' }), deploy()],
  ['HMS-K8S-10', deploy({ resources: undefined }), deploy()],
  [
    'HMS-K8S-11',
    one('kubernetes_namespace_v1', { metadata: { name: 'app-@' } }),
    one('kubernetes_namespace_v1', { metadata: { name: 'app-@' } }, { kubernetes_network_policy_v1: { '@': { metadata: { name: 'default-deny', namespace: '${kubernetes_namespace_v1.@.metadata[0].name}' }, spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'] } } } }),
  ],
  ['HMS-K8S-12', storageClass({ encrypted: 'false' }), storageClass({ encrypted: 'true', kmsKeyId: KMS })],
  ['HMS-K8S-13', storageClass({ encrypted: 'true' }), storageClass({ encrypted: 'true', kmsKeyId: KMS })],
  ['HMS-K8S-14', claim({ encrypted: 'false', kmsKeyId: undefined }), claim({})],
  ['HMS-K8S-15', deploy({}, {}, { namespace: 'default' }), deploy()],
  ['HMS-K8S-16', deploy({}, { automount_service_account_token: true }), deploy()],
  [
    'HMS-K8S-17',
    one('kubernetes_role_v1', { metadata: { name: 'ops', namespace: 'app' }, rule: [{ api_groups: ['*'], resources: ['*'], verbs: ['*'] }] }),
    one('kubernetes_role_v1', { metadata: { name: 'ops', namespace: 'app' }, rule: [READ_PODS] }),
  ],
  ['HMS-K8S-18', binding('system:unauthenticated'), binding('app-readers')],
  [
    'HMS-K8S-19',
    one('kubernetes_default_service_account_v1', { metadata: { namespace: 'app' }, automount_service_account_token: true }),
    one('kubernetes_default_service_account_v1', { metadata: { namespace: 'app' }, automount_service_account_token: false }),
  ],
  ['HMS-K8S-20', deploy({ port: [{ container_port: 8080, host_port: 8080 }] }), deploy({ port: [{ container_port: 8080 }] })],
  [
    'HMS-K8S-21',
    deploy({ env: [{ name: 'DB_PASSWORD', value_from: { secret_key_ref: { name: 'db', key: 'password' } } }] }),
    deploy({ env: [{ name: 'LOG_LEVEL', value: 'info' }] }),
  ],
];

// Spellings (issue 16, holes 1 and 3) ----------------------------------------------
// [folder, rule, insecure, secure]: every resource of the first type is a subject
// (named `@` or `@_<variant>`): FAIL in the insecure files, pass in the secure ones.
type Spelling = readonly [string, string, Resources, Resources];
// Each fixture file has its own group (`sg-@`): rules on one group are read together, across files.
const sshRule = (name: string, over: Record<string, unknown>) => ({ type: 'ingress', security_group_id: 'sg-@', protocol: 'tcp', from_port: 22, to_port: 22, description: name, ...over });
const nsg = (over: Record<string, unknown>) => ({
  name: 'admin',
  ...AZ,
  network_security_group_name: 'nsg-@',
  priority: 100,
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  source_port_range: '*',
  destination_address_prefix: '*',
  destination_port_range: '22',
  ...over,
});
const SAFE_INSTANCE = {
  ami: 'ami-0a1b2c3d4e5f67890',
  instance_type: 't3.medium',
  associate_public_ip_address: false,
  monitoring: true,
  metadata_options: { http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 },
  root_block_device: { encrypted: true, kms_key_id: KMS },
  user_data: '#!/bin/bash\necho hello\n',
};
// aws_launch_configuration: image_id, enable_monitoring; its root_block_device has no kms_key_id (AWS provider 5.100.0 schema).
const { ami, monitoring, ...INSTANCE_COMMON } = SAFE_INSTANCE;
const SAFE_LAUNCH_CONFIGURATION = { ...INSTANCE_COMMON, name_prefix: 'nodes-', image_id: ami, enable_monitoring: monitoring, root_block_device: { encrypted: true } };
const instances = (type: string, safe: Record<string, unknown>, variants: Record<string, Record<string, unknown>>): Resources => ({
  [type]: Object.fromEntries(Object.entries(variants).map(([variant, over]) => [`@_${variant}`, merge(safe, over)])),
});
const INSTANCE_VARIANTS = (secret: string): Record<string, Record<string, Record<string, unknown>>> => ({
  'HMS-LT-3': { imdsv1: { metadata_options: { http_tokens: 'optional' } } },
  'HMS-LT-4': { hop_limit: { metadata_options: { http_put_response_hop_limit: 2 } } },
  'HMS-LT-5': { public_ip: { associate_public_ip_address: true } },
  'HMS-LT-1': { unencrypted_root: { root_block_device: { encrypted: false, kms_key_id: undefined } } },
  'HMS-LT-6': { user_data_secret: { user_data: secret } },
});
const SECRET_USER_DATA = '#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n';

const instanceSpellings = (type: string, safe: Record<string, unknown>): Spelling[] =>
  Object.entries(INSTANCE_VARIANTS(SECRET_USER_DATA)).map(([ruleId, variants]) => {
    const variant = Object.keys(variants)[0];
    return [`${type.replace(/_/g, '-')}-${variant.replace(/_/g, '-')}`, ruleId, instances(type, safe, variants), instances(type, safe, { [variant]: {} })];
  });

export const SPELLINGS: readonly Spelling[] = [
  ['ssh-halves-one-rule', 'HMS-SG-1', sg({ ingress: [{ ...tcp(22, '0.0.0.0/1'), cidr_blocks: ['0.0.0.0/1', '128.0.0.0/1'] }] }), sg({ ingress: [{ ...tcp(22, '10.0.0.0/9'), cidr_blocks: ['10.0.0.0/9', '10.128.0.0/9'] }] })],
  [
    'ssh-halves-two-rules',
    'HMS-SG-1',
    { aws_security_group_rule: { '@_low': sshRule('low', { cidr_blocks: ['0.0.0.0/1'] }), '@_high': sshRule('high', { cidr_blocks: ['128.0.0.0/1'] }) } },
    { aws_security_group_rule: { '@_low': sshRule('low', { cidr_blocks: ['10.0.0.0/9'] }), '@_high': sshRule('high', { cidr_blocks: ['10.128.0.0/9'] }) } },
  ],
  [
    'ssh-ipv6',
    'HMS-SG-1',
    { aws_security_group_rule: { '@_zero': sshRule('zero', { ipv6_cidr_blocks: ['::0/0'] }), '@_expanded': sshRule('expanded', { ipv6_cidr_blocks: ['0:0:0:0:0:0:0:0/0'] }), '@_short': sshRule('short', { ipv6_cidr_blocks: ['::/0'] }) } },
    { aws_security_group_rule: { '@_zero': sshRule('zero', { ipv6_cidr_blocks: ['fd00::/8'] }), '@_expanded': sshRule('expanded', { ipv6_cidr_blocks: ['2001:db8:1:0:0:0:0:0/48'] }), '@_short': sshRule('short', { ipv6_cidr_blocks: ['2001:db8:2::/48'] }) } },
  ],
  [
    'ssh-vpc-ingress-rule',
    'HMS-SG-1',
    { aws_vpc_security_group_ingress_rule: { '@_ipv4': { security_group_id: 'sg-@', ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '0.0.0.0/0' }, '@_ipv6': { security_group_id: 'sg-@', ip_protocol: '6', from_port: 0, to_port: 1024, cidr_ipv6: '::0/0' } } },
    { aws_vpc_security_group_ingress_rule: { '@_ipv4': { security_group_id: 'sg-@', ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '10.20.0.0/16' }, '@_ipv6': { security_group_id: 'sg-@', ip_protocol: '6', from_port: 0, to_port: 1024, cidr_ipv6: 'fd00::/8' } } },
  ],
  [
    'tcp-ports-minus-one',
    'HMS-SG-1',
    { aws_security_group_rule: { '@': sshRule('all tcp', { from_port: -1, to_port: -1, cidr_blocks: ['0.0.0.0/0'] }) }, aws_security_group: { '@': { name: 'nodes', description: 'nodes', vpc_id: 'vpc-0a1b2c3d' } } },
    { aws_security_group_rule: { '@': sshRule('all tcp', { from_port: -1, to_port: -1, cidr_blocks: ['10.20.0.0/16'] }) } },
  ],
  [
    'tcp-ports-minus-one-inline',
    'HMS-SG-1',
    sg({ ingress: [{ ...tcp(-1, '0.0.0.0/0') }] }),
    sg({ ingress: [{ ...tcp(-1, '10.20.0.0/16') }] }),
  ],
  [
    'nsg-halves-one-rule',
    'HMS-NSG-1',
    { azurerm_network_security_rule: { '@': nsg({ source_address_prefixes: ['0.0.0.0/1', '128.0.0.0/1'] }) } },
    { azurerm_network_security_rule: { '@': nsg({ source_address_prefixes: ['10.0.0.0/9', '10.128.0.0/9'] }) } },
  ],
  [
    'nsg-numeric-port',
    'HMS-NSG-1',
    { azurerm_network_security_rule: { '@_number': nsg({ source_address_prefix: '*', destination_port_range: 22 }), '@_range': nsg({ source_address_prefix: '*', destination_port_range: '20-25' }), '@_list': nsg({ source_address_prefix: '*', destination_port_range: undefined, destination_port_ranges: ['443', '3389'] }) } },
    { azurerm_network_security_rule: { '@_number': nsg({ source_address_prefix: '*', destination_port_range: 443 }), '@_range': nsg({ source_address_prefix: '*', destination_port_range: '440-445' }), '@_list': nsg({ source_address_prefix: '*', destination_port_range: undefined, destination_port_ranges: ['443', '8443'] }) } },
  ],
  [
    'nsg-lower-case',
    'HMS-NSG-1',
    { azurerm_network_security_rule: { '@': nsg({ direction: 'inbound', access: 'allow', protocol: 'tcp', source_address_prefix: 'internet' }) } },
    { azurerm_network_security_rule: { '@': nsg({ direction: 'inbound', access: 'deny', protocol: 'tcp', source_address_prefix: 'internet' }) } },
  ],
  [
    'nsg-slash-zero',
    'HMS-NSG-1',
    {
      azurerm_network_security_rule: {
        '@_ipv4': nsg({ source_address_prefix: '0.0.0.0/0' }),
        '@_ipv6': nsg({ source_address_prefix: '::/0' }),
        '@_ipv6_expanded': nsg({ source_address_prefix: '0:0:0:0:0:0:0:0/0' }),
        '@_any': nsg({ source_address_prefix: 'Any' }),
        '@_star': nsg({ source_address_prefix: '*' }),
        '@_internet': nsg({ source_address_prefix: 'Internet' }),
      },
    },
    {
      azurerm_network_security_rule: {
        '@_ipv4': nsg({ source_address_prefix: '10.20.0.0/16' }),
        '@_ipv6': nsg({ source_address_prefix: 'fd00::/8' }),
        '@_ipv6_expanded': nsg({ source_address_prefix: 'fd00:0:0:0:0:0:0:0/8' }),
        '@_any': nsg({ source_address_prefix: 'VirtualNetwork' }),
        '@_star': nsg({ source_address_prefix: '*', access: 'Deny' }),
        '@_internet': nsg({ source_address_prefix: 'AzureLoadBalancer' }),
      },
    },
  ],
  [
    'sg-slash-zero',
    'HMS-SG-1',
    { aws_security_group_rule: { '@_ipv4': sshRule('ipv4', { cidr_blocks: ['0.0.0.0/0'] }), '@_both': sshRule('both', { cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'] }), '@_quarters': sshRule('quarters', { cidr_blocks: ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2'] }) } },
    { aws_security_group_rule: { '@_ipv4': sshRule('ipv4', { cidr_blocks: ['10.0.0.0/8'] }), '@_both': sshRule('both', { cidr_blocks: ['10.0.0.0/8', '172.16.0.0/12'] }), '@_quarters': sshRule('quarters', { cidr_blocks: ['10.0.0.0/10', '10.64.0.0/10'] }) } },
  ],
  [
    'default-sg-standalone-rules',
    'HMS-VPC-4',
    vpc({
      aws_default_security_group: { '@': { vpc_id: '${aws_vpc.@.id}' } },
      aws_vpc_security_group_ingress_rule: { '@': { security_group_id: '${aws_default_security_group.@.id}', ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.0.0.0/8' } },
    }),
    vpc({
      aws_default_security_group: { '@': { vpc_id: '${aws_vpc.@.id}' } },
      aws_security_group: { '@': { name: 'app', description: 'app', vpc_id: '${aws_vpc.@.id}' } },
      aws_vpc_security_group_ingress_rule: { '@': { security_group_id: '${aws_security_group.@.id}', ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.0.0.0/8' } },
    }),
  ],
  [
    'default-sg-legacy-rule',
    'HMS-VPC-4',
    vpc({ aws_security_group_rule: { '@': { type: 'egress', security_group_id: '${aws_vpc.@.default_security_group_id}', protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] } } }),
    vpc({ aws_default_security_group: { '@': { vpc_id: '${aws_vpc.@.id}' } } }),
  ],
  ...instanceSpellings('aws_instance', SAFE_INSTANCE),
  ...instanceSpellings('aws_launch_configuration', SAFE_LAUNCH_CONFIGURATION),
];

// Rendering -------------------------------------------------------------------
function substitute(v: unknown, name: string): unknown {
  // `.@.` is an address (underscores); any other `@` is a cloud or Kubernetes name (DNS labels: dashes).
  if (typeof v === 'string') return v.replaceAll('.@.', `.${name}.`).replaceAll('@', name.replaceAll('_', '-'));
  if (Array.isArray(v)) return v.map((x) => substitute(x, name));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, name)]));
  return v;
}

/** The resources of a spec with `@` replaced by the fixture's resource name (keys and strings, not policy `@`s: none use it). */
function named(resources: Resources, name: string): Resources {
  return Object.fromEntries(
    Object.entries(resources).map(([type, byName]) => [type, Object.fromEntries(Object.entries(byName).map(([n, body]) => [n.replaceAll('@', name), substitute(body, name)]))]),
  ) as Resources;
}

const hclString = (s: string) => JSON.stringify(s).replaceAll('%{', '%%{');
function hclValue(v: unknown, indent: string): string {
  if (typeof v === 'string') return hclString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => hclValue(x, indent)).join(', ')}]`;
  if (isObject(v)) {
    const inner = indent + '  ';
    return `{\n${Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)} = ${hclValue(x, inner)}`).join('\n')}\n${indent}}`;
  }
  throw new Error(`no HCL for ${String(v)}`);
}
function hclBody(body: Record<string, unknown>, indent: string): string[] {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined) continue; // removed by a variant, as JSON.stringify drops it
    const blocks = isObject(v) && !MAP_ATTRIBUTES.has(k) ? [v] : Array.isArray(v) && v.length > 0 && v.every(isObject) ? v : undefined;
    if (blocks) for (const b of blocks) lines.push(`${indent}${k} {`, ...hclBody(b, indent + '  '), `${indent}}`);
    else lines.push(`${indent}${k} = ${hclValue(v, indent)}`);
  }
  return lines;
}
function hcl(resources: Resources): string {
  const blocks = Object.entries(resources).flatMap(([type, byName]) => Object.entries(byName).map(([name, body]) => [`resource "${type}" "${name}" {`, ...hclBody(body, '  '), '}'].join('\n')));
  return blocks.join('\n\n') + '\n';
}

const dirOf = (ruleId: string) => ruleId.toLowerCase();

/** Writes one folder's four files; returns its table rows (every resource of the first type is a subject, or only the first). */
function writeFolder(folder: string, ruleId: string, insecure: Resources, secure: Resources, everySubject: boolean): string[] {
  const rows: string[] = [];
  const dir = join(HERE, folder);
  mkdirSync(dir, { recursive: true });
  for (const [kind, resources, expected] of [['insecure', insecure, 'FAIL'], ['secure', secure, 'pass']] as const) {
    for (const form of ['hcl', 'json'] as const) {
      const name = `${kind}_${form}`;
      const r = named(resources, name);
      const file = form === 'hcl' ? `${kind}.tf` : `${kind}.tf.json`;
      writeFileSync(join(dir, file), form === 'hcl' ? hcl(r) : JSON.stringify({ resource: r }, null, 2) + '\n');
      const [type] = Object.keys(r);
      const subjects = everySubject ? Object.keys(r[type]) : [Object.keys(r[type])[0]];
      for (const subject of subjects) rows.push([folder, `${type}.${subject}`, ruleId, expected].join('\t'));
    }
  }
  return rows;
}

const GENERATED = ['rules/', 'spellings/generated/'];

function main(): void {
  for (const folder of GENERATED) rmSync(join(HERE, folder), { recursive: true, force: true });
  const rows = [
    ...SPECS.flatMap(([ruleId, insecure, secure]) => writeFolder(`rules/${dirOf(ruleId)}`, ruleId, insecure, secure, false)),
    ...SPELLINGS.flatMap(([folder, ruleId, insecure, secure]) => writeFolder(`spellings/generated/${folder}`, ruleId, insecure, secure, true)),
  ];
  const table = join(HERE, 'expected.tsv');
  const kept = readFileSync(table, 'utf8').split('\n').filter((l) => l !== '' && !GENERATED.some((g) => l.startsWith(g)));
  writeFileSync(table, [...kept, ...rows].join('\n') + '\n');
}
main();
