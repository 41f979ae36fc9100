import type { Runtime } from '../../core/runtimes';

/** The AKS OS for a runtime, and what the user should know when it is not exactly the image named. */
export interface AksNodeOs {
  readonly osSku: string;
  readonly notice?: string;
}

/** The last day AKS patches Ubuntu 22.04 node images. @see articles/aks/includes/ubuntu-22-04-retirement.md */
export const AKS_UBUNTU_2204_END_OF_SUPPORT = '2027-06-30';

function minor(version: string): number {
  return Number(version.split('.')[1]);
}

/**
 * Every AKS node pool hms-sys builds has `fips_enabled = true`; the OS SKU picks the image.
 *
 * `fips-ubuntu-22.04` maps to `os_sku = Ubuntu`. From Kubernetes 1.35 `Ubuntu` means
 * Ubuntu 24.04, but 24.04 has no FIPS image yet, and "when requesting FIPS-enabled
 * Ubuntu, if the default Ubuntu version doesn't support FIPS, AKS defaults to the most
 * recent FIPS-supported version": 22.04 (articles/aks/enable-fips-nodes.md, "Supported
 * OS versions"). The versioned SKU `Ubuntu2204` is not offered for 1.35 and later
 * (articles/aks/includes/ubuntu-22-04-retirement.md), so `Ubuntu` is the only way to get
 * it. azurerm v4.55.0 accepts AzureLinux, AzureLinux3, Ubuntu, Ubuntu2204, Windows2019,
 * Windows2022 (kubernetes_nodepool.go, `os_sku`).
 *
 * Bottlerocket does not exist on AKS; the nearest FIPS, container-optimized OS is Azure Linux 3.
 */
export function aksNodeOs(runtime: Runtime, kubernetesVersion: string): AksNodeOs {
  switch (runtime) {
    case 'fips-ubuntu-22.04':
      return {
        osSku: 'Ubuntu',
        notice:
          minor(kubernetesVersion) >= 35
            ? `fips-ubuntu-22.04 on AKS ${kubernetesVersion}: AKS's default Ubuntu is 24.04 from 1.35 but has no FIPS image, so FIPS pools run Ubuntu 22.04 as the runtime names; AKS patches Ubuntu 22.04 until ${AKS_UBUNTU_2204_END_OF_SUPPORT}, plan the move to a FIPS 24.04 image or bottlerocket-fips (Azure Linux 3) before then`
            : undefined,
      };
    case 'bottlerocket-fips':
      return {
        osSku: 'AzureLinux',
        notice: 'bottlerocket-fips is an AWS image; on AKS the node pool runs Azure Linux with FIPS enabled, the nearest container-optimized FIPS image',
      };
  }
}
