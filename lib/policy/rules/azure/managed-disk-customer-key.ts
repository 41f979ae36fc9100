import { fail, pass, type Rule } from '../../engine/rule';
import { block, bool, isSet } from '../../engine/values';

/** CKV_AZURE_93, CKV_AZURE_2; Azure Policy 702dd420. */
export const managedDiskCustomerKey: Rule = {
  id: 'HMS-DISK-1',
  appliesTo: ['azurerm_managed_disk'],
  summary: 'Managed disks are encrypted with a customer-managed key',
  rationale: 'A disk encryption set keeps data keys under agency control (SC-28, SC-12).',
  fix: 'Set disk_encryption_set_id to a disk encryption set backed by a Key Vault key.',
  check(r) {
    if (bool(block(r.values, 'encryption_settings')?.enabled) === false) return fail('encryption_settings.enabled is false');
    return isSet(r.values.disk_encryption_set_id) ? pass : fail('no disk_encryption_set_id: the disk uses a platform key');
  },
};
