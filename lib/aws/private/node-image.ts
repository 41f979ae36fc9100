import { Fn } from 'cdktf';
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
  /** The FIPS image for fips-ubuntu-22.04: built by FipsNodeImage, or an agency golden image. */
  readonly imageId?: string;
}

export function resolveNodeImage(options: NodeImageOptions): NodeImage {
  const settings = BASELINE_SETTINGS[options.baseline];
  switch (options.runtime) {
    case 'fips-ubuntu-22.04': {
      if (!options.imageId) throw new Error('fips-ubuntu-22.04 needs an image id (FipsNodeImage or a golden image)');
      return {
        amiType: 'CUSTOM',
        imageId: options.imageId,
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
 * Node user data for the Ubuntu EKS image, which is already in FIPS mode (FipsNodeImage, or
 * a golden image): nothing at boot needs the internet. A kernel outside FIPS mode stops
 * the node before it joins, so that it never runs workloads (SC-13) and the node group
 * reports it instead of hiding it. `bootstrap.sh` is Canonical's EKS join script
 * (ubuntu-cloud-docs deploy-ubuntu-pro-fips-cluster.rst).
 */
// No double quotes in here: Fn.base64encode takes the text as a Terraform string literal.
function ubuntuFipsUserData(cluster: ISecureCluster, kubeletArgs: readonly string[]): string {
  return [
    '#!/bin/bash',
    'set -euo pipefail',
    "grep -qx 1 /proc/sys/crypto/fips_enabled || { echo 'hms-sys: the kernel is not in FIPS mode (SC-13); this node does not join' >&2; exit 1; }",
    `/etc/eks/bootstrap.sh '${cluster.clusterName}' --apiserver-endpoint '${cluster.clusterEndpoint}' --b64-cluster-ca '${cluster.certificateAuthorityData}' --kubelet-extra-args '${kubeletArgs.join(' ')}'`,
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
