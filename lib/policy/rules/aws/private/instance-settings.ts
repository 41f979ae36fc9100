import type { TfResource } from '../../../engine/document';
import { block, blocks } from '../../../engine/values';

type JsonObject = Record<string, unknown>;

/** Resources that launch EC2 instances: launch templates, instances, launch configurations. */
export const INSTANCE_TYPES = ['aws_launch_template', 'aws_instance', 'aws_launch_configuration'];

export interface Disk {
  readonly name: string;
  readonly encrypted: unknown;
  readonly kmsKeyId: unknown;
  /** The snapshot the disk is made from: an unset `encrypted` then follows the snapshot. */
  readonly snapshotId: unknown;
}

/**
 * The disks an instance gets. An instance or launch configuration without a
 * root_block_device still has a root disk, unencrypted unless the AMI or the
 * account's EBS encryption by default says otherwise (which Terraform cannot see).
 */
export function disksOf(r: TfResource): Disk[] {
  if (r.type === 'aws_launch_template') {
    return blocks(r.values, 'block_device_mappings').map((m) => {
      const ebs = block(m, 'ebs');
      return { name: String(m.device_name ?? 'a device'), encrypted: ebs?.encrypted, kmsKeyId: ebs?.kms_key_id, snapshotId: ebs?.snapshot_id };
    });
  }
  const root = block(r.values, 'root_block_device');
  const disk = (b: JsonObject | undefined, name: string): Disk => ({ name, encrypted: b?.encrypted, kmsKeyId: b?.kms_key_id, snapshotId: b?.snapshot_id });
  return [disk(root, 'the root disk'), ...blocks(r.values, 'ebs_block_device').map((b) => disk(b, String(b.device_name ?? 'an EBS device')))];
}

export const metadataOptionsOf = (r: TfResource): JsonObject | undefined => block(r.values, 'metadata_options');

/** associate_public_ip_address values: per network interface on a template, on the resource otherwise. */
export function publicIpSettingsOf(r: TfResource): unknown[] {
  if (r.type === 'aws_launch_template') return blocks(r.values, 'network_interfaces').map((n) => n.associate_public_ip_address);
  return [r.values.associate_public_ip_address];
}

export const userDataOf = (r: TfResource): unknown[] => [r.values.user_data, r.values.user_data_base64].filter((v) => v !== undefined && v !== null);

/** Detailed monitoring: `monitoring.enabled` on a template, `monitoring` on an instance, `enable_monitoring` (default true) on a launch configuration. */
export function monitoringOf(r: TfResource): unknown {
  if (r.type === 'aws_launch_template') return block(r.values, 'monitoring')?.enabled;
  if (r.type === 'aws_instance') return r.values.monitoring;
  return r.values.enable_monitoring ?? true;
}
