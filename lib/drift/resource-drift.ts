import { isObject } from '../policy/engine/values';

/**
 * Drift: what changed in the real infrastructure since Terraform last wrote the
 * state, read from a refresh-only plan (`resource_drift` of `terraform show -json`).
 */

export interface DriftedResource {
  readonly address: string;
  readonly type: string;
  /** `changed` outside Terraform, or `deleted` outside Terraform. */
  readonly kind: 'changed' | 'deleted';
  /** Attribute paths whose values differ, e.g. `ingress`, `tags.Owner`. */
  readonly attributes: readonly string[];
}

interface DriftEntry {
  address?: string;
  type?: string;
  mode?: string;
  change?: { actions?: string[]; before?: unknown; after?: unknown };
}

/** Paths where `before` and `after` differ; a changed list is one path. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedPaths(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix || '(resource)'];
}

export function readDrift(plan: unknown): DriftedResource[] {
  const entries = (isObject(plan) && Array.isArray(plan.resource_drift) ? plan.resource_drift : []) as DriftEntry[];
  return entries
    .filter((e) => e.mode !== 'data' && e.address && e.type)
    .map((e) => {
      const deleted = (e.change?.actions ?? []).includes('delete') || e.change?.after === null;
      return {
        address: e.address as string,
        type: e.type as string,
        kind: deleted ? 'deleted' : 'changed',
        attributes: deleted ? [] : changedPaths(e.change?.before, e.change?.after),
      };
    });
}

export function formatDrift(stackName: string, drift: readonly DriftedResource[]): string[] {
  if (drift.length === 0) return [`✔ ${stackName}: no drift`];
  return [
    `✘ ${stackName}: ${drift.length} resource(s) drifted`,
    ...drift.map((d) => (d.kind === 'deleted' ? `    ${d.address}: deleted outside Terraform` : `    ${d.address}: ${d.attributes.join(', ')} changed outside Terraform`)),
  ];
}
