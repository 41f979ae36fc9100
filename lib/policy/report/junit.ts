import type { PolicyReport } from '../engine/evaluate';
import { citeControls, findingLocation } from '../engine/format-finding';

/** Escapes text for XML attributes and content. */
export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** JUnit XML: one test suite per document, one failed test case per blocking finding. */
export function formatJunit(report: PolicyReport): string {
  const suites = report.documents.map((doc) => {
    const findings = report.findings.filter((f) => f.document === doc);
    const cases = findings.map((f) => {
      const name = escapeXml(`${f.ruleId} ${findingLocation(f)}`);
      const detail = escapeXml(`${f.message} (${citeControls(f.controls)}). Fix: ${f.fix}`);
      if (f.blocking) return `    <testcase classname="${escapeXml(doc)}" name="${name}"><failure message="${escapeXml(f.summary)}">${detail}</failure></testcase>`;
      return `    <testcase classname="${escapeXml(doc)}" name="${name}"><skipped message="${escapeXml(f.acknowledgedBecause ? `acknowledged: ${f.acknowledgedBecause}` : `${f.severity}: ${f.message}`)}"/></testcase>`;
    });
    const failures = findings.filter((f) => f.blocking).length;
    const passedCase = `    <testcase classname="${escapeXml(doc)}" name="policy checks passed"/>`;
    return [
      `  <testsuite name="${escapeXml(doc)}" tests="${cases.length + 1}" failures="${failures}" skipped="${cases.length - failures}">`,
      passedCase,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="hms-sys policy">', ...suites, '</testsuites>', ''].join('\n');
}
