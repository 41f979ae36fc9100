import { type Rule } from '../../engine/rule';
import { STORAGE_CLASS_TYPES, storageClassEncryption } from './private/storage-class';

/** Derived: EBS CSI `encrypted`/`kmsKeyId` and Azure Disk CSI `diskEncryptionSetID` parameters. */
export const storageClassEncrypted: Rule = {
  id: 'HMS-K8S-12',
  appliesTo: STORAGE_CLASS_TYPES,
  summary: 'Storage classes provision encrypted volumes with a customer key',
  rationale: 'Every dynamically provisioned volume inherits the class settings (SC-28, SC-28(1), SC-12).',
  fix: 'EBS CSI: parameters encrypted = "true" and kmsKeyId; Azure Disk CSI: parameters diskEncryptionSetID; Azure Files CSI: parameters storageAccount (an account with a customer key).',
  check: (r) => storageClassEncryption(r),
};
