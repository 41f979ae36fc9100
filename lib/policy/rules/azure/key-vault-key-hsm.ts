import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved, num } from '../../engine/values';

export const keyVaultKeyHsm: Rule = {
  id: 'HMS-KV-7',
  publicChecks: ['CKV_AZURE_112'],
  appliesTo: ['azurerm_key_vault_key'],
  summary: 'Key Vault keys are HSM-backed (RSA-HSM or EC-HSM), RSA keys at least 2048 bits',
  rationale: 'HSM-protected keys never leave FIPS 140 validated hardware (SC-12, SC-13).',
  fix: 'Set key_type = "RSA-HSM" (key_size 3072) or "EC-HSM" in a Premium vault.',
  check(r) {
    const type = r.values.key_type;
    const size = num(r.values.key_size);
    if (isUnresolved(type) || size === 'unknown') return unknown('the key type is not known from the configuration', type, r.values.key_size);
    const t = String(type ?? '').trim().toUpperCase();
    if (!t.endsWith('-HSM')) return fail(`key_type is ${JSON.stringify(type)}, not HSM-backed`);
    return t === 'RSA-HSM' && size !== undefined && size < 2048 ? fail(`an RSA key of ${size} bits`) : pass;
  },
};
