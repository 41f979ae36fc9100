import type { PolicyReport } from '../engine/evaluate';
import { citeControls, findingLocation } from '../engine/format-finding';

/** What the caller scanned and refused besides the packs, for the summary. */
export interface TextContext {
  /** The inputs as the user named them. */
  readonly inputs?: readonly string[];
  /** Plans refused by the stateful-resource guard. */
  readonly guardRefusals?: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Modules not scanned block only in strict mode: unread code is an unknown, not a finding by itself. */
export const modulesBlocking = (report: PolicyReport): number => (report.strict ? report.modulesNotScanned.length : 0);

/** The last line: what was scanned, the counts, and, when refused, why. */
export function summaryLine(report: PolicyReport, context: TextContext = {}): string {
  const guard = context.guardRefusals ?? 0;
  const modules = modulesBlocking(report);
  const refused = report.blocking > 0 || guard > 0 || modules > 0;
  const inputs = context.inputs ?? report.documents;
  const shown = inputs.slice(0, 3).join(', ') + (inputs.length > 3 ? `, and ${inputs.length - 3} more` : '');
  const scanned =
    `scanned ${shown}: ${plural(report.resourcesScanned, 'resource')}, ${report.resourcesEvaluated} with rules; ` +
    `${report.rulesEvaluated.length} rules (${report.packs.join(', ')}${report.strict ? ', strict' : ''}): ` +
    `${report.checksPassed} checks passed, ${report.blocking} blocking, ${plural(report.warnings, 'warning')}, ${report.unknowns} unknown, ${report.acknowledged} acknowledged` +
    (report.modulesNotScanned.length > 0 ? `; ${plural(report.modulesNotScanned.length, 'module')} not scanned` : '');
  if (!refused) return `✔ ${scanned}`;
  const why = [
    report.blocking > 0 ? plural(report.blocking, 'blocking finding') : '',
    guard > 0 ? plural(guard, 'stateful-guard refusal') : '',
    modules > 0 ? `${plural(modules, 'module')} not scanned (strict)` : '',
  ].filter(Boolean);
  return `✘ refused (${why.join(' and ')}): ${scanned}`;
}

/** Human text, grouped by resource, blocking findings first, then the summary line. */
export function formatText(report: PolicyReport, context: TextContext = {}): string {
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
  for (const a of report.acknowledgements) {
    if (a.refused) lines.push(`acknowledgement not honoured: ${a.ruleId} on ${a.document}: ${a.resource}: ${a.refused}`);
    else if (!a.matched) lines.push(`stale acknowledgement: ${a.ruleId} on ${a.document}: ${a.resource} matches no finding ("${a.reason}"); remove it`);
  }
  for (const m of report.modulesNotScanned) lines.push(`module not scanned: ${m.module} (${m.source}) in ${m.file}: ${m.reason}`);
  lines.push(summaryLine(report, context));
  return lines.join('\n');
}
