import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';

const DOUBLE = 'EncryptionAtRestWithPlatformAndCustomerKeys';

/** Azure Policy ca91455f. */
export const diskEncryptionSetDoubleEncryption: Rule = {
  id: 'HMS-DES-1',
  appliesTo: ['azurerm_disk_encryption_set'],
  summary: 'Disk encryption sets use platform and customer keys (double encryption)',
  rationale: 'Two layers of encryption with different keys protect against a single key compromise (SC-12, SC-28(1)).',
  fix: `Set encryption_type = "${DOUBLE}".`,
  check(r) {
    const type = r.values.encryption_type;
    if (isUnresolved(type)) return unknown('encryption_type is not known from the configuration', type);
    // azurerm validates the value case-sensitively (StringInSlice, false); omitted means EncryptionAtRestWithCustomerKey.
    return type === DOUBLE ? pass : fail(`encryption_type is ${JSON.stringify(type ?? 'EncryptionAtRestWithCustomerKey')}`);
  },
};
