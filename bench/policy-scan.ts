/**
 * `npx tsx bench/policy-scan.ts [blueprints]`: scan throughput of the policy
 * engine on the synthesized output of a generated fleet (100 blueprints by
 * default, four stacks each): load once, then evaluate several times, median.
 * `npm run bench` reports the same figure with the synth timings. Both measure the
 * built engine (dist/, what `hms-sys` runs): `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtEngine } from './built-engine';
import { writeFleet } from './fleet';
import { ROOT } from './measure';
import { cpuTimed, median, timed } from './stats';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100);
  const { loadTerraform, evaluate, ALL_RULES } = builtEngine();
  const work = mkdtempSync(join(tmpdir(), 'hms-bench-scan-'));
  try {
    const blueprints = writeFleet(join(work, 'fleet'), count);
    const out = join(work, 'out');
    const synth = spawnSync(process.execPath, [join(ROOT, 'bin', 'hms-sys'), 'synth', blueprints, '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HMS_SYS_FROM_SOURCE: '1' } });
    if (synth.status !== 0) throw new Error(`synth failed: ${synth.stderr}`);
    const loadSeconds = timed(() => undefined);
    const start = process.hrtime.bigint();
    const documents = await loadTerraform(out);
    const loadMs = Number(process.hrtime.bigint() - start) / 1e6 + loadSeconds;
    const resources = documents.reduce((n, d) => n + d.resources.length, 0);
    evaluate(documents, ALL_RULES);
    const seconds = Array.from({ length: 7 }, () => timed(() => evaluate(documents, ALL_RULES)));
    const cpu = Array.from({ length: 30 }, () => cpuTimed(() => evaluate(documents, ALL_RULES)));
    const m = median(seconds);
    const c = Math.min(...cpu);
    console.log(`policy scan: ${resources} resources in ${documents.length} stacks, ${(m * 1000).toFixed(1)} ms median of 7 (wall clock), ${Math.round(resources / m)} resources/s; CPU time ${(c * 1000).toFixed(1)} ms (least of 30), ${Math.round(resources / c)} resources/s; reading and resolving the files: ${loadMs.toFixed(0)} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
