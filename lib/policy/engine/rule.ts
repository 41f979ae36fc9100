import type { TfDocument, TfResource } from './document';
import { unknownCause, type UnknownCause } from './values';

/** What a rule found on one resource. */
export type Outcome =
  | { readonly status: 'pass' }
  | { readonly status: 'fail'; readonly message: string }
  /** The value that decides it is not known from the configuration: reported, never a pass. */
  | { readonly status: 'unknown'; readonly message: string; readonly cause: UnknownCause };

export const pass: Outcome = { status: 'pass' };
export const fail = (message: string): Outcome => ({ status: 'fail', message });

/**
 * The deciding value(s) are not known. Pass them: their cause decides whether
 * the finding blocks (see {@link UnknownCause}); a rule that cannot point at a
 * value reports a computed unknown.
 */
export function unknown(message: string, ...values: unknown[]): Outcome {
  const cause = unknownCause(values) ?? 'computed';
  const why =
    cause === 'input'
      ? ': a variable without a default decides it (give it a secure default or a terraform.tfvars value, or check the plan JSON)'
      : cause === 'unreadable'
        ? ': the value is written in a form hms-sys cannot read'
        : '';
  return { status: 'unknown', message: `${message}${why}`, cause };
}

/** What a rule may look at besides its resource: the rest of the document, for cross-resource checks. */
export interface RuleContext {
  readonly document: TfDocument;
  resourcesOf(type: string): readonly TfResource[];
}

/**
 * One check over one resource type's synthesized attributes. Pure: no I/O, no
 * construct tree, so it runs the same on a CDKTF stack, a cdk.tf.json, HCL or a plan.
 * Severity and controls live in packs, not here.
 */
export interface Rule {
  /** Stable id, e.g. `HMS-EKS-1`. Acknowledgements and reports name it. */
  readonly id: string;
  /** Terraform resource types the rule applies to. */
  readonly appliesTo: readonly string[];
  /** What must hold, in one line. */
  readonly summary: string;
  /** Why it matters. */
  readonly rationale: string;
  /** How to comply. */
  readonly fix: string;
  check(resource: TfResource, context: RuleContext): Outcome;
}
