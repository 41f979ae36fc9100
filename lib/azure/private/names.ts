import { createHash } from 'node:crypto';
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

/**
 * The globally unique name `AzureContext.globalName` makes Terraform compute
 * (`format("<prefix>%s", substr(sha1("<subscription>/<seed>"), 0, n))`), computed here
 * for tools that must find the resource before or without Terraform (the preflight).
 */
export function globalNameFor(prefix: string, subscriptionId: string, seed: string, length: number): string {
  return `${prefix}${createHash('sha1').update(`${subscriptionId}/${seed}`).digest('hex').slice(0, length - prefix.length)}`;
}

/** The subnet of the nodes, which internal load balancers also take their address from. */
export const NODE_SUBNET_NAME = 'nodes';
