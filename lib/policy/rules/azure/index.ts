import type { Rule } from '../../engine/rule';
import { aksAzureRbac, aksLocalAccountsDisabled, aksRbac } from './aks-access-control';
import { aksAzurePolicy, aksNoHttpApplicationRouting, aksUpgradeChannel } from './aks-add-ons';
import { aksDiskEncryptionSet } from './aks-disk-encryption-set';
import { aksFips } from './aks-fips';
import { aksHostEncryption } from './aks-host-encryption';
import { aksAuditDiagnostics, aksDefender, aksOmsAgent } from './aks-monitoring';
import { aksNetworkPolicy } from './aks-network-policy';
import { aksNoNodePublicIp } from './aks-no-node-public-ip';
import { aksPrivateApi } from './aks-private-api';
import { keyVaultAuditLogs, keyVaultKeyExpires, keyVaultKeyRotates, keyVaultPrivate, keyVaultRecoverable } from './key-vault';
import { diskEncryptionSetDoubleEncryption, managedDiskCustomerKey } from './managed-disk-customer-key';
import { flowLogRetention, networkFlowLogs } from './network-flow-logs';
import { networkSecurityGroupAdminPorts } from './network-security-group-admin-ports';
import { storageAccountHttpsOnly, storageAccountTls12 } from './storage-account-transport';
import { subnetHasNetworkSecurityGroup } from './subnet-has-network-security-group';

import { storageAccountPublicNetwork } from './storage-account-public-network';
import { storageAccountDefaultDeny } from './storage-account-default-deny';
import { storageAccountNoAnonymousBlobs } from './storage-account-no-anonymous-blobs';
import { storageAccountNoSharedKey } from './storage-account-no-shared-key';
import { storageAccountCustomerKey } from './storage-account-customer-key';
import { storageAccountBlobRecovery } from './storage-account-blob-recovery';
import { managedDiskNoPublicAccess } from './managed-disk-no-public-access';
import { keyVaultSecretExpires } from './key-vault-secret-expires';
import { keyVaultKeyHsm } from './key-vault-key-hsm';
import { keyVaultPrivateEndpoint } from './key-vault-private-endpoint';
import { aksNoDashboard } from './aks-no-dashboard';
export const AZURE_RULES: readonly Rule[] = [
  aksHostEncryption, aksDiskEncryptionSet, aksPrivateApi, aksNoNodePublicIp, aksNetworkPolicy, aksOmsAgent,
  aksAuditDiagnostics, aksLocalAccountsDisabled, aksRbac, aksAzureRbac, aksAzurePolicy, aksNoHttpApplicationRouting,
  aksFips, aksUpgradeChannel, aksDefender,
  managedDiskCustomerKey, diskEncryptionSetDoubleEncryption, storageAccountHttpsOnly, storageAccountTls12,
  networkSecurityGroupAdminPorts, subnetHasNetworkSecurityGroup, networkFlowLogs, flowLogRetention,
  keyVaultPrivate, keyVaultRecoverable, keyVaultAuditLogs, keyVaultKeyExpires, keyVaultKeyRotates,
  storageAccountPublicNetwork, storageAccountNoAnonymousBlobs, storageAccountDefaultDeny, storageAccountNoSharedKey, storageAccountCustomerKey, storageAccountBlobRecovery, managedDiskNoPublicAccess, keyVaultSecretExpires, keyVaultKeyHsm, keyVaultPrivateEndpoint, aksNoDashboard,
];
