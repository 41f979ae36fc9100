/**
 * Node runtimes: the operating system image a node pool boots, named once and
 * resolved per cloud. Every runtime here is FIPS 140 capable; a non-FIPS image is
 * not offered, because SC-13 requires validated cryptography on every node.
 */
export const RUNTIMES = ['fips-ubuntu-22.04', 'bottlerocket-fips'] as const;
export type Runtime = (typeof RUNTIMES)[number];

export interface RuntimeInfo {
  /** One line for the README and for error messages. */
  readonly description: string;
}

export const RUNTIME_INFO: Record<Runtime, RuntimeInfo> = {
  'fips-ubuntu-22.04': {
    description:
      'Ubuntu Pro 22.04 EKS image with the FIPS 140 kernel and crypto modules enabled (`pro enable fips-updates`)',
  },
  'bottlerocket-fips': {
    description: 'Bottlerocket with FIPS 140 validated crypto, managed by EKS (ami_type BOTTLEROCKET_x86_64_FIPS)',
  },
};
