import { fail, pass, type Rule } from '../../engine/rule';
import { block, blocks, isSet } from '../../engine/values';

export const launchTemplateCustomerKey: Rule = {
  id: 'HMS-LT-2',
  appliesTo: ['aws_launch_template'],
  summary: 'Launch template disks use a customer-managed KMS key',
  rationale: 'A customer key keeps rotation and revocation with the agency (SC-12, SC-28(1)).',
  fix: 'Set block_device_mappings[*].ebs.kms_key_id to a customer key that EC2 Auto Scaling may use.',
  check(r) {
    const missing = blocks(r.values, 'block_device_mappings').filter((m) => !isSet(block(m, 'ebs')?.kms_key_id));
    return missing.length === 0 ? pass : fail(`${missing.map((m) => String(m.device_name)).join(', ')} use the AWS-managed key`);
  },
};
