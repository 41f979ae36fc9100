import type { TfResource } from '../../../engine/document';
import { block, bool } from '../../../engine/values';

type JsonObject = Record<string, unknown>;

export const AKS = 'azurerm_kubernetes_cluster';
export const AKS_NODE_POOL = 'azurerm_kubernetes_cluster_node_pool';

/** The node pool settings of a cluster (its default pool) or of a separate node pool resource. */
export function nodePoolSettings(r: TfResource): JsonObject | undefined {
  return r.type === AKS ? block(r.values, 'default_node_pool') : r.values;
}

/** A boolean that azurerm v4 and v3 spell differently, e.g. host_encryption_enabled / enable_host_encryption. */
export function flag(values: JsonObject | undefined, v4: string, v3: string): boolean | 'unknown' | undefined {
  return bool(values?.[v4]) ?? bool(values?.[v3]);
}
