import { azureDiskStorage, ebsStorage, type IKubernetesTarget } from '../../lib/k8s/target';

export const EKS_TARGET: IKubernetesTarget = { networkPolicyEnforced: true, storage: ebsStorage('arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/abc') };
export const AKS_TARGET: IKubernetesTarget = { networkPolicyEnforced: true, storage: azureDiskStorage('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des') };
export const UNENFORCED_TARGET: IKubernetesTarget = { ...EKS_TARGET, networkPolicyEnforced: false };
