/**
 * `npm run bench`: measures on this machine and writes bench/results.json with
 * the CPU count and Node version, so runs can be compared over time.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchPolicyScan } from './policy-scan';

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const scan = await benchPolicyScan(100, runs);
  const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, runs, policyScan: scan };
  console.table([
    { measure: 'policy scan, 100 blueprints', stacks: scan.stacks, resources: scan.resources, 'median ms': (scan.medianSeconds * 1000).toFixed(1), 'spread ms': (scan.spreadSeconds * 1000).toFixed(1), 'resources/s': scan.resourcesPerSecond },
  ]);
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
