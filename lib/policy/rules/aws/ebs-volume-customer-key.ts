import { fail, pass, type Rule } from '../../engine/rule';
import { isSet } from '../../engine/values';

/** CKV_AWS_189. */
export const ebsVolumeCustomerKey: Rule = {
  id: 'HMS-EBS-2',
  appliesTo: ['aws_ebs_volume'],
  summary: 'EBS volumes are encrypted with a customer-managed KMS key',
  rationale: 'A customer key lets the agency rotate, audit and revoke access to the data (SC-12, SC-28(1)).',
  fix: 'Set kms_key_id to a customer-managed key with rotation (EncryptedVolume creates one).',
  check: (r) => (isSet(r.values.kms_key_id) ? pass : fail('no kms_key_id: the volume uses the AWS-managed key')),
};
