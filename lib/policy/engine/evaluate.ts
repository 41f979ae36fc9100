import { UserError } from '../../core/errors';
import { DEFAULT_PACKS, PACKS, type Pack, type Severity } from '../packs';
import type { Acknowledgement, TfDocument, TfResource } from './document';
import type { Rule, RuleContext } from './rule';

export interface EvaluateOptions {
  /** Pack ids. @default both packs */
  readonly packs?: readonly string[];
  /** Warnings and unknowns block too. @default false */
  readonly strict?: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly summary: string;
  readonly status: 'fail' | 'unknown';
  readonly severity: Severity;
  /** True when this finding stops synth, plan and apply. */
  readonly blocking: boolean;
  readonly document: string;
  readonly resource: string;
  readonly resourceType: string;
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
}

export interface PolicyReport {
  readonly packs: readonly string[];
  readonly strict: boolean;
  readonly documents: readonly string[];
  readonly rulesEvaluated: readonly string[];
  readonly resourcesEvaluated: number;
  readonly checksPassed: number;
  readonly findings: readonly Finding[];
  readonly acknowledgements: readonly RecordedAcknowledgement[];
  /** Controls with at least one rule evaluated, by citation. */
  readonly controlsCovered: Readonly<Record<string, readonly string[]>>;
  readonly blocking: number;
}

interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly controls: Record<string, string[]>;
}

/** Rules in the selected packs, the higher severity winning where packs disagree. */
function activeRules(rules: readonly Rule[], packs: readonly Pack[]): ActiveRule[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const active = new Map<string, ActiveRule>();
  for (const p of packs) {
    for (const entry of p.entries) {
      const rule = byId.get(entry.rule);
      if (!rule) throw new Error(`pack ${p.id} names unknown rule ${entry.rule}`);
      const current = active.get(rule.id) ?? { rule, severity: entry.severity, controls: {} };
      const severity: Severity = current.severity === 'error' || entry.severity === 'error' ? 'error' : 'warning';
      active.set(rule.id, { rule, severity, controls: { ...current.controls, [p.citation]: [...entry.controls] } });
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
  const index = { active, byType };
  byPacks.set(key, index);
  return index;
}

/** Evaluates every applicable rule on every resource of the documents. */
export function evaluate(documents: readonly TfDocument[], rules: readonly Rule[], options: EvaluateOptions = {}): PolicyReport {
  const strict = options.strict ?? false;
  const packs = resolvePacks(options.packs);
  const { active, byType } = ruleIndex(rules, packs);

  const findings: Finding[] = [];
  const acknowledgements: RecordedAcknowledgement[] = [];
  let checksPassed = 0;
  let resourcesEvaluated = 0;
  for (const doc of documents) {
    const context: RuleContext = { document: doc, resourcesOf: (t) => doc.byType.get(t) ?? [] };
    for (const resource of doc.resources) {
      const applicable = byType.get(resource.type) ?? [];
      if (applicable.length > 0) resourcesEvaluated++;
      const failedRules = new Set<string>();
      for (const { rule, severity, controls } of applicable) {
        const outcome = rule.check(resource, context);
        if (outcome.status === 'pass') {
          checksPassed++;
          continue;
        }
        failedRules.add(rule.id);
        const ack = resource.acknowledgements.find((a) => a.ruleId === rule.id);
        const blocks = outcome.status === 'fail' ? severity === 'error' || strict : strict;
        findings.push({
          ruleId: rule.id,
          summary: rule.summary,
          status: outcome.status,
          severity,
          blocking: blocks && !ack,
          document: doc.name,
          resource: resource.address,
          resourceType: resource.type,
          constructPath: resource.constructPath,
          message: outcome.message,
          fix: rule.fix,
          controls,
          acknowledgedBecause: ack?.reason,
        });
      }
      acknowledgements.push(...recordAcknowledgements(doc, resource, failedRules));
    }
  }
  const controlsCovered: Record<string, string[]> = {};
  for (const a of active) {
    for (const [citation, ids] of Object.entries(a.controls)) {
      controlsCovered[citation] = [...new Set([...(controlsCovered[citation] ?? []), ...ids])].sort();
    }
  }
  return {
    packs: packs.map((p) => p.id),
    strict,
    documents: documents.map((d) => d.name),
    rulesEvaluated: active.map((a) => a.rule.id).sort(),
    resourcesEvaluated,
    checksPassed,
    findings,
    acknowledgements,
    controlsCovered,
    blocking: findings.filter((f) => f.blocking).length,
  };
}

function recordAcknowledgements(doc: TfDocument, resource: TfResource, failed: ReadonlySet<string>): RecordedAcknowledgement[] {
  return resource.acknowledgements.map((a) => ({ ...a, document: doc.name, resource: resource.address, matched: failed.has(a.ruleId) }));
}
