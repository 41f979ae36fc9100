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

/** The last minor version AKS runs Ubuntu 22.04 on. @see articles/aks/upgrade-os-version.md:43,191-192 */
export const AKS_UBUNTU_2204_LAST_MINOR = 36;

/**
 * Why AKS cannot run this runtime at this version, or undefined. Ubuntu 22.04 stops at
 * 1.36 ("You need to update your OS SKU to a supported OS option to upgrade your
 * Kubernetes version to 1.37 and above", upgrade-os-version.md:191-192) and Ubuntu 24.04
 * has no FIPS image (enable-fips-nodes.md:90-97), so fips-ubuntu-22.04 ends at 1.36.
 */
export function aksRuntimeRefusal(runtime: Runtime, kubernetesVersion: string): string | undefined {
  if (runtime !== 'fips-ubuntu-22.04' || minor(kubernetesVersion) <= AKS_UBUNTU_2204_LAST_MINOR) return undefined;
  return `runtime fips-ubuntu-22.04 cannot run Kubernetes ${kubernetesVersion} on AKS: Ubuntu 22.04 node pools stop at 1.${AKS_UBUNTU_2204_LAST_MINOR} and Ubuntu 24.04 has no FIPS image (articles/aks/upgrade-os-version.md, enable-fips-nodes.md); set nodePool.runtime to bottlerocket-fips (Azure Linux 3 with FIPS on AKS), or kubernetesVersion to 1.${AKS_UBUNTU_2204_LAST_MINOR} or earlier`;
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
 * it. (Correction, round 3: `Ubuntu2204` is offered up to 1.36, not only up to 1.34;
 * articles/aks/upgrade-os-version.md:43. hms-sys still uses `Ubuntu`, which AKS maps to
 * 22.04 FIPS as quoted above.) azurerm v4.55.0 accepts AzureLinux, AzureLinux3, Ubuntu, Ubuntu2204, Windows2019,
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
