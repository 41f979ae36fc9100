import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import { BASELINE_SETTINGS, type Baseline } from '../../core/baselines';
import type { Runtime } from '../../core/runtimes';
import type { ISecureCluster } from '../secure-cluster';

/** How a runtime boots on EKS. */
export interface NodeImage {
  /** `CUSTOM` when the launch template names the AMI, else an EKS AMI type. */
  readonly amiType: string;
  /** AMI id (or a reference to it) for custom images. */
  readonly imageId?: string;
  /** Base64 user data. */
  readonly userData: string;
  /** Block devices to encrypt, with their share of the disk. */
  readonly devices: readonly { readonly deviceName: string; readonly sizeGiB: (diskSizeGiB: number) => number }[];
  /** EKS sets the Kubernetes version of managed AMI types; custom AMIs carry their own. */
  readonly managedVersion: boolean;
}

export interface NodeImageOptions {
  readonly runtime: Runtime;
  readonly baseline: Baseline;
  readonly cluster: ISecureCluster;
  readonly imageId?: string;
}

/**
 * Canonical publishes its Ubuntu Pro EKS images in SSM, per Ubuntu release and
 * Kubernetes version. Pro images carry the FIPS 140 modules; user data enables them.
 */
export function ubuntuProEksParameter(kubernetesVersion: string): string {
  return `/aws/service/canonical/ubuntu/eks-pro/22.04/${kubernetesVersion}/stable/current/amd64/hvm/ebs-gp2/ami-id`;
}

export function resolveNodeImage(scope: Construct, options: NodeImageOptions): NodeImage {
  const settings = BASELINE_SETTINGS[options.baseline];
  switch (options.runtime) {
    case 'fips-ubuntu-22.04': {
      const imageId =
        options.imageId ??
        new DataAwsSsmParameter(scope, 'ImageParameter', { name: ubuntuProEksParameter(options.cluster.kubernetesVersion) })
          .insecureValue;
      return {
        amiType: 'CUSTOM',
        imageId,
        userData: Fn.base64encode(ubuntuFipsUserData(options.cluster, settings.kubeletArgs)),
        devices: [{ deviceName: '/dev/sda1', sizeGiB: (size) => size }],
        managedVersion: false,
      };
    }
    case 'bottlerocket-fips':
      return {
        amiType: 'BOTTLEROCKET_x86_64_FIPS',
        userData: Buffer.from(bottlerocketSettings(settings.kernelLockdown)).toString('base64'),
        // Bottlerocket keeps its read-only OS on xvda and containers on xvdb.
        devices: [
          { deviceName: '/dev/xvda', sizeGiB: () => 4 },
          { deviceName: '/dev/xvdb', sizeGiB: (size) => size },
        ],
        managedVersion: true,
      };
  }
}

/**
 * cloud-init for Ubuntu Pro: the first boot enables the FIPS kernel and reboots;
 * the node joins the cluster only once `/proc/sys/crypto/fips_enabled` reads 1,
 * so a node that is not in FIPS mode never runs workloads (SC-13).
 */
// No double quotes in here: Fn.base64encode takes the text as a Terraform string literal.
function ubuntuFipsUserData(cluster: ISecureCluster, kubeletArgs: readonly string[]): string {
  const join = [
    '#!/bin/bash',
    'set -euo pipefail',
    'grep -qx 1 /proc/sys/crypto/fips_enabled || exit 0',
    '[ -e /var/lib/hms-sys/joined ] && exit 0',
    `/etc/eks/bootstrap.sh '${cluster.clusterName}' --apiserver-endpoint '${cluster.clusterEndpoint}' --b64-cluster-ca '${cluster.certificateAuthorityData}' --kubelet-extra-args '${kubeletArgs.join(' ')}'`,
    'mkdir -p /var/lib/hms-sys && touch /var/lib/hms-sys/joined',
  ];
  return [
    '#cloud-config',
    'write_files:',
    '  - path: /var/lib/cloud/scripts/per-boot/50-hms-sys-join.sh',
    "    permissions: '0700'",
    '    content: |',
    ...join.map((line) => `      ${line}`),
    'runcmd:',
    "  - [sh, -c, 'grep -qx 1 /proc/sys/crypto/fips_enabled || { pro enable fips-updates --assume-yes && shutdown -r now; }']",
    '',
  ].join('\n');
}

/** Bottlerocket settings (TOML). EKS merges its own cluster settings into these. */
function bottlerocketSettings(lockdown: 'none' | 'integrity'): string {
  return [
    '[settings.kernel]',
    `lockdown = "${lockdown}"`,
    '',
    '# No admin container: nodes are reached through the API, never a shell (CM-7).',
    '[settings.host-containers.admin]',
    'enabled = false',
    '',
  ].join('\n');
}
