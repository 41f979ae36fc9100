import type { Rule } from '../engine/rule';

export type Severity = 'error' | 'warning';

/** One row of a pack: a rule, how severe its failure is, and the controls it evidences. */
export interface PackEntry {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly controls: readonly string[];
}

export interface Pack {
  readonly id: string;
  readonly title: string;
  /** How control ids are cited, e.g. `NIST 800-53` or `HIPAA`. */
  readonly citation: string;
  readonly entries: readonly PackEntry[];
}

/**
 * Builds a pack from compact rows: [rule, severity, controls]. Rows hold the
 * rule objects themselves, so a rule's id is written once, in its own file, and
 * the packs are the one list of what runs (ALL_RULES is derived from them).
 */
export function pack(id: string, title: string, citation: string, rows: readonly (readonly [Rule, Severity, readonly string[]])[]): Pack {
  return { id, title, citation, entries: rows.map(([rule, severity, controls]) => ({ rule, severity, controls })) };
}
