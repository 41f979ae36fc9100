import { FEDRAMP_MODERATE, HIPAA } from '../../lib/policy/packs';
import { ALL_RULES } from '../../lib/policy/rules';

const table = (p: typeof FEDRAMP_MODERATE) => Object.fromEntries(p.entries.map((e) => [e.rule, `${e.severity} ${e.controls.join(' ')}`]));

describe('packs', () => {
  test('fedramp-moderate holds every rule, with these severities and NIST 800-53 rev5 controls', () => {
    expect(FEDRAMP_MODERATE.entries.map((e) => e.rule).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
    expect(table(FEDRAMP_MODERATE)).toMatchSnapshot();
  });

  test('hipaa pins its rules, severities and 45 CFR citations', () => {
    expect(table(HIPAA)).toMatchSnapshot();
    for (const e of HIPAA.entries) for (const c of e.controls) expect(c).toMatch(/^164\.(308|312|316)\(/);
  });

  test('every pack row names a rule that exists, once', () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    for (const p of [FEDRAMP_MODERATE, HIPAA]) {
      const rules = p.entries.map((e) => e.rule);
      expect(rules.filter((r) => !ids.has(r))).toEqual([]);
      expect(new Set(rules).size).toBe(rules.length);
    }
  });

  test('rule ids are unique and every rule explains itself', () => {
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    for (const r of ALL_RULES) {
      expect([r.summary, r.rationale, r.fix].every((s) => s.length > 10)).toBe(true);
      expect(r.appliesTo.length).toBeGreaterThan(0);
    }
  });
});
