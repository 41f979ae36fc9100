import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';

export const kmsKeyEnabled: Rule = {
  id: 'HMS-KMS-4',
  publicChecks: ['CKV_AWS_227'],
  appliesTo: ['aws_kms_key'],
  summary: 'KMS keys are enabled',
  rationale: 'Data encrypted under a disabled key cannot be read: volumes fail to attach, logs fail to write (SC-12, CP-9).',
  fix: 'Remove is_enabled = false, or delete the key on purpose with a deletion window.',
  check(r) {
    const v = bool(r.values.is_enabled);
    if (v === 'unknown') return unknown('is_enabled is not known from the configuration', r.values.is_enabled);
    return v === false ? fail('the key is disabled') : pass;
  },
};
