/**
 * Hardening baselines: a named profile becomes concrete node settings.
 * The CIS Amazon EKS Benchmark section 3 (worker nodes) and the CIS distribution
 * benchmarks set the intent; each setting below says which item it answers.
 */
export const BASELINES = ['cis-level-1', 'cis-level-2'] as const;
export type Baseline = (typeof BASELINES)[number];
export const DEFAULT_BASELINE: Baseline = 'cis-level-2';

export interface BaselineSettings {
  /** EC2 detailed (1-minute) monitoring; SI-4 and HIPAA 164.312(b). */
  readonly detailedMonitoring: boolean;
  /**
   * kubelet flags (CIS EKS 3.2.x). Bottlerocket applies the equivalent settings
   * itself and ignores these.
   */
  readonly kubeletArgs: readonly string[];
  /** Bottlerocket kernel lockdown mode (CIS Bottlerocket 1.5.x for level 2). */
  readonly kernelLockdown: 'none' | 'integrity';
}

const LEVEL_1_KUBELET_ARGS = [
  '--anonymous-auth=false', // CIS EKS 3.2.1
  '--authorization-mode=Webhook', // CIS EKS 3.2.2
  '--read-only-port=0', // CIS EKS 3.2.4
  '--rotate-certificates=true', // CIS EKS 3.2.8
];

export const BASELINE_SETTINGS: Record<Baseline, BaselineSettings> = {
  'cis-level-1': {
    detailedMonitoring: false,
    kubeletArgs: LEVEL_1_KUBELET_ARGS,
    kernelLockdown: 'none',
  },
  'cis-level-2': {
    detailedMonitoring: true,
    kubeletArgs: [
      ...LEVEL_1_KUBELET_ARGS,
      '--streaming-connection-idle-timeout=5m', // CIS EKS 3.2.5
      '--make-iptables-util-chains=true', // CIS EKS 3.2.7
    ],
    kernelLockdown: 'integrity',
  },
};
