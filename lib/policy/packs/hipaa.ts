import { ebsEncryptionByDefault } from '../rules/aws/ebs-encryption-by-default';
import { ebsVolumeCustomerKey } from '../rules/aws/ebs-volume-customer-key';
import { ebsVolumeEncrypted } from '../rules/aws/ebs-volume-encrypted';
import { eksAllLogs } from '../rules/aws/eks-all-logs';
import { eksAuditLogs } from '../rules/aws/eks-audit-logs';
import { eksNodeGroupFipsImage } from '../rules/aws/eks-node-group-fips-image';
import { eksNodeGroupNoRemoteAccess } from '../rules/aws/eks-node-group-no-remote-access';
import { eksPrivateEndpoint } from '../rules/aws/eks-private-endpoint';
import { eksPublicAccessCidrs } from '../rules/aws/eks-public-access-cidrs';
import { eksSecretsEncryption } from '../rules/aws/eks-secrets-encryption';
import { flowLogAllTraffic } from '../rules/aws/flow-log-all-traffic';
import { iamPolicyNoAdmin } from '../rules/aws/iam-policy-no-admin';
import { iamPolicyNoPrivilegeEscalation } from '../rules/aws/iam-policy-no-privilege-escalation';
import { kmsKeyDeletionWindow } from '../rules/aws/kms-key-deletion-window';
import { kmsKeyPolicyNoWildcard } from '../rules/aws/kms-key-policy-no-wildcard';
import { kmsKeyRotation } from '../rules/aws/kms-key-rotation';
import { launchTemplateCustomerKey } from '../rules/aws/launch-template-customer-key';
import { launchTemplateDisksEncrypted } from '../rules/aws/launch-template-disks-encrypted';
import { launchTemplateHopLimit } from '../rules/aws/launch-template-hop-limit';
import { launchTemplateImdsv2 } from '../rules/aws/launch-template-imdsv2';
import { launchTemplateMonitoring } from '../rules/aws/launch-template-monitoring';
import { launchTemplateNoPublicIp } from '../rules/aws/launch-template-no-public-ip';
import { launchTemplateUserDataSecrets } from '../rules/aws/launch-template-user-data-secrets';
import { logGroupEncrypted } from '../rules/aws/log-group-encrypted';
import { logGroupRetentionSet } from '../rules/aws/log-group-retention-set';
import { logGroupRetentionYear } from '../rules/aws/log-group-retention-year';
import { s3BucketKmsEncryption } from '../rules/aws/s3-bucket-kms-encryption';
import { s3BucketLogging } from '../rules/aws/s3-bucket-logging';
import { s3BucketNoPublicAcl } from '../rules/aws/s3-bucket-no-public-acl';
import { s3BucketPolicyNoPublicPrincipal } from '../rules/aws/s3-bucket-policy-no-public-principal';
import { s3BucketPublicAccessBlock } from '../rules/aws/s3-bucket-public-access-block';
import { s3BucketTlsOnly } from '../rules/aws/s3-bucket-tls-only';
import { s3BucketVersioning } from '../rules/aws/s3-bucket-versioning';
import { securityGroupAdminPorts } from '../rules/aws/security-group-admin-ports';
import { securityGroupHttpFromWorld } from '../rules/aws/security-group-http-from-world';
import { subnetNoPublicIp } from '../rules/aws/subnet-no-public-ip';
import { vpcFlowLogs } from '../rules/aws/vpc-flow-logs';
import { aksAuditDiagnostics } from '../rules/azure/aks-audit-diagnostics';
import { aksAzureRbac } from '../rules/azure/aks-azure-rbac';
import { aksDefender } from '../rules/azure/aks-defender';
import { aksDiskEncryptionSet } from '../rules/azure/aks-disk-encryption-set';
import { aksFips } from '../rules/azure/aks-fips';
import { aksHostEncryption } from '../rules/azure/aks-host-encryption';
import { aksLocalAccountsDisabled } from '../rules/azure/aks-local-accounts-disabled';
import { aksNetworkPolicy } from '../rules/azure/aks-network-policy';
import { aksNoNodePublicIp } from '../rules/azure/aks-no-node-public-ip';
import { aksOmsAgent } from '../rules/azure/aks-oms-agent';
import { aksPrivateApi } from '../rules/azure/aks-private-api';
import { aksRbac } from '../rules/azure/aks-rbac';
import { diskEncryptionSetDoubleEncryption } from '../rules/azure/disk-encryption-set-double-encryption';
import { flowLogRetention } from '../rules/azure/flow-log-retention';
import { keyVaultAuditLogs } from '../rules/azure/key-vault-audit-logs';
import { keyVaultKeyExpires } from '../rules/azure/key-vault-key-expires';
import { keyVaultKeyHsm } from '../rules/azure/key-vault-key-hsm';
import { keyVaultKeyRotates } from '../rules/azure/key-vault-key-rotates';
import { keyVaultPrivate } from '../rules/azure/key-vault-private';
import { keyVaultRecoverable } from '../rules/azure/key-vault-recoverable';
import { managedDiskCustomerKey } from '../rules/azure/managed-disk-customer-key';
import { managedDiskNoPublicAccess } from '../rules/azure/managed-disk-no-public-access';
import { networkFlowLogs } from '../rules/azure/network-flow-logs';
import { networkSecurityGroupAdminPorts } from '../rules/azure/network-security-group-admin-ports';
import { storageAccountBlobRecovery } from '../rules/azure/storage-account-blob-recovery';
import { storageAccountCustomerKey } from '../rules/azure/storage-account-customer-key';
import { storageAccountDefaultDeny } from '../rules/azure/storage-account-default-deny';
import { storageAccountHttpsOnly } from '../rules/azure/storage-account-https-only';
import { storageAccountNoAnonymousBlobs } from '../rules/azure/storage-account-no-anonymous-blobs';
import { storageAccountNoSharedKey } from '../rules/azure/storage-account-no-shared-key';
import { storageAccountPublicNetwork } from '../rules/azure/storage-account-public-network';
import { storageAccountTls12 } from '../rules/azure/storage-account-tls12';
import { subnetHasNetworkSecurityGroup } from '../rules/azure/subnet-has-network-security-group';
import { claimUsesEncryptedClass } from '../rules/k8s/claim-uses-encrypted-class';
import { namespaceDefaultDeny } from '../rules/k8s/namespace-default-deny';
import { rbacNoPublicBindings } from '../rules/k8s/rbac-no-public-bindings';
import { rbacNoWildcards } from '../rules/k8s/rbac-no-wildcards';
import { storageClassCustomerKey } from '../rules/k8s/storage-class-customer-key';
import { storageClassEncrypted } from '../rules/k8s/storage-class-encrypted';
import { workloadDropsCapabilities } from '../rules/k8s/workload-drops-capabilities';
import { workloadImagePinned } from '../rules/k8s/workload-image-pinned';
import { workloadNoHostNamespaces } from '../rules/k8s/workload-no-host-namespaces';
import { workloadNoHostPath } from '../rules/k8s/workload-no-host-path';
import { workloadNoPrivilegeEscalation } from '../rules/k8s/workload-no-privilege-escalation';
import { workloadNotPrivileged } from '../rules/k8s/workload-not-privileged';
import { workloadRunsAsNonRoot } from '../rules/k8s/workload-runs-as-non-root';
import { pack } from './pack';

/** HIPAA Security Rule, 45 CFR 164.308 (administrative) and 164.312 (technical safeguards). */
export const HIPAA = pack('hipaa', 'HIPAA Security Rule (45 CFR 164.308, 164.312)', 'HIPAA', [
  // 164.312(a)(2)(iv) encryption and decryption of ePHI at rest
  [ebsVolumeEncrypted, 'error', ['164.312(a)(2)(iv)']],
  [ebsVolumeCustomerKey, 'warning', ['164.312(a)(2)(iv)']],
  [launchTemplateDisksEncrypted, 'error', ['164.312(a)(2)(iv)']],
  [launchTemplateCustomerKey, 'warning', ['164.312(a)(2)(iv)']],
  [eksSecretsEncryption, 'error', ['164.312(a)(2)(iv)']],
  [logGroupEncrypted, 'error', ['164.312(a)(2)(iv)']],
  [s3BucketKmsEncryption, 'error', ['164.312(a)(2)(iv)']],
  [kmsKeyRotation, 'error', ['164.312(a)(2)(iv)']],
  [eksNodeGroupFipsImage, 'warning', ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)']],
  // 164.312(e)(1) transmission security
  [s3BucketTlsOnly, 'error', ['164.312(e)(1)', '164.312(e)(2)(i)']],
  [securityGroupHttpFromWorld, 'warning', ['164.312(e)(1)']],
  // 164.312(b) audit controls
  [eksAuditLogs, 'error', ['164.312(b)']],
  [eksAllLogs, 'warning', ['164.312(b)']],
  [vpcFlowLogs, 'error', ['164.312(b)']],
  [flowLogAllTraffic, 'warning', ['164.312(b)']],
  [logGroupRetentionSet, 'error', ['164.312(b)', '164.316(b)(2)(i)']],
  [logGroupRetentionYear, 'warning', ['164.316(b)(2)(i)']],
  [launchTemplateMonitoring, 'warning', ['164.312(b)']],
  [s3BucketLogging, 'warning', ['164.312(b)']],
  // 164.312(a)(1) access control, 164.308(a)(4) information access management
  [eksPrivateEndpoint, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [eksPublicAccessCidrs, 'error', ['164.312(a)(1)']],
  [launchTemplateImdsv2, 'error', ['164.312(a)(1)', '164.308(a)(4)']],
  [launchTemplateHopLimit, 'warning', ['164.308(a)(4)']],
  [launchTemplateNoPublicIp, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [subnetNoPublicIp, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [securityGroupAdminPorts, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [kmsKeyPolicyNoWildcard, 'error', ['164.308(a)(4)', '164.312(a)(1)']],
  [iamPolicyNoAdmin, 'error', ['164.308(a)(3)', '164.308(a)(4)']],
  [eksNodeGroupNoRemoteAccess, 'error', ['164.312(a)(1)', '164.312(d)']],
  [launchTemplateUserDataSecrets, 'error', ['164.312(d)', '164.312(a)(2)(iv)']],
  // 164.308(a)(7)(ii)(A) data backup plan
  [s3BucketVersioning, 'error', ['164.308(a)(7)(ii)(A)']],
  [kmsKeyDeletionWindow, 'warning', ['164.308(a)(7)(ii)(A)']],
  // Azure
  [aksHostEncryption, 'error', ['164.312(a)(2)(iv)']],
  [aksDiskEncryptionSet, 'error', ['164.312(a)(2)(iv)']],
  [aksPrivateApi, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [aksNoNodePublicIp, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [aksNetworkPolicy, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [aksOmsAgent, 'error', ['164.312(b)']],
  [aksAuditDiagnostics, 'error', ['164.312(b)']],
  [aksLocalAccountsDisabled, 'error', ['164.312(a)(1)', '164.312(a)(2)(i)', '164.312(d)']],
  [aksRbac, 'error', ['164.312(a)(1)', '164.308(a)(4)']],
  [aksAzureRbac, 'warning', ['164.308(a)(4)']],
  [aksFips, 'warning', ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)']],
  [aksDefender, 'warning', ['164.308(a)(1)(ii)(D)', '164.312(b)']],
  [managedDiskCustomerKey, 'error', ['164.312(a)(2)(iv)']],
  [diskEncryptionSetDoubleEncryption, 'warning', ['164.312(a)(2)(iv)']],
  [storageAccountHttpsOnly, 'error', ['164.312(e)(1)', '164.312(e)(2)(i)']],
  [storageAccountTls12, 'error', ['164.312(e)(1)', '164.312(e)(2)(ii)']],
  [networkSecurityGroupAdminPorts, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [subnetHasNetworkSecurityGroup, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [networkFlowLogs, 'error', ['164.312(b)']],
  [flowLogRetention, 'warning', ['164.316(b)(2)(i)']],
  [keyVaultPrivate, 'error', ['164.312(a)(1)', '164.312(a)(2)(iv)']],
  [keyVaultRecoverable, 'error', ['164.308(a)(7)(ii)(A)']],
  [keyVaultAuditLogs, 'error', ['164.312(b)']],
  [keyVaultKeyExpires, 'error', ['164.312(a)(2)(iv)']],
  [keyVaultKeyRotates, 'warning', ['164.312(a)(2)(iv)']],
  // Kubernetes
  [workloadNotPrivileged, 'error', ['164.312(a)(1)', '164.308(a)(4)']],
  [workloadNoPrivilegeEscalation, 'error', ['164.312(a)(1)']],
  [workloadDropsCapabilities, 'error', ['164.312(a)(1)']],
  [workloadRunsAsNonRoot, 'error', ['164.312(a)(1)']],
  [workloadNoHostNamespaces, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [workloadNoHostPath, 'error', ['164.312(a)(1)', '164.312(c)(1)']],
  [workloadImagePinned, 'error', ['164.312(c)(1)']],
  [namespaceDefaultDeny, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [storageClassEncrypted, 'error', ['164.312(a)(2)(iv)']],
  [storageClassCustomerKey, 'warning', ['164.312(a)(2)(iv)']],
  [claimUsesEncryptedClass, 'error', ['164.312(a)(2)(iv)']],
  // Issue 16
  [s3BucketPublicAccessBlock, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [s3BucketNoPublicAcl, 'error', ['164.312(a)(1)']],
  [s3BucketPolicyNoPublicPrincipal, 'error', ['164.312(a)(1)']],
  [ebsEncryptionByDefault, 'warning', ['164.312(a)(2)(iv)']],
  [iamPolicyNoPrivilegeEscalation, 'error', ['164.308(a)(3)', '164.308(a)(4)']],
  [storageAccountPublicNetwork, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [storageAccountNoAnonymousBlobs, 'error', ['164.312(a)(1)']],
  [storageAccountDefaultDeny, 'error', ['164.312(a)(1)', '164.312(e)(1)']],
  [storageAccountNoSharedKey, 'warning', ['164.312(a)(1)', '164.312(d)']],
  [storageAccountCustomerKey, 'warning', ['164.312(a)(2)(iv)']],
  [storageAccountBlobRecovery, 'warning', ['164.308(a)(7)(ii)(A)']],
  [managedDiskNoPublicAccess, 'warning', ['164.312(e)(1)']],
  [keyVaultKeyHsm, 'warning', ['164.312(a)(2)(iv)']],
  [rbacNoWildcards, 'error', ['164.312(a)(1)', '164.308(a)(4)']],
  [rbacNoPublicBindings, 'error', ['164.312(a)(1)']],
]);
