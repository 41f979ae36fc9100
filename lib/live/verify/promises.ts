/**
 * The promises `hms-sys verify` proves on a running platform, each with the
 * NIST 800-53 rev5 controls it supports and how it is proven. `hms-sys verify
 * --help` prints this table; the README repeats it.
 */
import type { Cloud } from '../../core/defaults';

export type PromiseId = 'fips' | 'egress' | 'ingress' | 'volume';

export interface PlatformPromise {
  readonly id: PromiseId;
  readonly title: string;
  readonly controls: readonly string[];
  /** How the probe proves it, for --help. */
  readonly probe: string;
}

export const PROMISES: readonly PlatformPromise[] = [
  {
    id: 'fips',
    title: 'FIPS mode on every node of the pool',
    controls: ['SC-13'],
    probe:
      'one pod pinned to each node of the pool reads /proc/sys/crypto/fips_enabled, which is kernel-wide and readable without privileges; every node must read 1',
  },
  {
    id: 'egress',
    title: 'Egress denied',
    controls: ['SC-7', 'SC-7(5)', 'AC-4'],
    probe:
      "a pod in the workload's namespace, under its default-deny policy, opens a TCP connection to a public address (--egress-target, default 1.1.1.1:443) and, unless the blueprint allows DNS, resolves kubernetes.default; both must fail",
  },
  {
    id: 'ingress',
    title: 'Ingress fenced',
    controls: ['SC-7', 'AC-4'],
    probe:
      "a pod in a temporary namespace of its own first reaches the Kubernetes API service (proof that it has a network), then connects to every workload pod on the workload port; every connection must fail",
  },
  {
    id: 'volume',
    title: 'Volume mounted as declared on every replica',
    controls: ['SC-28', 'AC-6'],
    probe:
      'every running replica must mount the claim at its mountPath, read-only as declared; on each node that runs one, a pod mounts the same claim the same way as the workload\'s user and writes then removes a file: it must succeed when the volume is writable and fail when it is read-only',
  },
];

export const promise = (id: PromiseId): PlatformPromise => PROMISES.find((p) => p.id === id)!;

/**
 * The probe image by cloud: busybox (sh, cat, nc, nslookup, timeout), pulled
 * through the same private mirrors as the workload. On AKS a network-isolated
 * cluster serves every mcr.microsoft.com image from its private registry cache
 * (cache rule `mcr.microsoft.com/*`: articles/aks/network-isolated.md, "aks-managed-mcr";
 * articles/aks/concepts-network-isolated.md), so the Azure Linux busybox that
 * Microsoft's own node-access page uses needs no mirror. On EKS there is no
 * AWS-served image with a shell behind the VPC endpoints: the ECR Public copy
 * of the Docker official image is pullable through an ECR pull-through cache
 * rule for ECR Public (a mirror of `public.ecr.aws` in the cluster's target), or
 * name an image in the agency's own ECR with --probe-image.
 */
export const DEFAULT_PROBE_IMAGES: Readonly<Record<Cloud, string>> = {
  aws: 'public.ecr.aws/docker/library/busybox:1.37.0',
  azure: 'mcr.microsoft.com/azurelinux/busybox:1.36',
};

/** The public address the egress probe tries to reach. */
export const DEFAULT_EGRESS_TARGET = '1.1.1.1:443';

/** How long a probe pod may take from creation to its result before the probe is an error. */
export const DEFAULT_PROBE_TIMEOUT_S = 180;

/** Probe pods run as `nobody`; the volume probe runs as the workload's user instead. */
export const PROBE_USER_ID = 65534;
