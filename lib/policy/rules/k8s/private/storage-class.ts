import type { TfResource } from '../../../engine/document';
import { fail, pass, unknown, type Outcome } from '../../../engine/rule';
import { isObject, isSet, isUnresolved } from '../../../engine/values';

export const STORAGE_CLASS_TYPES = ['kubernetes_storage_class', 'kubernetes_storage_class_v1'];
/** Encryption of volumes a storage class provisions, by provisioner. */
export function storageClassEncryption(sc: TfResource): Outcome {
  const provisioner = sc.values.storage_provisioner;
  const params = isObject(sc.values.parameters) ? sc.values.parameters : {};
  if (isUnresolved(provisioner)) return unknown('the provisioner is not known from the configuration', provisioner);
  if (provisioner === 'ebs.csi.aws.com' || provisioner === 'kubernetes.io/aws-ebs') {
    if (isUnresolved(params.encrypted)) return unknown('parameters.encrypted is not known from the configuration', params.encrypted);
    return String(params.encrypted) === 'true' ? pass : fail('EBS volumes are provisioned without parameters.encrypted = "true"');
  }
  if (provisioner === 'disk.csi.azure.com' || provisioner === 'kubernetes.io/azure-disk') {
    return isSet(params.diskEncryptionSetID) ? pass : fail('Azure disks are provisioned without parameters.diskEncryptionSetID (customer key)');
  }
  if (provisioner === 'file.csi.azure.com') {
    // Azure Files always encrypts at rest; whose key depends on the account. A class that
    // names an account provisions into it (its customer key is checked on the account);
    // one that names none lets the driver create accounts with Microsoft-managed keys.
    return isSet(params.storageAccount) ? pass : fail('Azure Files shares are provisioned without parameters.storageAccount, in accounts the driver creates with Microsoft-managed keys');
  }
  return unknown(`hms-sys cannot tell whether ${String(provisioner)} encrypts its volumes`);
}

