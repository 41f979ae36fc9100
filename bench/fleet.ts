/** Generated fleets of blueprints for benchmarks: N valid, distinct blueprints. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLE = readFileSync(join(__dirname, '..', 'blueprints', 'dcaa-audit.yml'), 'utf8');
// bottlerocket-fips cannot run on AWS without internet (refused at validate), so fleets on both clouds vary the baseline.
const BASELINES = ['cis-level-2', 'cis-level-1'];

/** Writes `count` blueprints (both clouds) into `dir`, varied in baseline, size and zone count, and returns the folder. */
export function writeFleet(dir: string, count: number): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const yaml = EXAMPLE.replace('baseline: cis-level-2', `baseline: ${BASELINES[i % 2]}`)
      .replace('count: 10', `count: ${2 + (i % 8)}`)
      .replace('size: 1Ti', `size: ${100 + i}Gi`);
    writeFileSync(join(dir, `agency-${String(i).padStart(3, '0')}.yml`), `aws:\n  availabilityZones: ${2 + (i % 3)}\n${yaml}`);
  }
  return dir;
}
