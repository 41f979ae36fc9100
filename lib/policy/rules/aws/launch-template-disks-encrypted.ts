import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, blocks, bool } from '../../engine/values';

/** AwsSolutions-EC26 on launch templates; no checkov check covers launch templates. */
export const launchTemplateDisksEncrypted: Rule = {
  id: 'HMS-LT-1',
  appliesTo: ['aws_launch_template'],
  summary: 'Launch templates encrypt every block device',
  rationale: 'Node disks hold container images, logs and secrets mounted into pods (SC-28, HIPAA 164.312(a)(2)(iv)).',
  fix: 'Add block_device_mappings for the root device with ebs.encrypted = "true" (SecureNodePool does).',
  check(r) {
    const mappings = blocks(r.values, 'block_device_mappings');
    if (mappings.length === 0) return fail('no block_device_mappings: the root disk is encrypted only if the AMI or account says so');
    for (const m of mappings) {
      const encrypted = bool(block(m, 'ebs')?.encrypted);
      if (encrypted === 'unknown') return unknown(`encryption of ${String(m.device_name)} is not known from the configuration`, block(m, 'ebs')?.encrypted);
      if (encrypted !== true) return fail(`${String(m.device_name ?? 'a device')} is not encrypted`);
    }
    return pass;
  },
};
