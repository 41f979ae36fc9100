import { ebsVolumeCustomerKey } from '../../../lib/policy/rules/aws/ebs-volume-customer-key';
import { ebsVolumeEncrypted } from '../../../lib/policy/rules/aws/ebs-volume-encrypted';
import { eksAllLogs } from '../../../lib/policy/rules/aws/eks-all-logs';
import { eksAuditLogs } from '../../../lib/policy/rules/aws/eks-audit-logs';
import { eksNodeGroupFipsImage } from '../../../lib/policy/rules/aws/eks-node-group-fips-image';
import { eksNodeGroupNoRemoteAccess } from '../../../lib/policy/rules/aws/eks-node-group-no-remote-access';
import { eksPrivateEndpoint } from '../../../lib/policy/rules/aws/eks-private-endpoint';
import { eksPublicAccessCidrs } from '../../../lib/policy/rules/aws/eks-public-access-cidrs';
import { eksSecretsEncryption } from '../../../lib/policy/rules/aws/eks-secrets-encryption';
import { iamPolicyNoAdmin } from '../../../lib/policy/rules/aws/iam-policy-no-admin';
import { kmsKeyDeletionWindow } from '../../../lib/policy/rules/aws/kms-key-deletion-window';
import { kmsKeyPolicyNoWildcard } from '../../../lib/policy/rules/aws/kms-key-policy-no-wildcard';
import { kmsKeyRotation } from '../../../lib/policy/rules/aws/kms-key-rotation';
import { launchTemplateCustomerKey } from '../../../lib/policy/rules/aws/launch-template-customer-key';
import { launchTemplateDisksEncrypted } from '../../../lib/policy/rules/aws/launch-template-disks-encrypted';
import { launchTemplateHopLimit } from '../../../lib/policy/rules/aws/launch-template-hop-limit';
import { launchTemplateImdsv2 } from '../../../lib/policy/rules/aws/launch-template-imdsv2';
import { launchTemplateMonitoring } from '../../../lib/policy/rules/aws/launch-template-monitoring';
import { launchTemplateNoPublicIp } from '../../../lib/policy/rules/aws/launch-template-no-public-ip';
import { launchTemplateUserDataSecrets } from '../../../lib/policy/rules/aws/launch-template-user-data-secrets';
import { logGroupEncrypted } from '../../../lib/policy/rules/aws/log-group-encrypted';
import { logGroupRetentionSet } from '../../../lib/policy/rules/aws/log-group-retention-set';
import { logGroupRetentionYear } from '../../../lib/policy/rules/aws/log-group-retention-year';
import { s3BucketKmsEncryption } from '../../../lib/policy/rules/aws/s3-bucket-kms-encryption';
import { s3BucketLogging } from '../../../lib/policy/rules/aws/s3-bucket-logging';
import { s3BucketTlsOnly } from '../../../lib/policy/rules/aws/s3-bucket-tls-only';
import { s3BucketVersioning } from '../../../lib/policy/rules/aws/s3-bucket-versioning';
import { securityGroupAdminPorts } from '../../../lib/policy/rules/aws/security-group-admin-ports';
import { securityGroupEgressToWorld } from '../../../lib/policy/rules/aws/security-group-egress-to-world';
import { securityGroupHttpFromWorld } from '../../../lib/policy/rules/aws/security-group-http-from-world';
import { iamPolicyNoWildcardActions } from '../../../lib/policy/rules/aws/iam-policy-no-wildcard-actions';
import { iamPolicyNoPrivilegeEscalation } from '../../../lib/policy/rules/aws/iam-policy-no-privilege-escalation';
import { s3BucketPublicAccessBlock } from '../../../lib/policy/rules/aws/s3-bucket-public-access-block';
import { s3BucketNoPublicAcl } from '../../../lib/policy/rules/aws/s3-bucket-no-public-acl';
import { s3BucketPolicyNoPublicPrincipal } from '../../../lib/policy/rules/aws/s3-bucket-policy-no-public-principal';
import { ebsEncryptionByDefault } from '../../../lib/policy/rules/aws/ebs-encryption-by-default';
import { kmsKeyEnabled } from '../../../lib/policy/rules/aws/kms-key-enabled';
import { eksVersionSupported } from '../../../lib/policy/rules/aws/eks-version-supported';
import { securityGroupDescription } from '../../../lib/policy/rules/aws/security-group-description';
import { subnetNoPublicIp } from '../../../lib/policy/rules/aws/subnet-no-public-ip';
import { defaultSecurityGroupClosed } from '../../../lib/policy/rules/aws/default-security-group-closed';
import { flowLogAllTraffic } from '../../../lib/policy/rules/aws/flow-log-all-traffic';
import { vpcFlowLogs } from '../../../lib/policy/rules/aws/vpc-flow-logs';
import { describeRules, REF, resource as r, type RuleCases, rulesOfCloud } from '../../support/policy';

const KEY = REF('aws_kms_key.k', 'arn');
const UNKNOWN = REF('var.x', 'value');
const ebs = (v: Record<string, unknown>) => r('aws_ebs_volume.v', { availability_zone: 'a', size: 10, ...v });
const lt = (v: Record<string, unknown>) => r('aws_launch_template.lt', v);
const disk = (ebsValues: Record<string, unknown>) => ({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: ebsValues }] });
const eks = (vpc: Record<string, unknown>, extra: Record<string, unknown> = {}) => r('aws_eks_cluster.c', { vpc_config: vpc, ...extra });
const sg = (ingress: Record<string, unknown>[], extra: Record<string, unknown> = {}) => r('aws_security_group.s', { description: 'd', ingress, ...extra });
const policy = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const bucket = r('aws_s3_bucket.b', { bucket: 'state' });

const CASES: RuleCases[] = [
  { rule: ebsVolumeEncrypted, compliant: [ebs({ encrypted: true })], nonCompliant: [ebs({})], unknown: [ebs({ encrypted: UNKNOWN })] },
  { rule: ebsVolumeCustomerKey, compliant: [ebs({ kms_key_id: KEY })], nonCompliant: [ebs({})], unknown: 'a reference to a key counts as set' },
  {
    rule: launchTemplateDisksEncrypted,
    compliant: [lt(disk({ encrypted: 'true' }))],
    nonCompliant: [lt({ name: 'no-mappings' })],
    unknown: [lt(disk({ encrypted: UNKNOWN }))],
  },
  { rule: launchTemplateCustomerKey, compliant: [lt(disk({ kms_key_id: KEY }))], nonCompliant: [lt(disk({ encrypted: 'true' }))], unknown: 'a reference to a key counts as set' },
  { rule: launchTemplateImdsv2, compliant: [lt({ metadata_options: { http_tokens: 'required' } })], nonCompliant: [lt({})], unknown: [lt({ metadata_options: { http_tokens: UNKNOWN } })] },
  {
    rule: launchTemplateHopLimit,
    compliant: [lt({ metadata_options: { http_put_response_hop_limit: 1 } })],
    nonCompliant: [lt({ metadata_options: { http_put_response_hop_limit: 2 } })],
    unknown: [lt({ metadata_options: { http_put_response_hop_limit: UNKNOWN } })],
  },
  {
    rule: launchTemplateNoPublicIp,
    compliant: [lt({ network_interfaces: [{ associate_public_ip_address: 'false' }] })],
    nonCompliant: [lt({ network_interfaces: [{ associate_public_ip_address: 'true' }] })],
    unknown: [lt({ network_interfaces: [{ associate_public_ip_address: UNKNOWN }] })],
  },
  {
    rule: launchTemplateUserDataSecrets,
    compliant: [lt({ user_data: Buffer.from('#!/bin/bash\necho hello').toString('base64') })],
    nonCompliant: [lt({ user_data: Buffer.from('export AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP').toString('base64') })],
    unknown: 'user data is scanned as written; a reference cannot hide a literal secret',
  },
  { rule: launchTemplateMonitoring, compliant: [lt({ monitoring: { enabled: true } })], nonCompliant: [lt({})], unknown: [lt({ monitoring: { enabled: UNKNOWN } })] },
  {
    rule: eksPrivateEndpoint,
    compliant: [eks({ endpoint_private_access: true, endpoint_public_access: false })],
    nonCompliant: [eks({ subnet_ids: ['a', 'b'] })],
    unknown: [eks({ endpoint_private_access: true, endpoint_public_access: UNKNOWN })],
  },
  {
    rule: eksPublicAccessCidrs,
    compliant: [eks({ endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] })],
    nonCompliant: [eks({ endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'] })],
    unknown: [eks({ endpoint_public_access: true, public_access_cidrs: UNKNOWN })],
  },
  {
    rule: eksSecretsEncryption,
    compliant: [eks({}, { encryption_config: { resources: ['secrets'], provider: { key_arn: KEY } } })],
    nonCompliant: [eks({}, { encryption_config: { resources: ['secrets'], provider: {} } })],
    unknown: [eks({}, { encryption_config: { resources: UNKNOWN, provider: { key_arn: KEY } } })],
  },
  {
    rule: eksAuditLogs,
    compliant: [eks({}, { enabled_cluster_log_types: ['api', 'audit', 'authenticator'] })],
    nonCompliant: [eks({}, { enabled_cluster_log_types: ['api'] })],
    unknown: [eks({}, { enabled_cluster_log_types: UNKNOWN })],
  },
  {
    rule: eksAllLogs,
    compliant: [eks({}, { enabled_cluster_log_types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] })],
    nonCompliant: [eks({}, { enabled_cluster_log_types: ['api', 'audit', 'authenticator'] })],
    unknown: [eks({}, { enabled_cluster_log_types: UNKNOWN })],
  },
  {
    rule: eksNodeGroupNoRemoteAccess,
    compliant: [r('aws_eks_node_group.n', { node_group_name: 'n' })],
    nonCompliant: [r('aws_eks_node_group.n', { remote_access: { ec2_ssh_key: 'key' } })],
    unknown: 'remote access is a block that is present or not',
  },
  {
    rule: eksNodeGroupFipsImage,
    compliant: [r('aws_eks_node_group.n', { ami_type: 'BOTTLEROCKET_x86_64_FIPS' })],
    nonCompliant: [r('aws_eks_node_group.n', { ami_type: 'AL2023_x86_64_STANDARD' })],
    unknown: [r('aws_eks_node_group.n', { ami_type: 'CUSTOM', launch_template: { id: REF('aws_launch_template.lt') } }), lt({ user_data: 'plain' })],
  },
  { rule: logGroupEncrypted, compliant: [r('aws_cloudwatch_log_group.g', { kms_key_id: KEY })], nonCompliant: [r('aws_cloudwatch_log_group.g', {})], unknown: 'a reference to a key counts as set' },
  {
    rule: logGroupRetentionSet,
    compliant: [r('aws_cloudwatch_log_group.g', { retention_in_days: 30 })],
    nonCompliant: [r('aws_cloudwatch_log_group.g', {})],
    unknown: [r('aws_cloudwatch_log_group.g', { retention_in_days: UNKNOWN })],
  },
  {
    rule: logGroupRetentionYear,
    compliant: [r('aws_cloudwatch_log_group.g', { retention_in_days: 365 })],
    nonCompliant: [r('aws_cloudwatch_log_group.g', { retention_in_days: 90 })],
    unknown: [r('aws_cloudwatch_log_group.g', { retention_in_days: UNKNOWN })],
  },
  {
    rule: vpcFlowLogs,
    compliant: [r('aws_vpc.v', {}), r('aws_flow_log.f', { vpc_id: REF('aws_vpc.v'), traffic_type: 'ALL' })],
    nonCompliant: [r('aws_vpc.v', {}), r('aws_vpc.other', {}), r('aws_flow_log.f', { vpc_id: REF('aws_vpc.other') })],
    unknown: [r('aws_vpc.v', {}), r('aws_flow_log.f', { vpc_id: UNKNOWN })],
  },
  { rule: flowLogAllTraffic, compliant: [r('aws_flow_log.f', { traffic_type: 'ALL' })], nonCompliant: [r('aws_flow_log.f', { traffic_type: 'REJECT' })], unknown: 'traffic type is a literal enum in practice' },
  {
    rule: subnetNoPublicIp,
    compliant: [r('aws_subnet.s', { map_public_ip_on_launch: false })],
    nonCompliant: [r('aws_subnet.s', { map_public_ip_on_launch: true })],
    unknown: [r('aws_subnet.s', { map_public_ip_on_launch: UNKNOWN })],
  },
  {
    rule: defaultSecurityGroupClosed,
    compliant: [r('aws_vpc.v', {}), r('aws_default_security_group.d', { vpc_id: REF('aws_vpc.v') })],
    nonCompliant: [r('aws_vpc.v', {}), r('aws_default_security_group.d', { vpc_id: REF('aws_vpc.v'), ingress: [{ protocol: '-1', self: true }] })],
    unknown: 'adoption is a resource that exists or not',
  },
  {
    rule: securityGroupAdminPorts,
    compliant: [sg([{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }])],
    nonCompliant: [sg([{ from_port: 3389, to_port: 3389, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }])],
    unknown: [sg([{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: UNKNOWN }])],
  },
  {
    rule: securityGroupHttpFromWorld,
    compliant: [sg([{ from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }])],
    nonCompliant: [r('aws_vpc_security_group_ingress_rule.i', { from_port: 80, to_port: 80, ip_protocol: 'tcp', cidr_ipv4: '0.0.0.0/0' })],
    unknown: 'an unknown source range is reported by HMS-SG-1',
  },
  {
    rule: securityGroupEgressToWorld,
    compliant: [sg([], { egress: [] })],
    nonCompliant: [r('aws_security_group_rule.e', { type: 'egress', protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] })],
    unknown: 'an unknown destination range is reported by HMS-SG-1 for ingress and not guessed for egress',
  },
  { rule: securityGroupDescription, compliant: [sg([{ description: 'why', from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }])], nonCompliant: [r('aws_security_group.s', {})], unknown: 'a description is set or not' },
  { rule: kmsKeyRotation, compliant: [r('aws_kms_key.k', { enable_key_rotation: true })], nonCompliant: [r('aws_kms_key.k', {})], unknown: [r('aws_kms_key.k', { enable_key_rotation: UNKNOWN })] },
  {
    rule: kmsKeyPolicyNoWildcard,
    compliant: [r('aws_kms_key.k', { policy: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws-us-gov:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }) })],
    nonCompliant: [r('aws_kms_key.k', { policy: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }) })],
    unknown: [r('aws_kms_key.k', { policy: REF('data.aws_iam_policy_document.p', 'json') })],
  },
  { rule: kmsKeyDeletionWindow, compliant: [r('aws_kms_key.k', { deletion_window_in_days: 30 })], nonCompliant: [r('aws_kms_key.k', {})], unknown: [r('aws_kms_key.k', { deletion_window_in_days: UNKNOWN })] },
  {
    rule: iamPolicyNoAdmin,
    compliant: [r('aws_iam_role_policy.p', { policy: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) })],
    nonCompliant: [r('aws_iam_policy.p', { policy: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) })],
    unknown: [r('aws_iam_policy.p', { policy: REF('data.aws_iam_policy_document.p', 'json') })],
  },
  {
    rule: s3BucketKmsEncryption,
    compliant: [bucket, r('aws_s3_bucket_server_side_encryption_configuration.e', { bucket: REF('aws_s3_bucket.b'), rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } }] })],
    nonCompliant: [bucket, r('aws_s3_bucket_server_side_encryption_configuration.e', { bucket: 'state', rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }] })],
    unknown: 'encryption is a companion resource that exists or not',
  },
  {
    rule: s3BucketVersioning,
    compliant: [bucket, r('aws_s3_bucket_versioning.v', { bucket: REF('aws_s3_bucket.b'), versioning_configuration: { status: 'Enabled' } })],
    nonCompliant: [bucket, r('aws_s3_bucket_versioning.v', { bucket: REF('aws_s3_bucket.b'), versioning_configuration: { status: 'Suspended' } })],
    unknown: 'versioning is a companion resource that exists or not',
  },
  {
    rule: s3BucketTlsOnly,
    compliant: [bucket, r('aws_s3_bucket_policy.p', { bucket: REF('aws_s3_bucket.b'), policy: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }) })],
    nonCompliant: [bucket],
    unknown: 'the policy is a companion resource that exists or not',
  },
  {
    rule: s3BucketLogging,
    compliant: [bucket, r('aws_s3_bucket_logging.l', { bucket: REF('aws_s3_bucket.b'), target_bucket: 'logs' })],
    nonCompliant: [bucket],
    unknown: 'logging is a companion resource that exists or not',
  },
  {
    rule: iamPolicyNoWildcardActions,
    compliant: [r('aws_iam_policy.p', { policy: policy({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/*' }) })],
    nonCompliant: [r('aws_iam_policy.p', { policy: policy({ Effect: 'Allow', Action: 'EC2:*', Resource: '*' }) })],
    unknown: [r('aws_iam_policy.p', { policy: UNKNOWN })],
  },
  {
    rule: iamPolicyNoPrivilegeEscalation,
    compliant: [r('aws_iam_policy.p', { policy: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::1:role/node' }) })],
    nonCompliant: [r('aws_iam_policy.p', { policy: policy({ Effect: 'Allow', Action: 'IAM:*', Resource: '*' }) })],
    unknown: [r('aws_iam_policy.p', { policy: UNKNOWN })],
  },
  {
    rule: s3BucketPublicAccessBlock,
    compliant: [bucket, r('aws_s3_bucket_public_access_block.p', { bucket: REF('aws_s3_bucket.b'), block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true })],
    nonCompliant: [bucket, r('aws_s3_bucket_public_access_block.p', { bucket: REF('aws_s3_bucket.b'), block_public_acls: true })],
    unknown: [bucket, r('aws_s3_bucket_public_access_block.p', { bucket: REF('aws_s3_bucket.b'), block_public_acls: UNKNOWN, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true })],
  },
  { rule: s3BucketNoPublicAcl, compliant: [bucket], nonCompliant: [bucket, r('aws_s3_bucket_acl.a', { bucket: REF('aws_s3_bucket.b'), acl: 'Public-Read' })], unknown: [r('aws_s3_bucket.b', { acl: UNKNOWN })] },
  // A value that is no canned ACL (Terraform refuses it) is not read as private: unknown, never a pass.
  { rule: s3BucketNoPublicAcl, compliant: [r('aws_s3_bucket.b', { acl: 'log-delivery-write' })], nonCompliant: [r('aws_s3_bucket.b', { acl: 'authenticated-read' })], unknown: [r('aws_s3_bucket.b', { acl: 'website' })] },
  {
    rule: s3BucketPolicyNoPublicPrincipal,
    compliant: [r('aws_s3_bucket_policy.p', { policy: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 's3:GetObject', Resource: '*' }) })],
    nonCompliant: [r('aws_s3_bucket_policy.p', { policy: policy({ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 's3:GetObject', Resource: '*' }) })],
    unknown: [r('aws_s3_bucket_policy.p', { policy: UNKNOWN })],
  },
  { rule: ebsEncryptionByDefault, compliant: [r('aws_ebs_encryption_by_default.d', { enabled: true })], nonCompliant: [r('aws_ebs_encryption_by_default.d', { enabled: false })], unknown: [r('aws_ebs_encryption_by_default.d', { enabled: UNKNOWN })] },
  { rule: kmsKeyEnabled, compliant: [r('aws_kms_key.k', { is_enabled: true })], nonCompliant: [r('aws_kms_key.k', { is_enabled: 'false' })], unknown: [r('aws_kms_key.k', { is_enabled: UNKNOWN })] },
  { rule: eksVersionSupported, compliant: [eks({}, { version: '1.36' })], nonCompliant: [eks({}, { version: '1.29' })], unknown: [eks({}, { version: UNKNOWN })] },
];

describeRules(CASES);

test('every AWS rule has cases', () => {
  expect([...new Set(CASES.map((c) => c.rule.id))].sort()).toEqual(rulesOfCloud('aws').map((x) => x.id).sort());
});
