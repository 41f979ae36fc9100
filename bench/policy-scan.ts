/**
 * Policy scan throughput over the synthesized output of a fleet of blueprints:
 * the time `hms-sys check cdktf.out` spends evaluating, without file reading.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprints } from '../lib/blueprint/load';
import { loadTerraform } from '../lib/cli/load-terraform';
import { synthesizeBlueprints } from '../lib/cli/synthesize';
import { evaluate } from '../lib/policy/engine/evaluate';
import { ALL_RULES } from '../lib/policy/rules';
import { writeFleet } from './fleet';
import { median, spread, timed } from './stats';

export async function benchPolicyScan(blueprintCount: number, runs: number) {
  const work = mkdtempSync(join(tmpdir(), 'hms-bench-scan-'));
  try {
    const fleet = writeFleet(join(work, 'blueprints'), blueprintCount);
    synthesizeBlueprints(loadBlueprints([fleet]), join(work, 'cdktf.out'));
    const documents = await loadTerraform(join(work, 'cdktf.out'));
    const resources = documents.reduce((n, d) => n + d.resources.length, 0);
    evaluate(documents, ALL_RULES); // warm up
    const seconds = Array.from({ length: runs }, () => timed(() => evaluate(documents, ALL_RULES)));
    return { blueprints: blueprintCount, stacks: documents.length, resources, medianSeconds: median(seconds), spreadSeconds: spread(seconds), resourcesPerSecond: Math.round(resources / median(seconds)) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
