import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { disksOf, INSTANCE_TYPES } from './private/instance-settings';

/** AwsSolutions-EC26; CKV_AWS_8 (launch configurations, instances); no checkov check covers launch templates. */
export const launchTemplateDisksEncrypted: Rule = {
  id: 'HMS-LT-1',
  appliesTo: INSTANCE_TYPES,
  summary: 'Instances, launch templates and launch configurations encrypt every block device',
  rationale: 'Node disks hold container images, logs and secrets mounted into pods (SC-28, HIPAA 164.312(a)(2)(iv)).',
  fix: 'Set encrypted = true on the root and every EBS device (launch templates: block_device_mappings[*].ebs.encrypted = "true", as SecureNodePool does).',
  check(r) {
    const disks = disksOf(r);
    if (disks.length === 0) return fail('no block_device_mappings: the root disk is encrypted only if the AMI or account says so');
    for (const d of disks) {
      const encrypted = bool(d.encrypted);
      if (encrypted === 'unknown') return unknown(`encryption of ${d.name} is not known from the configuration`, d.encrypted);
      if (encrypted !== true) return fail(`${d.name} is not encrypted`);
    }
    return pass;
  },
};
