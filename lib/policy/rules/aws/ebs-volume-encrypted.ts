import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';

/** AwsSolutions-EC26. */
export const ebsVolumeEncrypted: Rule = {
  id: 'HMS-EBS-1',
  publicChecks: ['CKV_AWS_3', 'AVD-AWS-0026'],
  appliesTo: ['aws_ebs_volume'],
  summary: 'EBS volumes are encrypted',
  rationale: 'Data at rest on block storage must be encrypted (SC-28, HIPAA 164.312(a)(2)(iv)).',
  fix: 'Set encrypted = true (EncryptedVolume does), or enable EBS encryption by default for the account.',
  check(r) {
    const v = bool(r.values.encrypted);
    if (v === 'unknown') return unknown('encrypted is not known from the configuration', r.values.encrypted);
    return v === true ? pass : fail('the volume is not encrypted');
  },
};
