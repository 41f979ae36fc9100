import type { TfDocument, TfResource } from './document';

/** What a rule found on one resource. */
export type Outcome =
  | { readonly status: 'pass' }
  | { readonly status: 'fail'; readonly message: string }
  /** The value that decides it is known only at apply time: reported, never a pass. */
  | { readonly status: 'unknown'; readonly message: string };

export const pass: Outcome = { status: 'pass' };
export const fail = (message: string): Outcome => ({ status: 'fail', message });
export const unknown = (message: string): Outcome => ({ status: 'unknown', message });

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
