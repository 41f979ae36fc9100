import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { setState } from '../../engine/values';

export const ebsVolumeCustomerKey: Rule = {
  id: 'HMS-EBS-2',
  publicChecks: ['CKV_AWS_189', 'AVD-AWS-0027'],
  appliesTo: ['aws_ebs_volume'],
  summary: 'EBS volumes are encrypted with a customer-managed KMS key',
  rationale: 'A customer key lets the agency rotate, audit and revoke access to the data (SC-12, SC-28(1)).',
  fix: 'Set kms_key_id to a customer-managed key with rotation (EncryptedVolume creates one).',
  check(r) {
    const set = setState(r.values.kms_key_id);
    if (set === 'unknown') return unknown('kms_key_id is not known from the configuration', r.values.kms_key_id);
    return set ? pass : fail('no kms_key_id: the volume uses the AWS-managed key');
  },
};
