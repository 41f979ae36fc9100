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

/**
 * Paths where `before` and `after` differ; a changed list is one path. Walked
 * with a queue, not recursion: the values come from plans and APIs, and their
 * depth is theirs to choose.
 */
export function changedPaths(before: unknown, after: unknown): string[] {
  const changed: string[] = [];
  const pending: [unknown, unknown, string][] = [[before, after, '']];
  while (pending.length > 0) {
    const [b, a, prefix] = pending.pop() as [unknown, unknown, string];
    if (isObject(b) && isObject(a)) {
      // Reversed onto the stack, so that keys come off it in order.
      const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort().reverse();
      pending.push(...keys.map((k): [unknown, unknown, string] => [b[k], a[k], prefix ? `${prefix}.${k}` : k]));
    } else if (!sameValue(b, a)) {
      changed.push(prefix || '(resource)');
    }
  }
  return changed;
}

/** Deep equality without recursion. */
function sameValue(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop() as [unknown, unknown];
    if (Object.is(x, y)) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) return false;
    const xs = Object.keys(x);
    const ys = Object.keys(y);
    if (xs.length !== ys.length) return false;
    for (const k of xs) {
      if (!Object.prototype.hasOwnProperty.call(y, k)) return false;
      pending.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
    }
  }
  return true;
}

/** Drifted resources of a refresh-only plan (`resource_drift`); entries without the documented shape are skipped. */
export function readDrift(plan: unknown): DriftedResource[] {
  const entries = isObject(plan) && Array.isArray(plan.resource_drift) ? plan.resource_drift : [];
  const drifted: DriftedResource[] = [];
  for (const entry of entries) {
    if (!isObject(entry) || entry.mode === 'data' || typeof entry.address !== 'string' || typeof entry.type !== 'string') continue;
    const change = isObject(entry.change) ? entry.change : {};
    const actions = Array.isArray(change.actions) ? change.actions : [];
    const deleted = actions.includes('delete') || change.after === null;
    drifted.push({ address: entry.address, type: entry.type, kind: deleted ? 'deleted' : 'changed', attributes: deleted ? [] : changedPaths(change.before, change.after) });
  }
  return drifted;
}

export function formatDrift(stackName: string, drift: readonly DriftedResource[]): string[] {
  if (drift.length === 0) return [`✔ ${stackName}: no drift`];
  return [
    `✘ ${stackName}: ${drift.length} resource(s) drifted`,
    ...drift.map((d) => (d.kind === 'deleted' ? `    ${d.address}: deleted outside Terraform` : `    ${d.address}: ${d.attributes.join(', ')} changed outside Terraform`)),
  ];
}
