import type { TfDocument, TfResource } from './document';
import { isUnresolved, refersTo, relativeAddress, unknownCause, type UnknownCause } from './values';

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
  /**
   * The resources of `type` whose attribute (read by `attribute`) refers to
   * `target` (`${type.name...}`, see refersTo), found through an index built
   * once per document instead of a scan per rule and resource.
   */
  referencing(type: string, attribute: AttributeReader, target: TfResource): readonly TfResource[];
  /**
   * The resources of `type` whose attribute is not known from the configuration
   * and names no resource of the document (`bucket = var.name`,
   * `target_resource_id = data.x.y.id`): they may belong to any resource, so a
   * rule that looks for them reports unknown rather than fail.
   */
  undecided(type: string, attribute: AttributeReader): readonly TfResource[];
  /**
   * `view(resource)`, computed once per evaluation and shared by every rule that
   * reads it (pod specs, policy statements, security group permissions). Views
   * are pure and their results are never modified.
   */
  derive<T>(view: (resource: TfResource, context: RuleContext) => T, resource: TfResource): T;
  /**
   * `read(text)`, computed once per evaluation for the same text across every
   * document: a fleet of stacks repeats the same policy documents.
   */
  memo<T>(read: (text: string) => T, text: string): T;
}

/** Reads the attribute a reference index is built on: a top-level attribute name, or a function of the values. */
export type AttributeReader = string | ((values: Readonly<Record<string, unknown>>) => unknown);

const read = (values: Readonly<Record<string, unknown>>, attribute: AttributeReader): unknown =>
  typeof attribute === 'string' ? values[attribute] : attribute(values);

/**
 * Every dotted prefix of two or more names after each `${` in a value
 * (`${module.a.aws_vpc.v.id}`: module.a, module.a.aws_vpc, module.a.aws_vpc.v, ...):
 * the candidates that refersTo then confirms.
 */
function referencedPrefixes(value: unknown, out: Set<string>, depth = 0): void {
  if (typeof value === 'string') {
    if (!value.includes('${')) return;
    for (const m of value.matchAll(/\$\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)+)/g)) {
      const names = m[1].split('.');
      for (let i = 2; i <= names.length; i++) out.add(names.slice(0, i).join('.'));
    }
  } else if (Array.isArray(value) && depth < 4) {
    for (const v of value) referencedPrefixes(v, out, depth + 1);
  }
}

/** Results of `memo`, shared by the documents of one evaluation. */
export type EvaluationMemo = Map<(text: string) => unknown, Map<string, unknown>>;

/**
 * The context rules see for one document, with its own caches: one per
 * evaluation (`memo` may be shared by the documents of the same evaluation).
 */
export function contextOf(document: TfDocument, memo: EvaluationMemo = new Map()): RuleContext {
  const views = new Map<unknown, Map<TfResource, unknown>>();
  const indexes = new Map<string, Map<AttributeReader, Map<string, TfResource[]>>>();
  const undecided = new Map<string, Map<AttributeReader, readonly TfResource[]>>();
  let addresses: Set<string> | undefined;
  const context: RuleContext = {
    document,
    resourcesOf: (type) => document.byType.get(type) ?? NONE,
    referencing(type, attribute, target) {
      const byAttribute = indexes.get(type) ?? new Map<AttributeReader, Map<string, TfResource[]>>();
      indexes.set(type, byAttribute);
      let index = byAttribute.get(attribute);
      if (!index) {
        index = new Map();
        const addresses = new Set<string>();
        for (const r of context.resourcesOf(type)) {
          addresses.clear();
          referencedPrefixes(read(r.values, attribute), addresses);
          for (const a of addresses) {
            const list = index.get(a);
            if (list) list.push(r);
            else index.set(a, [r]);
          }
        }
        byAttribute.set(attribute, index);
      }
      const bare = relativeAddress(target.address).replace(/\[[^\]]*\]$/, '');
      const candidates = index.get(bare);
      return candidates ? candidates.filter((r) => refersTo(read(r.values, attribute), target.address)) : NONE;
    },
    undecided(type, attribute) {
      const byAttribute = undecided.get(type) ?? new Map<AttributeReader, readonly TfResource[]>();
      undecided.set(type, byAttribute);
      let found = byAttribute.get(attribute);
      if (!found) {
        addresses ??= new Set(document.resources.flatMap((r) => [r.address, relativeAddress(r.address).replace(/\[[^\]]*\]$/, '')]));
        const known = addresses;
        found = context.resourcesOf(type).filter((r) => {
          const value = read(r.values, attribute);
          if (!isUnresolved(value) && !(Array.isArray(value) && value.some(isUnresolved))) return false;
          const names = new Set<string>();
          referencedPrefixes(value, names);
          return ![...names].some((n) => known.has(n));
        });
        byAttribute.set(attribute, found);
      }
      return found;
    },
    derive(view, resource) {
      let byResource = views.get(view);
      if (!byResource) {
        byResource = new Map();
        views.set(view, byResource);
      }
      if (byResource.has(resource)) return byResource.get(resource) as ReturnType<typeof view>;
      const value = view(resource, context);
      byResource.set(resource, value);
      return value;
    },
    memo(read, text) {
      let byText = memo.get(read);
      if (!byText) {
        byText = new Map();
        memo.set(read, byText);
      }
      if (byText.has(text)) return byText.get(text) as ReturnType<typeof read>;
      const value = read(text);
      byText.set(text, value);
      return value;
    },
  };
  return context;
}

const NONE: readonly TfResource[] = Object.freeze([]);

/**
 * One check over one resource type's synthesized attributes. Pure: no I/O, no
 * construct tree, so it runs the same on a CDKTF stack, a cdk.tf.json, HCL or a plan.
 * Severity and controls live in packs, not here.
 */
export interface Rule {
  /** Stable id, e.g. `HMS-EKS-1`. Acknowledgements and reports name it. */
  readonly id: string;
  /**
   * Public scanner checks this rule enforces too (checkov `CKV_*`, trivy `AVD-*`):
   * a resource their tests expect to fail must fail here (bench/scanner-agreement.ts
   * measures it). Derived rules, which no scanner has, have none.
   * @default - none
   */
  readonly publicChecks?: readonly string[];
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
