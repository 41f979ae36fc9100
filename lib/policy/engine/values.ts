/**
 * Helpers for reading Terraform JSON attributes in rules. CDKTF writes a single
 * nested block as an object and repeated ones as lists; HCL and plans write
 * every block as a list. These accept both.
 */
import { isUnresolved } from '../../core/tokens';

export { isUnresolved };

type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** All blocks under `key`, whether written as an object or a list. */
export function blocks(values: unknown, key: string): JsonObject[] {
  if (!isObject(values)) return [];
  const v = values[key];
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

/** The first block under `key`, or undefined. */
export function block(values: unknown, key: string): JsonObject | undefined {
  return blocks(values, key)[0];
}

/** Walks a path of block names, collecting every block at its end. */
export function blocksAt(values: unknown, path: readonly string[]): JsonObject[] {
  let current: JsonObject[] = isObject(values) ? [values] : [];
  for (const key of path) current = current.flatMap((v) => blocks(v, key));
  return current;
}

/** `true`, `"true"` → true; `false`, `"false"` → false; unresolved → 'unknown'; absent → undefined. */
export function bool(value: unknown): boolean | 'unknown' | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  if (isUnresolved(value)) return 'unknown';
  return undefined;
}

/** A number, possibly written as a string; unresolved → 'unknown'. */
export function num(value: unknown): number | 'unknown' | undefined {
  if (typeof value === 'number') return value;
  if (isUnresolved(value)) return 'unknown';
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

/** A list of strings; a whole-list reference is 'unknown'. */
export function strings(value: unknown): string[] | 'unknown' | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (isUnresolved(value)) return 'unknown';
  return typeof value === 'string' ? [value] : undefined;
}

/** True when a value is set: present, not null, not empty. A reference counts as set. */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** True when `value` refers to the resource at `address` (`${type.name.attr}` or `${type.name}`). */
export function refersTo(value: unknown, address: string): boolean {
  if (typeof value !== 'string') return Array.isArray(value) && value.some((v) => refersTo(v, address));
  return value.includes(`\${${address}.`) || value.includes(`\${${address}}`);
}

/** Parses a JSON policy attribute; a string with references is still JSON. */
export function parseJson(value: unknown): unknown {
  if (isObject(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
