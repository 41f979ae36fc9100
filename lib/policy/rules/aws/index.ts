import type { Rule } from '../../engine/rule';
import { defaultSecurityGroupClosed } from './default-security-group-closed';
import { ebsVolumeCustomerKey } from './ebs-volume-customer-key';
import { ebsVolumeEncrypted } from './ebs-volume-encrypted';
import { eksAllLogs, eksAuditLogs } from './eks-audit-logs';
import { eksNodeGroupFipsImage } from './eks-node-group-fips-image';
import { eksNodeGroupNoRemoteAccess } from './eks-node-group-no-remote-access';
import { eksPrivateEndpoint } from './eks-private-endpoint';
import { eksPublicAccessCidrs } from './eks-public-access-cidrs';
import { eksSecretsEncryption } from './eks-secrets-encryption';
import { iamPolicyNoAdmin } from './iam-policy-no-admin';
import { kmsKeyDeletionWindow } from './kms-key-deletion-window';
import { kmsKeyPolicyNoWildcard } from './kms-key-policy-no-wildcard';
import { kmsKeyRotation } from './kms-key-rotation';
import { launchTemplateCustomerKey } from './launch-template-customer-key';
import { launchTemplateDisksEncrypted } from './launch-template-disks-encrypted';
import { launchTemplateHopLimit } from './launch-template-hop-limit';
import { launchTemplateImdsv2 } from './launch-template-imdsv2';
import { launchTemplateMonitoring } from './launch-template-monitoring';
import { launchTemplateNoPublicIp } from './launch-template-no-public-ip';
import { launchTemplateUserDataSecrets } from './launch-template-user-data-secrets';
import { logGroupEncrypted } from './log-group-encrypted';
import { logGroupRetentionSet, logGroupRetentionYear } from './log-group-retention';
import { s3BucketKmsEncryption } from './s3-bucket-kms-encryption';
import { s3BucketLogging } from './s3-bucket-logging';
import { s3BucketTlsOnly } from './s3-bucket-tls-only';
import { s3BucketVersioning } from './s3-bucket-versioning';
import { securityGroupAdminPorts } from './security-group-admin-ports';
import { securityGroupEgressToWorld } from './security-group-egress-to-world';
import { securityGroupHttpFromWorld } from './security-group-http-from-world';
import { securityGroupDescription } from './security-group-description';
import { subnetNoPublicIp } from './subnet-no-public-ip';
import { flowLogAllTraffic, vpcFlowLogs } from './vpc-flow-logs';

import { iamPolicyNoWildcardActions } from './iam-policy-no-wildcard-actions';
import { iamPolicyNoPrivilegeEscalation } from './iam-policy-no-privilege-escalation';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block';
import { s3BucketNoPublicAcl } from './s3-bucket-no-public-acl';
import { s3BucketPolicyNoPublicPrincipal } from './s3-bucket-policy-no-public-principal';
import { ebsEncryptionByDefault } from './ebs-encryption-by-default';
import { kmsKeyEnabled } from './kms-key-enabled';
import { eksVersionSupported } from './eks-version-supported';
export const AWS_RULES: readonly Rule[] = [
  ebsVolumeEncrypted, ebsVolumeCustomerKey,
  launchTemplateDisksEncrypted, launchTemplateCustomerKey, launchTemplateImdsv2, launchTemplateHopLimit,
  launchTemplateNoPublicIp, launchTemplateUserDataSecrets, launchTemplateMonitoring,
  eksPrivateEndpoint, eksPublicAccessCidrs, eksSecretsEncryption, eksAuditLogs, eksAllLogs,
  eksNodeGroupNoRemoteAccess, eksNodeGroupFipsImage,
  logGroupEncrypted, logGroupRetentionSet, logGroupRetentionYear,
  vpcFlowLogs, flowLogAllTraffic, subnetNoPublicIp, defaultSecurityGroupClosed,
  securityGroupAdminPorts, securityGroupHttpFromWorld, securityGroupEgressToWorld, securityGroupDescription,
  kmsKeyRotation, kmsKeyPolicyNoWildcard, kmsKeyDeletionWindow, iamPolicyNoAdmin,
  s3BucketKmsEncryption, s3BucketVersioning, s3BucketTlsOnly, s3BucketLogging,
  iamPolicyNoWildcardActions, iamPolicyNoPrivilegeEscalation, s3BucketPublicAccessBlock, s3BucketNoPublicAcl, s3BucketPolicyNoPublicPrincipal, ebsEncryptionByDefault, kmsKeyEnabled, eksVersionSupported,
];
