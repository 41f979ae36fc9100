import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';

/** CKV_AWS_7; NIST.800.53.R5-KMSBackingKeyRotationEnabled. */
export const kmsKeyRotation: Rule = {
  id: 'HMS-KMS-1',
  appliesTo: ['aws_kms_key'],
  summary: 'Symmetric KMS keys rotate automatically',
  rationale: 'Rotation limits how much data one key version protects (SC-12, SC-12(2)).',
  fix: 'Set enable_key_rotation = true.',
  check(r) {
    const spec = r.values.customer_master_key_spec ?? r.values.key_spec ?? 'SYMMETRIC_DEFAULT';
    if (spec !== 'SYMMETRIC_DEFAULT') return pass; // AWS cannot rotate asymmetric or HMAC keys
    const v = bool(r.values.enable_key_rotation);
    if (v === 'unknown') return unknown('rotation is not known from the configuration', r.values.enable_key_rotation);
    return v === true ? pass : fail('enable_key_rotation is not true');
  },
};
