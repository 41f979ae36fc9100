import type { PolicyReport } from '../engine/evaluate';
import { citeControls, findingLocation } from '../engine/format-finding';

/** Human text, grouped by resource, blocking findings first. */
export function formatText(report: PolicyReport): string {
  const lines: string[] = [];
  const byResource = new Map<string, PolicyReport['findings'][number][]>();
  const ordered = [...report.findings].sort((a, b) => Number(b.blocking) - Number(a.blocking));
  for (const f of ordered) {
    const key = f.constructPath ? `${f.constructPath} (${f.resource})` : findingLocation(f);
    byResource.set(key, [...(byResource.get(key) ?? []), f]);
  }
  for (const [where, findings] of byResource) {
    lines.push(where);
    for (const f of findings) {
      const label = f.acknowledgedBecause ? 'acknowledged' : f.blocking ? 'FAIL' : f.status === 'unknown' ? 'unknown' : 'warn';
      lines.push(`  ${label.padEnd(12)} [${f.ruleId}] ${f.summary}: ${f.message}`);
      lines.push(`  ${''.padEnd(12)} controls: ${citeControls(f.controls)}`);
      lines.push(f.acknowledgedBecause ? `  ${''.padEnd(12)} reason: ${f.acknowledgedBecause}` : `  ${''.padEnd(12)} fix: ${f.fix}`);
    }
  }
  for (const a of report.acknowledgements.filter((x) => !x.matched)) {
    lines.push(`stale acknowledgement: ${a.ruleId} on ${a.document}: ${a.resource} matches no finding ("${a.reason}"); remove it`);
  }
  const warnings = report.findings.filter((f) => !f.blocking && !f.acknowledgedBecause).length;
  const acknowledged = report.findings.filter((f) => f.acknowledgedBecause).length;
  lines.push(
    `${report.blocking === 0 ? '✔' : '✘'} ${report.resourcesEvaluated} resources, ${report.rulesEvaluated.length} rules (${report.packs.join(', ')}${report.strict ? ', strict' : ''}): ` +
      `${report.checksPassed} checks passed, ${report.blocking} blocking, ${warnings} warnings, ${acknowledged} acknowledged`,
  );
  return lines.join('\n');
}
