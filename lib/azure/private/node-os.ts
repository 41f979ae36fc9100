import type { Runtime } from '../../core/runtimes';

/** The AKS OS for a runtime, and what the user should know when it is not the same image. */
export interface AksNodeOs {
  readonly osSku: string;
  readonly notice?: string;
}

/**
 * Every AKS node pool hms-sys builds has `fips_enabled = true`; the OS SKU picks the image.
 * `Ubuntu` is Ubuntu 22.04 for Kubernetes 1.25 to 1.34, which covers every version
 * hms-sys supports, so `fips-ubuntu-22.04` maps exactly. Bottlerocket does not exist on
 * AKS; the nearest FIPS-capable, container-optimized OS there is Azure Linux.
 * @see https://learn.microsoft.com/azure/aks/enable-fips-nodes
 * @see https://learn.microsoft.com/azure/aks/upgrade-os-version
 */
export function aksNodeOs(runtime: Runtime): AksNodeOs {
  switch (runtime) {
    case 'fips-ubuntu-22.04':
      return { osSku: 'Ubuntu' };
    case 'bottlerocket-fips':
      return {
        osSku: 'AzureLinux',
        notice: 'bottlerocket-fips is an AWS image; on AKS the node pool runs Azure Linux with FIPS enabled, the nearest container-optimized FIPS image',
      };
  }
}
