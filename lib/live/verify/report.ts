import { escape as escapeXml } from '../../policy/report/junit';
import type { PromiseResult } from './verify-platform';

export type VerifyFormat = 'text' | 'json' | 'junit';
export const VERIFY_FORMATS: readonly VerifyFormat[] = ['text', 'json', 'junit'];

/** A cluster verify could not work on at all (unreachable, credentials). */
export interface ClusterProblem {
  readonly cloud: string;
  readonly message: string;
  /** True when the cloud's stack holds no cluster yet: nothing to verify is a refusal (exit 1), not a failed tool chain. */
  readonly notDeployed?: boolean;
}

export interface VerifyReport {
  readonly blueprint: string;
  readonly results: readonly PromiseResult[];
  readonly problems: readonly ClusterProblem[];
  /** What could not be removed afterwards, to remove by hand. */
  readonly leftovers: readonly string[];
}

const controls = (r: PromiseResult) => r.controls.join(', ');
const mark = { passed: '✔', failed: '✘', error: '?' } as const;

export function formatVerifyText(report: VerifyReport): string {
  const lines = report.results.map((r) => {
    const head = `${mark[r.outcome]} ${r.title} on ${r.cloud} (NIST 800-53 ${controls(r)})`;
    const why = r.outcome === 'passed' ? '' : `: ${r.outcome === 'error' ? 'could not be proven: ' : ''}${r.reason ?? ''}`;
    return [`${head}${why}`, ...r.evidence.map((e) => `    ${e}`)].join('\n');
  });
  const problems = report.problems.map((p) => `? ${p.cloud}: ${p.message}`);
  const leftovers = report.leftovers.map((l) => `! not cleaned up: ${l}`);
  const held = report.results.filter((r) => r.outcome === 'passed').length;
  return [...problems, ...lines, ...leftovers, `${held} of ${report.results.length} promise(s) proven on ${report.blueprint}`].join('\n');
}

export function formatVerifyJson(report: VerifyReport): string {
  return JSON.stringify({ ...report, passed: report.problems.length === 0 && report.results.every((r) => r.outcome === 'passed') }, null, 2);
}

/** JUnit XML for CI: one suite per cloud, one case per promise; a broken promise is a failure, an unproven one an error. */
export function formatVerifyJunit(report: VerifyReport): string {
  const clouds = [...new Set([...report.results.map((r) => r.cloud), ...report.problems.map((p) => p.cloud)])];
  const suites = clouds.map((cloud) => {
    const results = report.results.filter((r) => r.cloud === cloud);
    const problems = report.problems.filter((p) => p.cloud === cloud);
    const cases = results.map((r) => {
      const name = escapeXml(`${r.title} (${controls(r)})`);
      const body = escapeXml(r.evidence.join('\n'));
      const time = (r.durationMs / 1000).toFixed(3);
      if (r.outcome === 'passed') return `    <testcase classname="${escapeXml(`${report.blueprint}.${cloud}`)}" name="${name}" time="${time}"><system-out>${body}</system-out></testcase>`;
      const tag = r.outcome === 'failed' ? 'failure' : 'error';
      return `    <testcase classname="${escapeXml(`${report.blueprint}.${cloud}`)}" name="${name}" time="${time}"><${tag} message="${escapeXml(r.reason ?? r.outcome)}">${body}</${tag}></testcase>`;
    });
    const problemCases = problems.map((p) => `    <testcase classname="${escapeXml(`${report.blueprint}.${cloud}`)}" name="cluster reachable"><error message="${escapeXml(p.message)}"/></testcase>`);
    const failures = results.filter((r) => r.outcome === 'failed').length;
    const errors = results.filter((r) => r.outcome === 'error').length + problems.length;
    return [`  <testsuite name="${escapeXml(`${report.blueprint} on ${cloud}`)}" tests="${cases.length + problemCases.length}" failures="${failures}" errors="${errors}">`, ...problemCases, ...cases, '  </testsuite>'].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="hms-sys verify">', ...suites, '</testsuites>', ''].join('\n');
}

/** 1 when a promise is broken; 3 when one could not be proven or a cluster could not be reached; else 0. */
export function verifyExitCode(report: VerifyReport): 0 | 1 | 3 {
  if (report.results.some((r) => r.outcome === 'failed')) return 1;
  if (report.problems.some((p) => !p.notDeployed) || report.results.some((r) => r.outcome === 'error')) return 3;
  if (report.problems.length > 0) return 1;
  return report.results.length > 0 ? 0 : 3;
}
