import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { App } from 'cdktf';
import type { Blueprint } from '../blueprint/blueprint';
import { UserError } from '../core/errors';
import type { PolicyReport } from '../policy/engine/evaluate';
import { formatFinding } from '../policy/engine/format-finding';
import { FedRampBaseline, POLICY_REPORT_FILE } from '../policy/fedramp-baseline';
import { withEnvironmentDefaults } from './environment-defaults';
import { withOutputLock } from './output-lock';
import { assertReplaceable, markOutput, OutputFolderError, publishOutput, recoverOutput, stagingPathFor, type OutputContext } from './output-folder';
import { addBlueprintStacks, type BuildOptions, type BuiltStack } from '../../stacks/app';
import { LOCAL_STATE_DIR, localStateDirFor } from '../../stacks/backend';

export { POLICY_REPORT_FILE };

export interface SynthesizedStack extends Omit<BuiltStack, 'stack'> {
  /** Path of the stack's cdk.tf.json inside the output folder. */
  readonly file: string;
  readonly resourceCount: number;
  readonly policy: PolicyReport;
}

export interface SynthesisResult {
  readonly outdir: string;
  readonly stacks: SynthesizedStack[];
  readonly notices: string[];
}

/** Raised when the policy gate refuses a synthesis. */
export class PolicyGateError extends UserError {
  constructor(public readonly reports: readonly PolicyReport[]) {
    const blocking = reports.flatMap((r) => r.findings.filter((f) => f.blocking));
    super(`policy gate: ${blocking.length} blocking finding(s); nothing was written:\n${blocking.map((f) => `  ${formatFinding(f)}`).join('\n')}`);
    this.name = 'PolicyGateError';
  }
}

export interface SynthesisOptions extends BuildOptions {
  /**
   * The folder the user works in: an output folder may not be it or hold it.
   * @default process.cwd()
   */
  readonly cwd?: string;
}

/** What an output folder must not be or hold, for a target and a working folder. */
export function outputContextFor(target: string, cwd: string): OutputContext {
  return { cwd, stateDirs: [localStateDirFor(target), join(resolve(cwd), LOCAL_STATE_DIR)] };
}

/**
 * Synthesizes blueprints into `outdir` atomically: everything is written to a
 * sibling staging folder, checked against the policy packs, marked as ours, and
 * swapped in only when synthesis and the gate both pass, under a lock so that
 * concurrent synths do not interleave. What is at `outdir` is replaced only when
 * hms-sys wrote it (see output-folder.ts); a failure or an interrupt leaves the
 * previous output whole, at `outdir` or set aside where the next run restores it.
 * The gate reads the written cdk.tf.json, acknowledgements included, so it judges
 * exactly what Terraform will see.
 */
export function synthesizeBlueprints(blueprints: readonly Blueprint[], outdir: string, options: SynthesisOptions = {}): SynthesisResult {
  const target = resolve(outdir);
  const context = outputContextFor(target, options.cwd ?? process.cwd());
  // Refuse before the work, and again under the lock before the swap.
  assertReplaceable(target, context);
  const staging = prepareStaging(target);
  try {
    const recovered = withOutputLock(target, () => recoverOutput(target));
    const app = new App({ outdir: staging });
    // The gate below evaluates what is written; validation need not resolve every stack twice.
    FedRampBaseline.gateAfterSynth(app);
    // Local state stays in the project's terraform-state/ whatever --out is, the path computed from the published folder.
    const localState = options.localState ?? { outdir: target, stateDir: join(resolve(options.cwd ?? process.cwd()), LOCAL_STATE_DIR) };
    const { stacks, notices } = addBlueprintStacks(app, withEnvironmentDefaults(blueprints), { ...options, localState });
    app.synth();
    const synthesized = stacks.map(({ stack, ...s }) => {
      const stagedFile = join(staging, 'stacks', s.stackName, 'cdk.tf.json');
      const json = JSON.parse(readFileSync(stagedFile, 'utf8')) as { resource?: Record<string, Record<string, unknown>>; terraform?: { backend?: { local?: { path?: string } } } };
      refuseStateLeftBehind(s.stackName, join(target, 'stacks', s.stackName), json.terraform?.backend?.local?.path, options.cwd ?? process.cwd());
      // The baseline's synthesizer hook evaluated the written file and wrote its report: the same code path as `cdktf synth`.
      const policy = FedRampBaseline.of(stack).report;
      if (!policy) throw new Error(`internal: stack ${s.stackName} was synthesized without its policy report`);
      const resourceCount = Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
      return { ...s, file: join(target, 'stacks', s.stackName, 'cdk.tf.json'), resourceCount, policy };
    });
    if (synthesized.some((s) => s.policy.blocking > 0)) throw new PolicyGateError(synthesized.map((s) => s.policy));
    markOutput(staging, synthesized.map((s) => s.stackName));
    const writing = { ...context, writing: synthesized.map((s) => s.stackName) };
    const published = withOutputLock(target, () => [...recoverOutput(target), ...publishOutput(staging, target, writing)]);
    return { outdir: target, notices: [...recovered, ...notices, ...published], stacks: synthesized };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Before this version, local state moved with `--out` (`<out>/../terraform-state/`).
 * When a stack's state is still there and not where its backend now points, a plan
 * would see nothing deployed and create everything again. hms-sys never moves or
 * deletes a state file: it stops and says how to move it.
 */
function refuseStateLeftBehind(stackName: string, stackFolder: string, backendPath: string | undefined, cwd: string): void {
  if (!backendPath) return;
  const current = resolve(stackFolder, backendPath);
  const earlier = join(localStateDirFor(dirname(dirname(stackFolder))), `${stackName}.tfstate`);
  if (earlier === current || !existsSync(earlier) || existsSync(current)) return;
  throw new UserError(
    `hms-sys: the state of ${stackName} is in ${relative(cwd, earlier)}, where earlier versions of hms-sys kept it for this --out; it now stays in ${relative(cwd, dirname(current)) || '.'}/ whatever --out is, and hms-sys never moves state itself. Move it (mkdir -p ${relative(cwd, dirname(current)) || '.'} && mv ${relative(cwd, earlier)} ${relative(cwd, current)}) and run again. Nothing was written.`,
  );
}

/** Creates the staging folder beside `target`, or says plainly why it cannot. */
function prepareStaging(target: string): string {
  const staging = stagingPathFor(target);
  try {
    mkdirSync(dirname(target), { recursive: true });
    mkdirSync(staging);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new OutputFolderError(
      `hms-sys cannot write its output to ${target}: it writes the new output beside it in ${dirname(target)} and swaps it in, and creating ${staging} failed (${code}). Make ${dirname(target)} writable or choose another --out. Nothing was changed.`,
    );
  }
  return staging;
}

/** The synthesized stacks of a selection (lib/cli/stack-selection.ts), in the order they were built. */
export function selectedStacks(result: SynthesisResult, selection: { readonly stacks: readonly { readonly stackName: string }[] }): SynthesizedStack[] {
  const names = selection.stacks.map((s) => s.stackName);
  const built = result.stacks.filter((s) => names.includes(s.stackName));
  const missing = names.filter((n) => !built.some((s) => s.stackName === n));
  if (missing.length > 0) throw new Error(`internal: stack-selection.ts names stacks that synthesis did not build: ${missing.join(', ')}`);
  return built;
}
