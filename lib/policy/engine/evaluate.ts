import { UserError } from '../../core/errors';
import { DEFAULT_PACKS, PACKS, type Pack, type Severity } from '../packs';
import type { Acknowledgement, NotScannedModule, TfDocument, TfResource } from './document';
import { contextOf, type EvaluationMemo, type Rule } from './rule';
import type { UnknownCause } from './values';

export interface EvaluateOptions {
  /** Pack ids. @default both packs */
  readonly packs?: readonly string[];
  /** Warnings and unknowns block too. @default false */
  readonly strict?: boolean;
  /** Acknowledgements written in the scanned input are listed but not honoured (reviewing untrusted code). @default false */
  readonly ignoreAcknowledgements?: boolean;
}

/** A reason shorter than this is not a reason. */
export const MIN_REASON_LENGTH = 10;

/** Why an acknowledgement cannot be honoured, or undefined when it can: the same rules as `FedRampBaseline.acknowledge`. */
export function acknowledgementProblem(ack: Acknowledgement, rules: readonly Rule[]): string | undefined {
  if (!rules.some((r) => r.id === ack.ruleId)) return `unknown rule ${JSON.stringify(ack.ruleId)}`;
  if (ack.reason.trim().length < MIN_REASON_LENGTH) return `a reason of at least ${MIN_REASON_LENGTH} characters that an assessor can read is required`;
  return undefined;
}

export interface Finding {
  readonly ruleId: string;
  readonly summary: string;
  readonly status: 'fail' | 'unknown';
  /** For an unknown: a variable without a default (blocks at error severity), a computed value (does not), or an unreadable literal (blocks). */
  readonly unknownCause?: UnknownCause;
  readonly severity: Severity;
  /** True when this finding stops synth, plan and apply. */
  readonly blocking: boolean;
  readonly document: string;
  readonly resource: string;
  readonly resourceType: string;
  /** The file that defines the resource, when known. */
  readonly file?: string;
  readonly constructPath?: string;
  readonly message: string;
  readonly fix: string;
  /** Control ids by citation, e.g. `{ 'NIST 800-53': ['SC-7'], HIPAA: ['164.312(a)(1)'] }`. */
  readonly controls: Readonly<Record<string, readonly string[]>>;
  /** The reason given, when the finding was acknowledged. */
  readonly acknowledgedBecause?: string;
}

export interface RecordedAcknowledgement extends Acknowledgement {
  readonly document: string;
  readonly resource: string;
  /** False when the rule did not fail on the resource: a stale acknowledgement. */
  readonly matched: boolean;
  /** Why it was not honoured: a missing reason, an unknown rule, or `--ignore-acknowledgements`. */
  readonly refused?: string;
}

export interface PolicyReport {
  readonly packs: readonly string[];
  readonly strict: boolean;
  readonly documents: readonly string[];
  readonly rulesEvaluated: readonly string[];
  /** Managed resources read from the documents. */
  readonly resourcesScanned: number;
  /** Resources that at least one rule applies to. */
  readonly resourcesEvaluated: number;
  readonly checksPassed: number;
  readonly findings: readonly Finding[];
  readonly acknowledgements: readonly RecordedAcknowledgement[];
  /** Controls with at least one rule evaluated, by citation. */
  readonly controlsCovered: Readonly<Record<string, readonly string[]>>;
  readonly blocking: number;
  /** Findings reported but not blocking, not acknowledged. */
  readonly warnings: number;
  /** Findings turned into evidence by an acknowledgement with a reason. */
  readonly acknowledged: number;
  /** Findings whose deciding value is not known from the configuration. */
  readonly unknowns: number;
  /** Modules the scanned configuration calls whose code was not read (remote sources): with `strict`, they block. */
  readonly modulesNotScanned: readonly NotScannedModule[];
}

interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly controls: Record<string, string[]>;
}

/** Rules in the selected packs, the higher severity winning where packs disagree; `rules` limits them. */
function activeRules(rules: readonly Rule[], packs: readonly Pack[]): ActiveRule[] {
  const allowed = new Set(rules.map((r) => r.id));
  const active = new Map<string, ActiveRule>();
  for (const p of packs) {
    for (const { rule, severity: packSeverity, controls } of p.entries) {
      if (!allowed.has(rule.id)) continue;
      const current = active.get(rule.id) ?? { rule, severity: packSeverity, controls: {} };
      const severity: Severity = current.severity === 'error' || packSeverity === 'error' ? 'error' : 'warning';
      active.set(rule.id, { rule, severity, controls: { ...current.controls, [p.citation]: [...controls] } });
    }
  }
  return [...active.values()];
}

export function resolvePacks(ids: readonly string[] = DEFAULT_PACKS): Pack[] {
  return ids.map((id) => {
    const p = PACKS[id];
    if (!p) throw new UserError(`unknown policy pack ${JSON.stringify(id)}; packs: ${Object.keys(PACKS).join(', ')}`);
    return p;
  });
}

interface RuleIndex {
  readonly active: readonly ActiveRule[];
  readonly byType: ReadonlyMap<string, readonly ActiveRule[]>;
  /** Rule ids, sorted. */
  readonly ruleIds: readonly string[];
  /** Controls with at least one active rule, by citation, sorted. */
  readonly controlsCovered: Readonly<Record<string, readonly string[]>>;
}

/** Rule indexes by rule list and packs: built once, not once per stack. */
const INDEXES = new WeakMap<readonly Rule[], Map<string, RuleIndex>>();

function ruleIndex(rules: readonly Rule[], packs: readonly Pack[]): RuleIndex {
  const key = packs.map((p) => p.id).join('+');
  const byPacks = INDEXES.get(rules) ?? new Map<string, RuleIndex>();
  INDEXES.set(rules, byPacks);
  const cached = byPacks.get(key);
  if (cached) return cached;
  const active = activeRules(rules, packs);
  const byType = new Map<string, ActiveRule[]>();
  for (const a of active) for (const t of a.rule.appliesTo) byType.set(t, [...(byType.get(t) ?? []), a]);
  const covered = new Map<string, Set<string>>();
  for (const a of active) for (const [citation, ids] of Object.entries(a.controls)) for (const id of ids) covered.set(citation, (covered.get(citation) ?? new Set()).add(id));
  const controlsCovered = Object.fromEntries([...covered].map(([citation, ids]) => [citation, [...ids].sort()]));
  const index = { active, byType, ruleIds: active.map((a) => a.rule.id).sort(), controlsCovered };
  byPacks.set(key, index);
  return index;
}

/** Evaluates every applicable rule on every resource of the documents. */
export function evaluate(documents: readonly TfDocument[], rules: readonly Rule[], options: EvaluateOptions = {}): PolicyReport {
  const strict = options.strict ?? false;
  const packs = resolvePacks(options.packs);
  // The synth gate evaluates each stack on its own: what depends only on the rules and packs is computed once, in the index.
  const { byType, ruleIds, controlsCovered } = ruleIndex(rules, packs);

  const findings: Finding[] = [];
  const acknowledgements: RecordedAcknowledgement[] = [];
  let checksPassed = 0;
  let resourcesEvaluated = 0;
  const memo: EvaluationMemo = new Map();
  for (const doc of documents) {
    const context = contextOf(doc, memo);
    for (const resource of doc.resources) {
      const acks = resource.acknowledgements;
      const applicable = byType.get(resource.type);
      if (applicable === undefined) {
        // No rule applies: an acknowledgement here is stale, and still recorded.
        if (acks.length > 0) acknowledgements.push(...recordAcknowledgements(doc, resource, new Set(), rules, options.ignoreAcknowledgements === true));
        continue;
      }
      resourcesEvaluated++;
      let failedRules: Set<string> | undefined;
      for (const { rule, severity, controls } of applicable) {
        const outcome = rule.check(resource, context);
        if (outcome.status === 'pass') {
          checksPassed++;
          continue;
        }
        (failedRules ??= new Set()).add(rule.id);
        const ack = acks.length === 0 || options.ignoreAcknowledgements ? undefined : acks.find((a) => a.ruleId === rule.id && acknowledgementProblem(a, rules) === undefined);
        // A computed unknown (another resource's attribute, a value known after apply) is not a finding by itself;
        // a variable without a default or a literal hms-sys cannot read decides the setting unseen, so it blocks like a failure.
        const blocks =
          outcome.status === 'fail' || outcome.cause !== 'computed' ? severity === 'error' || strict : strict;
        findings.push({
          ruleId: rule.id,
          summary: rule.summary,
          status: outcome.status,
          ...(outcome.status === 'unknown' ? { unknownCause: outcome.cause } : {}),
          severity,
          blocking: blocks && !ack,
          document: doc.name,
          resource: resource.address,
          resourceType: resource.type,
          file: resource.file,
          constructPath: resource.constructPath,
          message: outcome.message,
          fix: rule.fix,
          controls,
          acknowledgedBecause: ack?.reason.trim(),
        });
      }
      if (acks.length > 0) acknowledgements.push(...recordAcknowledgements(doc, resource, failedRules ?? new Set(), rules, options.ignoreAcknowledgements === true));
    }
  }
  return {
    packs: packs.map((p) => p.id),
    strict,
    documents: [...new Set(documents.map((d) => d.name))],
    rulesEvaluated: [...ruleIds],
    resourcesScanned: documents.reduce((n, d) => n + d.resources.length, 0),
    resourcesEvaluated,
    checksPassed,
    findings,
    acknowledgements,
    controlsCovered: Object.fromEntries(Object.entries(controlsCovered).map(([citation, ids]) => [citation, [...ids]])),
    blocking: findings.filter((f) => f.blocking).length,
    warnings: findings.filter((f) => !f.blocking && !f.acknowledgedBecause).length,
    acknowledged: findings.filter((f) => f.acknowledgedBecause).length,
    unknowns: findings.filter((f) => f.status === 'unknown').length,
    modulesNotScanned: documents.flatMap((d) => d.notScanned ?? []),
  };
}

function recordAcknowledgements(doc: TfDocument, resource: TfResource, failed: ReadonlySet<string>, rules: readonly Rule[], ignored: boolean): RecordedAcknowledgement[] {
  return resource.acknowledgements.map((a) => {
    const refused = ignored ? 'acknowledgements in the scanned input are ignored (--ignore-acknowledgements)' : acknowledgementProblem(a, rules);
    return { ...a, document: doc.name, resource: resource.address, matched: failed.has(a.ruleId), ...(refused ? { refused } : {}) };
  });
}
