import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool, setState } from '../../engine/values';

/** Azure Policy 702dd420. */
export const managedDiskCustomerKey: Rule = {
  id: 'HMS-DISK-1',
  publicChecks: ['CKV_AZURE_93', 'CKV_AZURE_2', 'AVD-AZU-0038'],
  appliesTo: ['azurerm_managed_disk'],
  summary: 'Managed disks are encrypted with a customer-managed key',
  rationale: 'A disk encryption set keeps data keys under agency control (SC-28, SC-12).',
  fix: 'Set disk_encryption_set_id to a disk encryption set backed by a Key Vault key.',
  check(r) {
    if (bool(block(r.values, 'encryption_settings')?.enabled) === false) return fail('encryption_settings.enabled is false');
    // Optional: a variable without a default may be null, which leaves the platform key.
    const set = setState(r.values.disk_encryption_set_id);
    if (set === 'unknown') return unknown('disk_encryption_set_id is not known from the configuration', r.values.disk_encryption_set_id);
    return set ? pass : fail('no disk_encryption_set_id: the disk uses a platform key');
  },
};
