/** Outputs like the ones hms-sys writes, small enough to swap many times in a test. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markOutput, OUTPUT_MARKER } from '../../lib/cli/output-folder';

export const FIXTURE_STACKS = ['one-aws', 'one-aws-k8s', 'two-azure'];

/** A complete output at `dir`, each stack file saying which version it is; the marker last, as hms-sys does. */
export function writeOutput(dir: string, version: string, stacks = FIXTURE_STACKS): void {
  mkdirSync(join(dir, 'stacks'), { recursive: true });
  const manifest = { version: '0.21.0', stacks: Object.fromEntries(stacks.map((s) => [s, { name: s, synthesizedStackPath: `stacks/${s}/cdk.tf.json`, workingDirectory: `stacks/${s}` }])) };
  for (const s of stacks) {
    mkdirSync(join(dir, 'stacks', s));
    writeFileSync(join(dir, 'stacks', s, 'cdk.tf.json'), JSON.stringify({ version, resource: { terraform_data: { x: { input: s } } } }));
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  markOutput(dir, stacks);
}

/** The version of the complete output at `dir`, or undefined when nothing complete is there. */
export function completeVersion(dir: string): string | undefined {
  try {
    if (!existsSync(join(dir, OUTPUT_MARKER))) return undefined;
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const versions = Object.values<{ synthesizedStackPath: string }>(manifest.stacks).map((s) => JSON.parse(readFileSync(join(dir, s.synthesizedStackPath), 'utf8')).version);
    return versions.length === FIXTURE_STACKS.length && versions.every((v) => v === versions[0]) ? versions[0] : undefined;
  } catch {
    return undefined;
  }
}
