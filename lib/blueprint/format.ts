/**
 * Turns zod issues into messages a platform engineer can act on: the value
 * received, what is allowed, and "did you mean" for misspelt keys.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { describe } from './schema';

export type Issue = z.core.$ZodIssue;

/** The keys a mapping at `path` may hold, or [] when `path` is not a mapping. */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (let i = 0; i <= path.length; i++) {
    node = unwrap(node);
    const shape = (node as { shape?: Record<string, unknown> }).shape;
    if (i === path.length) return shape ? Object.keys(shape) : [];
    const def = (node as { _zod?: { def?: { type?: string; element?: unknown; valueType?: unknown } } })._zod?.def;
    if (def?.type === 'array') node = def.element;
    else if (def?.type === 'record') node = def.valueType;
    else if (shape) node = shape[String(path[i])];
    else return [];
  }
  return [];
}

function unwrap(node: unknown): unknown {
  let current = node as { _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown; options?: unknown[] } } };
  for (;;) {
    const def = current?._zod?.def;
    if (def?.innerType) current = def.innerType as typeof current;
    else if (def?.type === 'pipe' && def.in) current = def.in as typeof current;
    // `storage: none | { volume }`: the mapping is the branch that has keys.
    else if (def?.type === 'union' && def.options) current = (def.options.map(unwrap).find((o) => (o as { shape?: unknown }).shape) ?? def.options[0]) as typeof current;
    else return current;
  }
}

/** The closest allowed key, when it is close enough to be a likely typo. */
export function suggest(key: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  const lower = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
  if (lower) return lower;
  const best = closest(key, [...allowed]);
  return distance(key, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

export function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const hint = suggest(key, allowed);
  const didYouMean = hint ? `did you mean "${hint}"? ` : '';
  return `unknown field ${JSON.stringify(key)}; ${didYouMean}allowed: ${allowed.join(', ')}`;
}

/** The message for one issue that is not an unknown key. */
export function issueMessage(issue: Issue, received: unknown): string {
  // A record key that fails its schema: the key's own message says why.
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  if (issue.code === 'invalid_type') {
    if (received === undefined) {
      return issue.expected === 'object' ? 'required section is missing' : withRequired(issue.message);
    }
    if (issue.expected === 'object') return `expected a mapping of fields, received ${describe(received)}`;
    if (issue.expected === 'array') return `expected a list, received ${describe(received)}`;
  }
  return issue.message;
}

function withRequired(message: string): string {
  return message.startsWith('required') ? message : `required; ${message}`;
}
