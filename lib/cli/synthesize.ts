import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { App } from 'cdktf';
import type { Blueprint } from '../blueprint/blueprint';
import { addBlueprintStacks, type BuildOptions, type BuiltStack } from '../../stacks/app';

export interface SynthesizedStack extends BuiltStack {
  /** Path of the stack's cdk.tf.json inside the output folder. */
  readonly file: string;
  readonly resourceCount: number;
}

export interface SynthesisResult {
  readonly outdir: string;
  readonly stacks: SynthesizedStack[];
  readonly notices: string[];
}

/**
 * Synthesizes blueprints into `outdir` atomically: everything is written to a
 * sibling temporary folder first and swapped in only when synthesis succeeded,
 * so a failure leaves the previous output whole and never half-written.
 */
export function synthesizeBlueprints(blueprints: readonly Blueprint[], outdir: string, options: BuildOptions = {}): SynthesisResult {
  const target = resolve(outdir);
  mkdirSync(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}-${Date.now()}`);
  try {
    const app = new App({ outdir: staging });
    const { stacks, notices } = addBlueprintStacks(app, blueprints, options);
    app.synth();
    swapIn(staging, target);
    return {
      outdir: target,
      notices,
      stacks: stacks.map((s) => {
        const file = join(target, 'stacks', s.stackName, 'cdk.tf.json');
        return { ...s, file, resourceCount: countResources(file) };
      }),
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function swapIn(staging: string, target: string): void {
  const previous = `${staging}.previous`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}

function countResources(file: string): number {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
  return Object.values(doc.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}
