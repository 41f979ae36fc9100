import { MAX_AKS_NODE_POOL_NAME_LENGTH } from '../../core/defaults';

/**
 * AKS node pool names allow lowercase letters and digits only, 12 at most:
 * `dcaa-secure` becomes `dcaasecure`.
 */
export function aksNodePoolName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, MAX_AKS_NODE_POOL_NAME_LENGTH);
}

/** The name azurerm uses while it rotates a pool to change FIPS or host encryption. */
export function rotationName(poolName: string): string {
  return `${poolName.slice(0, MAX_AKS_NODE_POOL_NAME_LENGTH - 3)}tmp`;
}
