import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { STORAGE_ACCOUNT } from './private/storage-account';

/** Azure Policy 4fa4b6c0. */
export const storageAccountNoAnonymousBlobs: Rule = {
  id: 'HMS-ST-4',
  publicChecks: ['CKV_AZURE_190'],
  appliesTo: [STORAGE_ACCOUNT, 'azurerm_storage_container'],
  summary: 'No anonymous read access to blobs',
  rationale: 'Anonymous access publishes blobs to anyone with the URL (AC-3, AC-14, SC-7).',
  fix: 'Set allow_nested_items_to_be_public = false on the account (azurerm v2: allow_blob_public_access), and container_access_type = "private".',
  check(r) {
    if (r.type === 'azurerm_storage_container') {
      const t = r.values.container_access_type;
      if (typeof t === 'string' && t.includes('${')) return unknown('container_access_type is not known from the configuration', t);
      return t === undefined || t === null || String(t).trim().toLowerCase() === 'private' ? pass : fail(`container_access_type is ${JSON.stringify(t)}`);
    }
    // azurerm 4.x: allow_nested_items_to_be_public defaults to true.
    const raw = r.values.allow_nested_items_to_be_public ?? r.values.allow_blob_public_access;
    const v = bool(raw);
    if (v === 'unknown') return unknown('allow_nested_items_to_be_public is not known from the configuration', raw);
    return v === false ? pass : fail(`containers may be made public (allow_nested_items_to_be_public ${v === undefined ? 'defaults to true' : 'is true'})`);
  },
};
