import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { STORAGE_ACCOUNT } from './private/storage-account';

/** Azure Policy 404c3081. */
export const storageAccountHttpsOnly: Rule = {
  id: 'HMS-ST-1',
  publicChecks: ['CKV_AZURE_3', 'AVD-AZU-0008', 'AVD-AZU-0059'],
  appliesTo: [STORAGE_ACCOUNT],
  summary: 'Storage accounts accept HTTPS only',
  rationale: 'State files and data in transit must be encrypted (SC-8, SC-8(1), HIPAA 164.312(e)(1)).',
  fix: 'Remove https_traffic_only_enabled = false (v3: enable_https_traffic_only); the default is HTTPS only.',
  check(r) {
    const v = bool(r.values.https_traffic_only_enabled) ?? bool(r.values.enable_https_traffic_only);
    if (v === 'unknown') return unknown('https_traffic_only_enabled is not known from the configuration', r.values.https_traffic_only_enabled, r.values.enable_https_traffic_only);
    return v === false ? fail('plain HTTP is allowed') : pass;
  },
};
