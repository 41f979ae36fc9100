import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool, num } from '../../engine/values';
import { STORAGE_ACCOUNT } from './private/storage-account';

/** Azure Policy bf045164 area; PRW HIPAA storage_blob_versioning_is_enabled. */
export const storageAccountBlobRecovery: Rule = {
  id: 'HMS-ST-8',
  publicChecks: ['CKV2_AZURE_38', 'AVD-AZU-0056'],
  appliesTo: [STORAGE_ACCOUNT],
  summary: 'Blobs keep versions and soft-deleted copies (state containers can be restored)',
  rationale: 'A corrupted or deleted state file or log must be recoverable (CP-9, CP-10).',
  fix: 'Add blob_properties { versioning_enabled = true, delete_retention_policy { days = 30 }, container_delete_retention_policy { days = 30 } }.',
  check(r) {
    const props = block(r.values, 'blob_properties');
    const versioning = bool(props?.versioning_enabled);
    const days = num(block(props, 'delete_retention_policy')?.days);
    if (versioning === 'unknown' || days === 'unknown') return unknown('blob recovery settings are not known from the configuration', props?.versioning_enabled, block(props, 'delete_retention_policy')?.days);
    const missing = [versioning === true ? '' : 'versioning', block(props, 'delete_retention_policy') ? '' : 'blob soft delete'].filter(Boolean);
    return missing.length === 0 ? pass : fail(`no ${missing.join(' and no ')}`);
  },
};
