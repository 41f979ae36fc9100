import type { PolicyReport } from '../engine/evaluate';
import { citeControls, findingLocation } from '../engine/format-finding';
import { GUARD_REFUSAL_SUMMARY, GUARD_RULE_ID, GUARD_UNJUDGED_RULE_ID, guardEntries, type GuardEntry, type PlanGuardResult } from './guard';

/** Escapes text for XML attributes and content; hms-sys verify's JUnit report uses it too. */
export const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * JUnit XML: one test suite per scanned document (named by its path, so two
 * inputs never share a suite), one test case per rule and resource that did not
 * pass, and one case for the checks that passed. A plan's suite also holds the
 * stateful-resource guard: one failing case per refused address, and a passing
 * case with the guard's sentence as system-out per allowed or not-judged one,
 * so the report says why check exited 1 when only the guard refused.
 */
export function formatJunit(report: PolicyReport, guard: readonly PlanGuardResult[] = []): string {
  const byDocument = new Map<string, PolicyReport['findings'][number][]>([...report.documents, ...guard.map((g) => g.document)].map((d) => [d, []]));
  const entries = guardEntries(guard);
  const seen = new Set<string>();
  for (const f of report.findings) {
    const key = `${f.document}\u0000${f.resource}\u0000${f.ruleId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byDocument.get(f.document)?.push(f);
  }
  const suites = [...byDocument].map(([doc, findings]) => {
    const cases = findings.map((f) => {
      const name = escape(`${f.ruleId} ${findingLocation(f)}`);
      const detail = escape(`${f.message} (${citeControls(f.controls)}). Fix: ${f.fix}`);
      if (f.blocking) return `    <testcase classname="${escape(doc)}" name="${name}"><failure message="${escape(f.summary)}">${detail}</failure></testcase>`;
      return `    <testcase classname="${escape(doc)}" name="${name}"><skipped message="${escape(f.acknowledgedBecause ? `acknowledged: ${f.acknowledgedBecause}` : `${f.severity}${f.status === 'unknown' ? ' (unknown)' : ''}: ${f.message}`)}"/></testcase>`;
    });
    const guarded = entries.filter((e) => e.document === doc);
    const failures = findings.filter((f) => f.blocking).length;
    const refusals = guarded.filter((e) => e.outcome === 'refused').length;
    return [
      `  <testsuite name="${escape(doc)}" tests="${cases.length + guarded.length + 1}" failures="${failures + refusals}" skipped="${cases.length - failures}">`,
      `    <testcase classname="${escape(doc)}" name="policy checks passed"/>`,
      ...guarded.map((e) => guardCase(doc, e)),
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="hms-sys policy">', ...suites, '</testsuites>', ''].join('\n');
}

/** A guard verdict as a test case: refused fails with what is lost and the fix; allowed and not judged pass and say so. */
function guardCase(doc: string, e: GuardEntry): string {
  const ruleId = e.outcome === 'not judged' ? GUARD_UNJUDGED_RULE_ID : GUARD_RULE_ID;
  const name = escape(`${ruleId} ${e.finding.address}${e.outcome === 'refused' ? '' : ` (${e.outcome})`}`);
  const open = `    <testcase classname="${escape(doc)}" name="${name}">`;
  if (e.outcome === 'refused') return `${open}<failure message="${escape(GUARD_REFUSAL_SUMMARY)}">${escape(e.message)}</failure></testcase>`;
  return `${open}<system-out>${escape(e.message)}</system-out></testcase>`;
}
