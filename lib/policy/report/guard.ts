import { formatAllowance, formatGuardFinding, formatUnjudged, type GuardFinding, type GuardResult } from '../../plan/stateful-guard';

/** The stateful-resource guard's verdict on one plan, with the plan as the user named it. */
export interface PlanGuardResult extends GuardResult {
  /** The plan file as given on the command line (the same string as the report's document). */
  readonly document: string;
}

/** Rule id of a refused (or allowed) deletion or replacement of a resource that holds data or keys. */
export const GUARD_RULE_ID = 'HMS-GUARD-1';
/** Rule id of a deletion or replacement of a type the guard has not classified: let through, not judged. */
export const GUARD_UNJUDGED_RULE_ID = 'HMS-GUARD-2';

/** What a refusal means, in one line: the JUnit failure message and the SARIF rule's short description. */
export const GUARD_REFUSAL_SUMMARY = 'stateful resource deleted or replaced';

/** The guard's rules in the shape of SARIF `tool.driver.rules`. */
export const GUARD_RULES = [
  {
    id: GUARD_RULE_ID,
    shortDescription: { text: GUARD_REFUSAL_SUMMARY },
    fullDescription: {
      text: 'The plan deletes or replaces a resource that holds data, audit records or the keys that make data readable. prevent_destroy protects only while the resource is in the configuration; the guard also catches removed configuration.',
    },
    help: { text: 'Change the configuration so that the resource is kept or updated in place; if the loss is intended, re-run with --allow-destroy <address>.' },
  },
  {
    id: GUARD_UNJUDGED_RULE_ID,
    shortDescription: { text: 'resource of an unclassified type deleted or replaced (not judged)' },
    fullDescription: { text: 'hms-sys does not know whether this resource type holds data, so the guard let the deletion through; that is not a verdict that it is safe.' },
    help: { text: 'Read the plan for this address before you apply.' },
  },
];

/** One guard verdict with its outcome, for the report formatters. */
export interface GuardEntry {
  readonly document: string;
  readonly finding: GuardFinding;
  readonly outcome: 'refused' | 'allowed' | 'not judged';
  /** The sentence the guard prints on stderr: what is lost, why, and the fix. */
  readonly message: string;
}

/** Refusals first, then allowances, then the not-judged notes, in plan order within each. */
export function guardEntries(guard: readonly PlanGuardResult[]): GuardEntry[] {
  const entries = (outcome: GuardEntry['outcome'], pick: (g: PlanGuardResult) => readonly GuardFinding[], format: (f: GuardFinding) => string) =>
    guard.flatMap((g) => pick(g).map((finding): GuardEntry => ({ document: g.document, finding, outcome, message: format(finding) })));
  return [...entries('refused', (g) => g.blocked, formatGuardFinding), ...entries('allowed', (g) => g.allowed, formatAllowance), ...entries('not judged', (g) => g.unjudged, formatUnjudged)];
}
