import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';

/** Config ec2-ebs-encryption-by-default. */
export const ebsEncryptionByDefault: Rule = {
  id: 'HMS-EBS-3',
  publicChecks: ['CKV_AWS_106'],
  appliesTo: ['aws_ebs_encryption_by_default'],
  summary: 'EBS encryption by default is on for the account and region',
  rationale: 'Volumes created outside Terraform (by the EBS CSI driver, by hand) are then encrypted too (SC-28, SC-28(1)).',
  fix: 'Set enabled = true (the default of the resource).',
  check(r) {
    const v = bool(r.values.enabled);
    if (v === 'unknown') return unknown('enabled is not known from the configuration', r.values.enabled);
    // The resource's own default is true (AWS provider docs, ebs_encryption_by_default).
    return v === false ? fail('EBS encryption by default is turned off') : pass;
  },
};
