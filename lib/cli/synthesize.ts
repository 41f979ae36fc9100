import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { App } from 'cdktf';
import type { Blueprint } from '../blueprint/blueprint';
import { UserError } from '../core/errors';
import { fromTerraformJson } from '../policy/engine/document';
import { evaluate, type PolicyReport } from '../policy/engine/evaluate';
import { formatFinding } from '../policy/engine/format-finding';
import { FedRampBaseline } from '../policy/fedramp-baseline';
import { ALL_RULES } from '../policy/rules';
import { withEnvironmentDefaults } from './environment-defaults';
import { removeAbandonedStaging, withOutputLock } from './output-lock';
import { addBlueprintStacks, type BuildOptions, type BuiltStack } from '../../stacks/app';

/** Written beside each stack's cdk.tf.json: the evidence an assessor attaches to the SSP. */
export const POLICY_REPORT_FILE = 'policy-report.json';

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

/**
 * Synthesizes blueprints into `outdir` atomically: everything is written to a
 * sibling staging folder, checked against the policy packs, and swapped in only
 * when synthesis and the gate both pass, under a lock so that concurrent synths
 * do not interleave, so a failure or an interrupt leaves the previous output
 * whole. The gate reads the written cdk.tf.json, acknowledgements included, so it
 * judges exactly what Terraform will see.
 */
export function synthesizeBlueprints(blueprints: readonly Blueprint[], outdir: string, options: BuildOptions = {}): SynthesisResult {
  const target = resolve(outdir);
  mkdirSync(dirname(target), { recursive: true });
  removeAbandonedStaging(target);
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}-${Date.now()}`);
  try {
    const app = new App({ outdir: staging });
    // The gate below evaluates what is written; validation need not resolve every stack twice.
    FedRampBaseline.gateAfterSynth(app);
    const { stacks, notices } = addBlueprintStacks(app, withEnvironmentDefaults(blueprints), options);
    app.synth();
    const synthesized = stacks.map(({ stack, ...s }) => {
      const stagedFile = join(staging, 'stacks', s.stackName, 'cdk.tf.json');
      const json = JSON.parse(readFileSync(stagedFile, 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
      const policy = evaluate([fromTerraformJson(json, s.stackName, stagedFile)], ALL_RULES, FedRampBaseline.of(stack).props);
      writeFileSync(join(dirname(stagedFile), POLICY_REPORT_FILE), `${JSON.stringify(policy, null, 2)}\n`);
      const resourceCount = Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
      return { ...s, file: join(target, 'stacks', s.stackName, 'cdk.tf.json'), resourceCount, policy };
    });
    if (synthesized.some((s) => s.policy.blocking > 0)) throw new PolicyGateError(synthesized.map((s) => s.policy));
    withOutputLock(target, () => swapIn(staging, target));
    return { outdir: target, notices, stacks: synthesized };
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

/** The stacks a command names, all when it names none; an unknown name is a user error listing the stacks. */
export function selectStacks(result: SynthesisResult, command: string, names: readonly string[]): SynthesizedStack[] {
  const known = result.stacks.map((s) => s.stackName);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new UserError(`hms-sys ${command}: no stack named ${unknown.join(', ')}; stacks: ${known.join(', ')}`);
  return result.stacks.filter((s) => names.length === 0 || names.includes(s.stackName));
}
