export type Severity = 'error' | 'warning';

/** One row of a pack: a rule, how severe its failure is, and the controls it evidences. */
export interface PackEntry {
  readonly rule: string;
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

/** Builds a pack from compact rows: [rule, severity, controls]. */
export function pack(id: string, title: string, citation: string, rows: readonly (readonly [string, Severity, readonly string[]])[]): Pack {
  return { id, title, citation, entries: rows.map(([rule, severity, controls]) => ({ rule, severity, controls })) };
}
