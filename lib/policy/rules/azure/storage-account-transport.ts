import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool, isUnresolved } from '../../engine/values';

const ACCOUNT = 'azurerm_storage_account';

/** CKV_AZURE_3; Azure Policy 404c3081. */
export const storageAccountHttpsOnly: Rule = {
  id: 'HMS-ST-1',
  appliesTo: [ACCOUNT],
  summary: 'Storage accounts accept HTTPS only',
  rationale: 'State files and data in transit must be encrypted (SC-8, SC-8(1), HIPAA 164.312(e)(1)).',
  fix: 'Remove https_traffic_only_enabled = false (v3: enable_https_traffic_only); the default is HTTPS only.',
  check(r) {
    const v = bool(r.values.https_traffic_only_enabled) ?? bool(r.values.enable_https_traffic_only);
    if (v === 'unknown') return unknown('https_traffic_only_enabled is not known from the configuration', r.values.https_traffic_only_enabled, r.values.enable_https_traffic_only);
    return v === false ? fail('plain HTTP is allowed') : pass;
  },
};

/** CKV_AZURE_44. */
export const storageAccountTls12: Rule = {
  id: 'HMS-ST-2',
  appliesTo: [ACCOUNT],
  summary: 'Storage accounts require TLS 1.2 or newer',
  rationale: 'TLS 1.0 and 1.1 are not approved for federal systems (SC-8, SC-13).',
  fix: 'Set min_tls_version = "TLS1_2" (the azurerm default).',
  check(r) {
    const v = r.values.min_tls_version;
    if (isUnresolved(v)) return unknown('min_tls_version is not known from the configuration', v);
    return v === undefined || v === null || /^tls1_[23]$/i.test(String(v).trim()) ? pass : fail(`min_tls_version is ${JSON.stringify(v)}`);
  },
};
