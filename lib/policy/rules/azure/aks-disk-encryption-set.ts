import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { setState } from '../../engine/values';
import { AKS } from './private/aks';

/** Azure Policy 7d7be79c. */
export const aksDiskEncryptionSet: Rule = {
  id: 'HMS-AKS-2',
  publicChecks: ['CKV_AZURE_117', 'AVD-AZU-0067'],
  appliesTo: [AKS],
  summary: 'AKS OS and data disks use a customer-managed key',
  rationale: 'A disk encryption set puts node disk keys under agency control (SC-12, SC-28).',
  fix: 'Set disk_encryption_set_id to a disk encryption set backed by a Key Vault key.',
  check(r) {
    const set = setState(r.values.disk_encryption_set_id);
    if (set === 'unknown') return unknown('disk_encryption_set_id is not known from the configuration', r.values.disk_encryption_set_id);
    return set ? pass : fail('no disk_encryption_set_id');
  },
};
