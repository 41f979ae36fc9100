import { readFileSync } from 'node:fs';
import { rulesDocument } from '../../lib/policy/rules-document';
import { ALL_RULES } from '../../lib/policy/rules';
import { RULES_DOCUMENT_PATH } from '../../lib/policy/write-rules-document';

describe('rules document', () => {
  test('docs/POLICY-RULES.md is in sync with the rules and packs (run `npm run docs`)', () => {
    expect(readFileSync(RULES_DOCUMENT_PATH, 'utf8')).toBe(rulesDocument());
  });

  test('lists every rule with its resources and controls', () => {
    const doc = rulesDocument();
    for (const r of ALL_RULES) expect(doc).toContain(`| ${r.id} |`);
    expect(doc).toContain('| HMS-EKS-1 | The EKS API endpoint is private only | `aws_eks_cluster` | **FAIL** SC-7, AC-4, AC-17 | **FAIL** 164.312(a)(1), 164.312(e)(1) |');
  });
});
