import { defaultSecurityGroupClosed } from '../rules/aws/default-security-group-closed';
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
import { eksVersionSupported } from '../rules/aws/eks-version-supported';
import { flowLogAllTraffic } from '../rules/aws/flow-log-all-traffic';
import { iamPolicyNoAdmin } from '../rules/aws/iam-policy-no-admin';
import { iamPolicyNoPrivilegeEscalation } from '../rules/aws/iam-policy-no-privilege-escalation';
import { iamPolicyNoWildcardActions } from '../rules/aws/iam-policy-no-wildcard-actions';
import { kmsKeyDeletionWindow } from '../rules/aws/kms-key-deletion-window';
import { kmsKeyEnabled } from '../rules/aws/kms-key-enabled';
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
import { securityGroupDescription } from '../rules/aws/security-group-description';
import { securityGroupEgressToWorld } from '../rules/aws/security-group-egress-to-world';
import { securityGroupHttpFromWorld } from '../rules/aws/security-group-http-from-world';
import { subnetNoPublicIp } from '../rules/aws/subnet-no-public-ip';
import { vpcFlowLogs } from '../rules/aws/vpc-flow-logs';
import { aksAuditDiagnostics } from '../rules/azure/aks-audit-diagnostics';
import { aksAzurePolicy } from '../rules/azure/aks-azure-policy';
import { aksAzureRbac } from '../rules/azure/aks-azure-rbac';
import { aksDefender } from '../rules/azure/aks-defender';
import { aksDiskEncryptionSet } from '../rules/azure/aks-disk-encryption-set';
import { aksFips } from '../rules/azure/aks-fips';
import { aksHostEncryption } from '../rules/azure/aks-host-encryption';
import { aksLocalAccountsDisabled } from '../rules/azure/aks-local-accounts-disabled';
import { aksNetworkPolicy } from '../rules/azure/aks-network-policy';
import { aksNoDashboard } from '../rules/azure/aks-no-dashboard';
import { aksNoHttpApplicationRouting } from '../rules/azure/aks-no-http-application-routing';
import { aksNoNodePublicIp } from '../rules/azure/aks-no-node-public-ip';
import { aksOmsAgent } from '../rules/azure/aks-oms-agent';
import { aksPrivateApi } from '../rules/azure/aks-private-api';
import { aksRbac } from '../rules/azure/aks-rbac';
import { aksUpgradeChannel } from '../rules/azure/aks-upgrade-channel';
import { diskEncryptionSetDoubleEncryption } from '../rules/azure/disk-encryption-set-double-encryption';
import { flowLogRetention } from '../rules/azure/flow-log-retention';
import { keyVaultAuditLogs } from '../rules/azure/key-vault-audit-logs';
import { keyVaultKeyExpires } from '../rules/azure/key-vault-key-expires';
import { keyVaultKeyHsm } from '../rules/azure/key-vault-key-hsm';
import { keyVaultKeyRotates } from '../rules/azure/key-vault-key-rotates';
import { keyVaultPrivate } from '../rules/azure/key-vault-private';
import { keyVaultPrivateEndpoint } from '../rules/azure/key-vault-private-endpoint';
import { keyVaultRecoverable } from '../rules/azure/key-vault-recoverable';
import { keyVaultSecretExpires } from '../rules/azure/key-vault-secret-expires';
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
import { defaultServiceAccountNoAutomount } from '../rules/k8s/default-service-account-no-automount';
import { namespaceDefaultDeny } from '../rules/k8s/namespace-default-deny';
import { rbacNoPublicBindings } from '../rules/k8s/rbac-no-public-bindings';
import { rbacNoWildcards } from '../rules/k8s/rbac-no-wildcards';
import { storageClassCustomerKey } from '../rules/k8s/storage-class-customer-key';
import { storageClassEncrypted } from '../rules/k8s/storage-class-encrypted';
import { workloadDropsCapabilities } from '../rules/k8s/workload-drops-capabilities';
import { workloadImagePinned } from '../rules/k8s/workload-image-pinned';
import { workloadNoHostNamespaces } from '../rules/k8s/workload-no-host-namespaces';
import { workloadNoHostPath } from '../rules/k8s/workload-no-host-path';
import { workloadNoHostPort } from '../rules/k8s/workload-no-host-port';
import { workloadNoPrivilegeEscalation } from '../rules/k8s/workload-no-privilege-escalation';
import { workloadNoSecretEnv } from '../rules/k8s/workload-no-secret-env';
import { workloadNoTokenAutomount } from '../rules/k8s/workload-no-token-automount';
import { workloadNotDefaultNamespace } from '../rules/k8s/workload-not-default-namespace';
import { workloadNotPrivileged } from '../rules/k8s/workload-not-privileged';
import { workloadReadOnlyRoot } from '../rules/k8s/workload-read-only-root';
import { workloadResourceLimits } from '../rules/k8s/workload-resource-limits';
import { workloadRunsAsNonRoot } from '../rules/k8s/workload-runs-as-non-root';
import { workloadSeccomp } from '../rules/k8s/workload-seccomp';
import { pack } from './pack';

/**
 * FedRAMP Moderate (NIST SP 800-53 rev5). Severity follows ../shared/COMPLIANCE-MAP.md:
 * error when the setting is decided at synth time and directly breaks the control,
 * warning for thresholds, account-level settings and hygiene.
 */
export const FEDRAMP_MODERATE = pack('fedramp-moderate', 'FedRAMP Moderate (NIST SP 800-53 rev5)', 'NIST 800-53', [
  // SC-28 protection of information at rest; SC-12/13 keys and cryptography
  [ebsVolumeEncrypted, 'error', ['SC-28', 'SC-28(1)']],
  [ebsVolumeCustomerKey, 'warning', ['SC-12', 'SC-28(1)']],
  [launchTemplateDisksEncrypted, 'error', ['SC-28', 'SC-28(1)']],
  [launchTemplateCustomerKey, 'warning', ['SC-12', 'SC-28(1)']],
  [eksSecretsEncryption, 'error', ['SC-28', 'SC-12']],
  [logGroupEncrypted, 'error', ['SC-28(1)', 'AU-9']],
  [s3BucketKmsEncryption, 'error', ['SC-28', 'SC-28(1)']],
  [kmsKeyRotation, 'error', ['SC-12', 'SC-12(2)']],
  [kmsKeyDeletionWindow, 'warning', ['SC-12', 'CP-9']],
  [eksNodeGroupFipsImage, 'error', ['SC-13']],
  // SC-7 boundary protection, AC-4 information flow
  [eksPrivateEndpoint, 'error', ['SC-7', 'AC-4', 'AC-17']],
  [eksPublicAccessCidrs, 'error', ['SC-7', 'AC-4']],
  [launchTemplateNoPublicIp, 'error', ['SC-7', 'AC-4']],
  [subnetNoPublicIp, 'error', ['SC-7', 'AC-4']],
  [defaultSecurityGroupClosed, 'warning', ['SC-7', 'AC-4']],
  [securityGroupAdminPorts, 'error', ['SC-7', 'AC-4', 'AC-17']],
  [securityGroupHttpFromWorld, 'warning', ['SC-7', 'SC-8']],
  [securityGroupEgressToWorld, 'warning', ['SC-7(5)', 'AC-4']],
  // SC-8 transmission confidentiality
  [s3BucketTlsOnly, 'error', ['SC-8', 'SC-8(1)']],
  // AU-2/AU-12 event logging, AU-11 retention, SI-4 monitoring
  [eksAuditLogs, 'error', ['AU-2', 'AU-12']],
  [eksAllLogs, 'warning', ['AU-12', 'SI-4']],
  [vpcFlowLogs, 'error', ['AU-2', 'AU-12', 'SI-4(17)']],
  [flowLogAllTraffic, 'warning', ['AU-12', 'SI-4']],
  [logGroupRetentionSet, 'error', ['AU-11']],
  [logGroupRetentionYear, 'warning', ['AU-11', 'SI-12']],
  [launchTemplateMonitoring, 'warning', ['SI-4']],
  [s3BucketLogging, 'warning', ['AU-2', 'AU-12']],
  // AC-6 least privilege, IA-5 authenticators
  [launchTemplateImdsv2, 'error', ['AC-6', 'AC-3']],
  [launchTemplateHopLimit, 'warning', ['AC-6', 'CM-2']],
  [kmsKeyPolicyNoWildcard, 'error', ['AC-6', 'AC-3', 'SC-12']],
  [iamPolicyNoAdmin, 'error', ['AC-6', 'AC-6(10)']],
  [eksNodeGroupNoRemoteAccess, 'error', ['IA-5', 'AC-17', 'SC-7']],
  [launchTemplateUserDataSecrets, 'error', ['IA-5', 'SC-28']],
  // CM-6 configuration settings, CP-9 backup
  [securityGroupDescription, 'warning', ['CM-6']],
  [s3BucketVersioning, 'error', ['CP-9']],
  // Azure (AKS, disks, storage, network, Key Vault)
  [aksHostEncryption, 'error', ['SC-28', 'SC-28(1)']],
  [aksDiskEncryptionSet, 'error', ['SC-12', 'SC-28']],
  [aksPrivateApi, 'error', ['SC-7', 'AC-4', 'AC-17']],
  [aksNoNodePublicIp, 'error', ['SC-7', 'AC-4']],
  [aksNetworkPolicy, 'error', ['SC-7', 'AC-4']],
  [aksOmsAgent, 'error', ['AU-12', 'SI-4']],
  [aksAuditDiagnostics, 'error', ['AU-2', 'AU-12']],
  [aksLocalAccountsDisabled, 'error', ['AC-2', 'AC-6', 'IA-2', 'IA-5']],
  [aksRbac, 'error', ['AC-3', 'AC-6', 'IA-2']],
  [aksAzureRbac, 'warning', ['AC-2', 'AC-6']],
  [aksAzurePolicy, 'error', ['CM-6', 'CM-7']],
  [aksNoHttpApplicationRouting, 'error', ['CM-7', 'SC-7']],
  [aksFips, 'error', ['SC-13']],
  [aksUpgradeChannel, 'warning', ['SI-2']],
  [aksDefender, 'warning', ['SI-4', 'RA-5']],
  [managedDiskCustomerKey, 'error', ['SC-28', 'SC-12']],
  [diskEncryptionSetDoubleEncryption, 'warning', ['SC-12', 'SC-28(1)']],
  [storageAccountHttpsOnly, 'error', ['SC-8', 'SC-8(1)']],
  [storageAccountTls12, 'error', ['SC-8', 'SC-13']],
  [networkSecurityGroupAdminPorts, 'error', ['SC-7', 'AC-4', 'AC-17']],
  [subnetHasNetworkSecurityGroup, 'error', ['SC-7', 'AC-4']],
  [networkFlowLogs, 'error', ['AU-12', 'SI-4']],
  [flowLogRetention, 'warning', ['AU-11']],
  [keyVaultPrivate, 'error', ['SC-7', 'SC-12']],
  [keyVaultRecoverable, 'error', ['CP-9', 'SC-12']],
  [keyVaultAuditLogs, 'error', ['AU-2', 'AU-12']],
  [keyVaultKeyExpires, 'error', ['IA-5', 'SC-12']],
  [keyVaultKeyRotates, 'warning', ['SC-12', 'SC-12(2)']],
  // Kubernetes workloads, namespaces and storage
  [workloadNotPrivileged, 'error', ['AC-6', 'CM-6']],
  [workloadNoPrivilegeEscalation, 'error', ['AC-6', 'CM-6']],
  [workloadDropsCapabilities, 'error', ['AC-6', 'CM-7']],
  [workloadRunsAsNonRoot, 'error', ['AC-6', 'CM-6']],
  [workloadNoHostNamespaces, 'error', ['SC-7', 'AC-6', 'CM-6']],
  [workloadNoHostPath, 'error', ['AC-6', 'SC-4']],
  [workloadSeccomp, 'warning', ['CM-7', 'SC-39']],
  [workloadReadOnlyRoot, 'warning', ['CM-6', 'SI-7']],
  // The compliance map suggests a warning; a floating tag makes the baseline unknowable, so it blocks.
  [workloadImagePinned, 'error', ['CM-2', 'CM-6', 'SI-7']],
  [workloadResourceLimits, 'warning', ['SC-6', 'CM-6']],
  [namespaceDefaultDeny, 'error', ['SC-7', 'SC-7(5)', 'AC-4']],
  [storageClassEncrypted, 'error', ['SC-28', 'SC-28(1)']],
  [storageClassCustomerKey, 'warning', ['SC-12', 'SC-28(1)']],
  [claimUsesEncryptedClass, 'error', ['SC-28']],
  [workloadNotDefaultNamespace, 'warning', ['AC-4', 'SC-7']],
  [workloadNoTokenAutomount, 'warning', ['AC-6', 'IA-5']],
  // Issue 16: rules on resources we create or that agencies put next to ours
  [s3BucketPublicAccessBlock, 'error', ['AC-3', 'AC-21', 'SC-7']],
  [s3BucketNoPublicAcl, 'error', ['AC-3', 'AC-21', 'SC-7']],
  [s3BucketPolicyNoPublicPrincipal, 'error', ['AC-3', 'AC-21', 'SC-7']],
  [ebsEncryptionByDefault, 'warning', ['SC-28', 'SC-28(1)']],
  [kmsKeyEnabled, 'warning', ['SC-12', 'CP-9']],
  [eksVersionSupported, 'error', ['SI-2', 'CM-2']],
  [iamPolicyNoWildcardActions, 'warning', ['AC-6', 'AC-6(10)']],
  [iamPolicyNoPrivilegeEscalation, 'error', ['AC-6', 'AC-6(10)', 'AC-2']],
  [storageAccountPublicNetwork, 'error', ['SC-7', 'AC-4']],
  [storageAccountNoAnonymousBlobs, 'error', ['AC-3', 'AC-14', 'SC-7']],
  [storageAccountDefaultDeny, 'error', ['SC-7', 'SC-7(5)']],
  [storageAccountNoSharedKey, 'warning', ['IA-2', 'IA-5', 'AC-2']],
  [storageAccountCustomerKey, 'warning', ['SC-12', 'SC-28(1)']],
  [storageAccountBlobRecovery, 'warning', ['CP-9', 'CP-10']],
  [managedDiskNoPublicAccess, 'warning', ['SC-7', 'AC-4']],
  [keyVaultSecretExpires, 'warning', ['IA-5', 'IA-5(1)']],
  [keyVaultKeyHsm, 'warning', ['SC-12', 'SC-13']],
  [keyVaultPrivateEndpoint, 'warning', ['SC-7', 'SC-7(3)']],
  [aksNoDashboard, 'error', ['CM-7', 'AC-6']],
  [rbacNoWildcards, 'error', ['AC-6', 'AC-6(10)']],
  [rbacNoPublicBindings, 'error', ['AC-3', 'AC-6', 'AC-14']],
  [defaultServiceAccountNoAutomount, 'warning', ['AC-6', 'IA-5']],
  [workloadNoHostPort, 'warning', ['SC-7', 'CM-7']],
  [workloadNoSecretEnv, 'warning', ['IA-5', 'SC-28']],
]);
