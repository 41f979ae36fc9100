import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool, isSet } from '../../engine/values';
import { disksOf, INSTANCE_TYPES } from './private/instance-settings';

/** AwsSolutions-EC26; checkov's covers instances and launch configurations only. */
export const launchTemplateDisksEncrypted: Rule = {
  id: 'HMS-LT-1',
  publicChecks: ['CKV_AWS_8', 'AVD-AWS-0008', 'AVD-AWS-0131', 'AVD-AWS-0122'],
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
      // "Volumes that are created from encrypted snapshots are automatically encrypted" (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html):
      // the snapshot decides, and Terraform cannot see it.
      if (encrypted === undefined && isSet(d.snapshotId)) return unknown(`${d.name} follows snapshot ${String(d.snapshotId)}, whose encryption Terraform cannot see; set encrypted = true`, d.snapshotId);
      if (encrypted !== true) return fail(`${d.name} is not encrypted`);
    }
    return pass;
  },
};
