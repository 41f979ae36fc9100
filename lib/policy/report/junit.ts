import type { PolicyReport } from '../engine/evaluate';
import { citeControls, findingLocation } from '../engine/format-finding';

/** Escapes text for XML attributes and content; hms-sys verify's JUnit report uses it too. */
export const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * JUnit XML: one test suite per scanned document (named by its path, so two
 * inputs never share a suite), one test case per rule and resource that did not
 * pass, and one case for the checks that passed.
 */
export function formatJunit(report: PolicyReport): string {
  const byDocument = new Map<string, PolicyReport['findings'][number][]>(report.documents.map((d) => [d, []]));
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
    const failures = findings.filter((f) => f.blocking).length;
    return [
      `  <testsuite name="${escape(doc)}" tests="${cases.length + 1}" failures="${failures}" skipped="${cases.length - failures}">`,
      `    <testcase classname="${escape(doc)}" name="policy checks passed"/>`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="hms-sys policy">', ...suites, '</testsuites>', ''].join('\n');
}
