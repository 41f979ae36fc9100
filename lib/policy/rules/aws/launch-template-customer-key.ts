import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { setState } from '../../engine/values';
import { disksOf, INSTANCE_TYPES } from './private/instance-settings';

/** The customer-key check of EBS volumes (checkov CKV_AWS_189), applied to instance and template disks. */
export const launchTemplateCustomerKey: Rule = {
  id: 'HMS-LT-2',
  appliesTo: INSTANCE_TYPES,
  summary: 'Instance disks use a customer-managed KMS key',
  rationale: 'A customer key keeps rotation and revocation with the agency (SC-12, SC-28(1)).',
  fix: 'Set kms_key_id on every device (launch templates: block_device_mappings[*].ebs.kms_key_id) to a customer key that EC2 Auto Scaling may use.',
  check(r) {
    const disks = disksOf(r);
    const unknowns = disks.filter((d) => setState(d.kmsKeyId) === 'unknown');
    const missing = disks.filter((d) => setState(d.kmsKeyId) === false);
    if (missing.length > 0) return fail(`${missing.map((d) => d.name).join(', ')} use the AWS-managed key`);
    return unknowns.length > 0 ? unknown('the disk key is not known from the configuration', unknowns.map((d) => d.kmsKeyId)) : pass;
  },
};
