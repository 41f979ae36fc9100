/**
 * Node runtimes: the operating system image a node pool boots, named once and
 * resolved per cloud. Every runtime here is FIPS 140 capable; a non-FIPS image is
 * not offered, because SC-13 requires validated cryptography on every node.
 */
export const RUNTIMES = ['fips-ubuntu-22.04', 'bottlerocket-fips'] as const;
export type Runtime = (typeof RUNTIMES)[number];

