import { makeDocument, type TfResource } from '../../lib/policy/engine/document';
import { contextOf, type Outcome, type Rule } from '../../lib/policy/engine/rule';
import { ALL_RULES } from '../../lib/policy/rules';

type Values = Record<string, unknown>;

/** A resource at `type.name`, as a rule sees it. */
export function resource(address: string, values: Values): TfResource {
  const [type, name] = address.split('.');
  return { type, name, address, values, acknowledgements: [] };
}

/** Runs `rule` on `subject` (its address's type is the first of the rule's types unless given) within `others`. */
export function runRule(rule: Rule, subject: TfResource, others: TfResource[] = []): Outcome {
  const doc = makeDocument('test', 'test', [subject, ...others]);
  return rule.check(subject, contextOf(doc));
}

/**
 * One rule's cases. `unknown` is a case, or a sentence saying why; every rule
 * also has a row in test/policy/rules/omitted-and-unknown.test.ts, which runs the
 * omitted and unknown cases through the loader.
 */
export interface RuleCases {
  readonly rule: Rule;
  readonly compliant: readonly [TfResource, ...TfResource[]];
  readonly nonCompliant: readonly [TfResource, ...TfResource[]];
  readonly unknown: readonly [TfResource, ...TfResource[]] | string;
}

export const REF = (address: string, attr = 'id') => `\${${address}.${attr}}`;

/** Declares the jest tests of a table of rule cases. */
export function describeRules(cases: readonly RuleCases[]): void {
  describe.each(cases.map((c) => [c.rule.id, c] as const))('%s', (_id, c) => {
    test('passes a compliant resource', () => {
      const [subject, ...others] = c.compliant;
      expect(runRule(c.rule, subject, others)).toEqual({ status: 'pass' });
    });
    test('fails a non-compliant resource with a message', () => {
      const [subject, ...others] = c.nonCompliant;
      expect(runRule(c.rule, subject, others)).toEqual({ status: 'fail', message: expect.any(String) });
    });
    if (typeof c.unknown !== 'string') {
      const [subject, ...others] = c.unknown;
      test('reports a value not known from the configuration as unknown, never a pass', () => {
        expect(runRule(c.rule, subject, others)).toEqual({ status: 'unknown', message: expect.any(String), cause: expect.any(String) });
      });
    }
  });
}

const CLOUD_PREFIX = { aws: 'aws_', azure: 'azurerm_', k8s: 'kubernetes_' } as const;

/** The rules of one cloud (by the resource types they apply to), from the packs. */
export function rulesOfCloud(cloud: keyof typeof CLOUD_PREFIX): readonly Rule[] {
  return ALL_RULES.filter((r) => r.appliesTo[0].startsWith(CLOUD_PREFIX[cloud]));
}
