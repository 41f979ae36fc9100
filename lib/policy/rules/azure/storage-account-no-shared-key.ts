import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { STORAGE_ACCOUNT } from './private/storage-account';

/** Azure Policy 8c6a50c6 (storage accounts should prevent shared key access). */
export const storageAccountNoSharedKey: Rule = {
  id: 'HMS-ST-6',
  publicChecks: ['CKV2_AZURE_40'],
  appliesTo: [STORAGE_ACCOUNT],
  summary: 'Storage accounts refuse shared-key access (Entra ID only)',
  rationale: 'Account keys are shared, unattributable, full-access credentials (IA-2, IA-5, AC-2).',
  fix: 'Set shared_access_key_enabled = false and give identities data-plane roles (Storage Blob Data Contributor); the azurerm provider needs storage_use_azuread = true.',
  check(r) {
    const v = bool(r.values.shared_access_key_enabled);
    if (v === 'unknown') return unknown('shared_access_key_enabled is not known from the configuration', r.values.shared_access_key_enabled);
    return v === false ? pass : fail(`shared-key access is ${v === undefined ? 'on by default' : 'on'}`);
  },
};
