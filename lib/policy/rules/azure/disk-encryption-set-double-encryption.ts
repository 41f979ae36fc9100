import { fail, pass, type Rule } from '../../engine/rule';

/** Azure Policy ca91455f. */
export const diskEncryptionSetDoubleEncryption: Rule = {
  id: 'HMS-DES-1',
  appliesTo: ['azurerm_disk_encryption_set'],
  summary: 'Disk encryption sets use platform and customer keys (double encryption)',
  rationale: 'Two layers of encryption with different keys protect against a single key compromise (SC-12, SC-28(1)).',
  fix: 'Set encryption_type = "EncryptionAtRestWithPlatformAndCustomerKeys".',
  check: (r) => (r.values.encryption_type === 'EncryptionAtRestWithPlatformAndCustomerKeys' ? pass : fail(`encryption_type is ${JSON.stringify(r.values.encryption_type ?? 'EncryptionAtRestWithCustomerKey')}`)),
};
