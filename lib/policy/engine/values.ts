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

const NO_BLOCKS: readonly JsonObject[] = Object.freeze([]);

/** All blocks under `key`, whether written as an object or a list. Do not modify the result. */
export function blocks(values: unknown, key: string): readonly JsonObject[] {
  if (!isObject(values)) return NO_BLOCKS;
  const v = values[key];
  if (Array.isArray(v)) {
    // Lists of blocks are nearly always all objects: return them as they are.
    for (let i = 0; i < v.length; i++) if (!isObject(v[i])) return v.filter(isObject);
    return v as readonly JsonObject[];
  }
  return isObject(v) ? [v] : NO_BLOCKS;
}

/** The first block under `key`, or undefined. */
export function block(values: unknown, key: string): JsonObject | undefined {
  if (!isObject(values)) return undefined;
  const v = values[key];
  if (isObject(v)) return v;
  if (Array.isArray(v)) for (const x of v) if (isObject(x)) return x;
  return undefined;
}

/** Walks a path of block names, collecting every block at its end. Do not modify the result. */
export function blocksAt(values: unknown, path: readonly string[]): readonly JsonObject[] {
  let current: readonly JsonObject[] = isObject(values) ? [values] : NO_BLOCKS;
  for (const key of path) {
    if (current.length === 1) current = blocks(current[0], key);
    else {
      const next: JsonObject[] = [];
      for (const v of current) for (const b of blocks(v, key)) next.push(b);
      current = next;
    }
  }
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

/** `module.a.module.b["k"].aws_vpc.main` without its module path: `aws_vpc.main`, as references inside the module write it. */
export function relativeAddress(address: string): string {
  return address.startsWith('module.') ? address.replace(/^(?:module\.[\w-]+(?:\[[^\]]*\])?\.)+/, '') : address;
}

/**
 * True when `value` refers to the resource at `address`: `${type.name.attr}`,
 * `${type.name}`, or an instance of it (`${type.name[count.index].id}`,
 * `${type.name["key"].id}`, written `type.name[*]` once resolved). A resource
 * in a called module is referred to by its address relative to that module.
 */
export function refersTo(value: unknown, address: string): boolean {
  if (typeof value !== 'string') return Array.isArray(value) && value.some((v) => refersTo(v, address));
  if (!value.includes('${')) return false;
  const relative = relativeAddress(address);
  const candidates = relative === address ? [address] : [address, relative];
  return candidates.some((full) => {
    const bare = full.replace(/\[[^\]]*\]$/, '');
    return [full, bare].some((a) => value.includes(`\${${a}.`) || value.includes(`\${${a}}`) || value.includes(`\${${a}[`));
  });
}

/** Why a value is not known from the configuration alone. */
export type UnknownCause =
  /** A variable without a default or tfvars value: decided by whoever runs Terraform. */
  | 'input'
  /** Another resource's attribute, a data source, a value known only after apply. */
  | 'computed'
  /** Written literally, but in a form hms-sys cannot read (an unknown function, a directive). */
  | 'unreadable';

/** A reference Terraform accepts: a root name followed by at least one attribute or index (a bare `False` is not one). */
const TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[\w-]+|\[[^\]]*\])+$/;

/** The cause of the unknown parts of a value, the most serious first; undefined when the value is known. */
export function unknownCause(value: unknown, depth = 0): UnknownCause | undefined {
  const causes = new Set<UnknownCause>();
  const visit = (v: unknown, d: number) => {
    if (d > 64) {
      causes.add('unreadable');
      return;
    }
    if (typeof v === 'string') {
      if (!v.includes('${')) return;
      for (const m of v.matchAll(/\$\{((?:[^{}"]|"(?:[^"\\]|\\.)*")*)\}/g)) {
        const inner = m[1].trim();
        if (inner === '(known after apply)') causes.add('computed');
        else if (/^var\./.test(inner) || /[^\w.]var\./.test(inner)) causes.add('input');
        else causes.add(TRAVERSAL.test(inner) ? 'computed' : 'unreadable');
      }
      if (causes.size === 0) causes.add('unreadable');
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, d + 1));
    else if (isObject(v)) Object.values(v).forEach((x) => visit(x, d + 1));
  };
  visit(value, depth);
  for (const c of ['input', 'unreadable', 'computed'] as const) if (causes.has(c)) return c;
  return undefined;
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

/**
 * Whether a value that must be set (a key id, a workspace) is: a reference to
 * another resource counts as set; a variable without a default or an unreadable
 * literal is 'unknown' (it could be null); absent, null or empty is false.
 */
export function setState(value: unknown): boolean | 'unknown' {
  if (!isSet(value)) return false;
  const cause = unknownCause(value);
  return cause === 'input' || cause === 'unreadable' ? 'unknown' : true;
}

/** Sets an own property; `__proto__` stays data, never a prototype, and other keys keep objects in V8's fast mode. */
export function setOwn(obj: object, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else (obj as Record<string, unknown>)[key] = value;
}
