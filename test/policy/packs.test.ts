import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../../lib/policy/engine/rule';
import { FEDRAMP_MODERATE, HIPAA } from '../../lib/policy/packs';
import { ALL_RULES } from '../../lib/policy/rules';

const table = (p: typeof FEDRAMP_MODERATE) => Object.fromEntries(p.entries.map((e) => [e.rule.id, `${e.severity} ${e.controls.join(' ')}`]));
const RULES_DIR = join(__dirname, '..', '..', 'lib', 'policy', 'rules');
const RULE_FILES = ['aws', 'azure', 'k8s'].flatMap((cloud) =>
  readdirSync(join(RULES_DIR, cloud))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(RULES_DIR, cloud, f)),
);

describe('packs', () => {
  test('fedramp-moderate holds every rule, with these severities and NIST 800-53 rev5 controls', () => {
    expect(FEDRAMP_MODERATE.entries.map((e) => e.rule.id).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
    expect(table(FEDRAMP_MODERATE)).toMatchSnapshot();
  });

  test('hipaa pins its rules, severities and 45 CFR citations', () => {
    expect(table(HIPAA)).toMatchSnapshot();
    for (const e of HIPAA.entries) for (const c of e.controls) expect(c).toMatch(/^164\.(308|312|316)\(/);
  });

  test('a pack names each rule once', () => {
    for (const p of [FEDRAMP_MODERATE, HIPAA]) {
      const ids = p.entries.map((e) => e.rule.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  test('rule ids are unique and every rule explains itself', () => {
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    for (const r of ALL_RULES) {
      expect([r.summary, r.rationale, r.fix].every((s) => s.length > 10)).toBe(true);
      expect(r.appliesTo.length).toBeGreaterThan(0);
    }
  });

  test('one rule a file, each named by a pack: no rule is defined twice or left out of what runs', () => {
    const ruleObjects = new Set<Rule>(ALL_RULES);
    const perFile = RULE_FILES.map((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = Object.values(require(file) as Record<string, unknown>).filter((v): v is Rule => typeof v === 'object' && v !== null && 'check' in v && 'id' in v);
      return { file: file.slice(RULES_DIR.length + 1), rules: exported.map((r) => r.id), inPacks: exported.every((r) => ruleObjects.has(r)) };
    });
    expect(perFile.filter((f) => f.rules.length !== 1 || !f.inPacks)).toEqual([]);
    expect(perFile.length).toBe(ALL_RULES.length);
  });

  test('a rule id is written in its own file only, not repeated in another rule or pack file', () => {
    const sources = [...RULE_FILES, ...['fedramp-moderate.ts', 'hipaa.ts'].map((f) => join(RULES_DIR, '..', 'packs', f))].map((f) => [f, readFileSync(f, 'utf8')] as const);
    for (const rule of ALL_RULES) {
      const holders = sources.filter(([, text]) => text.includes(`'${rule.id}'`)).map(([f]) => f.slice(RULES_DIR.length + 1));
      expect([rule.id, holders.length]).toEqual([rule.id, 1]);
    }
  });
});
