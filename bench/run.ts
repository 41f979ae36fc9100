/**
 * `npm run bench`: what a synth, a policy scan, `validate` and the test suite cost
 * on this machine as the fleet grows. Several runs each, median and spread, peak
 * memory, and the overhead against a plain CDKTF app with the same resources.
 * Prints a table and writes bench/results.json with the CPU count and Node version.
 *
 * BENCH_RUNS (default 3) sets the runs; BENCH_SKIP_TESTS=1 skips timing npm test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtEngine } from './built-engine';
import { writeFleet } from './fleet';
import { ROOT, runCommand, runNode, summarize, type Summary } from './measure';
import { cpuTimed, median, spread, timed } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FLEETS = [1, 10, 50, 100];
const CLI = join(ROOT, 'bin', 'hms-sys');

/** Targets from the benchmark issue, checked on every run. */
const TARGETS = {
  oneBlueprintSynthSeconds: 2,
  hundredBlueprintsSeconds: 60,
  hundredBlueprintsRssMiB: 2048,
  overheadRatio: 1.3,
  validateSeconds: 0.5,
  npmTestSeconds: 180,
};

interface FleetResult extends Summary {
  readonly blueprints: number;
  readonly stacks: number;
  readonly perStackMs: number;
  readonly baseline: Summary;
  readonly overhead: number;
}

async function main(): Promise<void> {
  const { loadTerraform, evaluate, ALL_RULES } = builtEngine();
  const work = mkdtempSync(join(tmpdir(), 'hms-bench-'));
  try {
    const fleets: FleetResult[] = [];
    let scan = { resources: 0, stacks: 0, medianMs: 0, spreadMs: 0, resourcesPerSecond: 0, cpuMs: 0, resourcesPerCpuSecond: 0 };
    for (const count of FLEETS) {
      const blueprints = writeFleet(join(work, `fleet-${count}`), count);
      const out = join(work, `out-${count}`);
      const ours = summarize(Array.from({ length: RUNS }, () => runNode([CLI, 'synth', blueprints, '--out', out])));
      const baseline = summarize(Array.from({ length: RUNS }, () => runNode([join(__dirname, 'baseline.js'), out, join(work, `baseline-${count}`)])));
      const documents = await loadTerraform(out);
      fleets.push({
        blueprints: count,
        stacks: documents.length,
        ...ours,
        perStackMs: Math.round((ours.medianSeconds * 1000) / documents.length),
        baseline,
        overhead: Number((ours.medianSeconds / baseline.medianSeconds).toFixed(2)),
      });
      if (count === FLEETS[FLEETS.length - 1]) {
        const resources = documents.reduce((n, d) => n + d.resources.length, 0);
        evaluate(documents, ALL_RULES);
        const seconds = Array.from({ length: Math.max(RUNS, 5) }, () => timed(() => evaluate(documents, ALL_RULES)));
        // CPU time (least of the runs) is what the scan costs on a core of its own; wall clock also counts waiting for one.
        const cpu = Math.min(...Array.from({ length: Math.max(RUNS, 5) }, () => cpuTimed(() => evaluate(documents, ALL_RULES))));
        scan = { resources, stacks: documents.length, medianMs: median(seconds) * 1000, spreadMs: spread(seconds) * 1000, resourcesPerSecond: Math.round(resources / median(seconds)), cpuMs: cpu * 1000, resourcesPerCpuSecond: Math.round(resources / cpu) };
      }
    }
    const validate = summarize(Array.from({ length: Math.max(RUNS, 5) }, () => runNode([CLI, 'validate', join(ROOT, 'blueprints', 'dcaa-audit.yml')])));
    const tests =
      process.env.BENCH_SKIP_TESTS === '1'
        ? undefined
        : { npmTestSeconds: runCommand('npm', ['test']), terraformStageSeconds: runCommand('npm', ['run', 'test:terraform']) };

    console.table(
      fleets.map((f) => ({
        blueprints: f.blueprints,
        stacks: f.stacks,
        'synth s (median)': f.medianSeconds.toFixed(2),
        'spread s': f.spreadSeconds.toFixed(2),
        'ms / stack': f.perStackMs,
        'peak MiB': f.peakRssMiB,
        'baseline s': f.baseline.medianSeconds.toFixed(2),
        'baseline MiB': f.baseline.peakRssMiB,
        overhead: `${f.overhead}x`,
      })),
    );
    console.log(`policy scan: ${scan.resources} resources in ${scan.stacks} stacks, ${scan.medianMs.toFixed(1)} ms median (spread ${scan.spreadMs.toFixed(1)} ms), ${scan.resourcesPerSecond} resources/s; CPU ${scan.cpuMs.toFixed(1)} ms, ${scan.resourcesPerCpuSecond} resources/s`);
    console.log(`policy in hms-sys synth: one evaluation of the written output, about ${(scan.medianMs / scan.stacks).toFixed(3)} ms per stack`);
    console.log(`hms-sys validate, one blueprint: ${validate.medianSeconds.toFixed(3)} s median (spread ${validate.spreadSeconds.toFixed(3)} s), ${validate.peakRssMiB} MiB`);
    if (tests) console.log(`npm test: ${tests.npmTestSeconds.toFixed(1)} s; Terraform stage alone: ${tests.terraformStageSeconds.toFixed(1)} s`);

    const one = fleets[0];
    const hundred = fleets[fleets.length - 1];
    const ten = fleets.find((f) => f.blueprints === 10)!;
    const checks = [
      [`one blueprint, all stacks, under ${TARGETS.oneBlueprintSynthSeconds} s`, one.medianSeconds < TARGETS.oneBlueprintSynthSeconds],
      [`100 blueprints under ${TARGETS.hundredBlueprintsSeconds} s`, hundred.medianSeconds < TARGETS.hundredBlueprintsSeconds],
      [`100 blueprints under ${TARGETS.hundredBlueprintsRssMiB} MiB`, hundred.peakRssMiB < TARGETS.hundredBlueprintsRssMiB],
      ['per-stack cost flat from 10 to 100 (within 25%)', hundred.perStackMs <= ten.perStackMs * 1.25],
      [`overhead against the plain CDKTF baseline under ${TARGETS.overheadRatio}x (100 blueprints)`, hundred.overhead < TARGETS.overheadRatio],
      [`validate under ${TARGETS.validateSeconds} s`, validate.medianSeconds < TARGETS.validateSeconds],
      ...(tests ? [[`npm test under ${TARGETS.npmTestSeconds} s`, tests.npmTestSeconds < TARGETS.npmTestSeconds] as const] : []),
    ] as const;
    for (const [what, ok] of checks) console.log(`${ok ? '✔' : '✘'} ${what}`);

    const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, runs: RUNS, fleets, policyScan: scan, validate, tests, targets: TARGETS };
    writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
