import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { STORAGE_ACCOUNT } from './private/storage-account';

export const storageAccountTls12: Rule = {
  id: 'HMS-ST-2',
  publicChecks: ['CKV_AZURE_44', 'AVD-AZU-0011', 'AVD-AZU-0059'],
  appliesTo: [STORAGE_ACCOUNT],
  summary: 'Storage accounts require TLS 1.2 or newer',
  rationale: 'TLS 1.0 and 1.1 are not approved for federal systems (SC-8, SC-13).',
  fix: 'Set min_tls_version = "TLS1_2" (the azurerm default).',
  check(r) {
    const v = r.values.min_tls_version;
    if (isUnresolved(v)) return unknown('min_tls_version is not known from the configuration', v);
    return v === undefined || v === null || /^tls1_[23]$/i.test(String(v).trim()) ? pass : fail(`min_tls_version is ${JSON.stringify(v)}`);
  },
};
