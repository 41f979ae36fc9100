import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';

/** NIST.800.53.R5-KMSBackingKeyRotationEnabled. */
export const kmsKeyRotation: Rule = {
  id: 'HMS-KMS-1',
  publicChecks: ['CKV_AWS_7', 'AVD-AWS-0065'],
  appliesTo: ['aws_kms_key'],
  summary: 'Symmetric KMS keys rotate automatically',
  rationale: 'Rotation limits how much data one key version protects (SC-12, SC-12(2)).',
  fix: 'Set enable_key_rotation = true.',
  check(r) {
    const spec = r.values.customer_master_key_spec ?? r.values.key_spec ?? 'SYMMETRIC_DEFAULT';
    // AWS rotates symmetric encryption keys only: not asymmetric, HMAC (key_usage SIGN_VERIFY, GENERATE_VERIFY_MAC) keys.
    const usage = r.values.key_usage ?? 'ENCRYPT_DECRYPT';
    if (spec !== 'SYMMETRIC_DEFAULT' || usage !== 'ENCRYPT_DECRYPT') return pass;
    const v = bool(r.values.enable_key_rotation);
    if (v === 'unknown') return unknown('rotation is not known from the configuration', r.values.enable_key_rotation);
    return v === true ? pass : fail('enable_key_rotation is not true');
  },
};
