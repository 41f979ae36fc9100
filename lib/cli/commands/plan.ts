import { dirname, join, relative } from 'node:path';
import { loadBlueprints } from '../../blueprint/load';
import { formatAllowance, formatGuardFinding, formatUnjudged } from '../../plan/stateful-guard';
import { formatFinding } from '../../policy/engine/format-finding';
import { terraformEnvironment } from '../../terraform/environment';
import { planStack, type StackPlan } from '../plan-stack';
import { parseCommandArgs } from '../args';
import { EXIT_OK, EXIT_USER_ERROR, type Io } from '../io';
import { usageOf } from '../main';
import { selectStacks, synthesizeBlueprints } from '../synthesize';
import { outputFolderOption } from './synth';

const PLAN_USAGE = usageOf('plan');

/** Prints what stops a plan, the deletions the user allowed, and those the guard could not judge. */
export function reportStackPlan(io: Io, result: StackPlan): void {
  for (const f of result.policy.findings.filter((x) => x.blocking)) io.err(formatFinding(f));
  for (const f of result.guard.blocked) io.err(formatGuardFinding(f));
  for (const f of result.guard.allowed) io.err(formatAllowance(f));
  for (const f of result.guard.unjudged) io.err(formatUnjudged(f));
}

/**
 * Synthesizes (with the policy gate), then for each stack runs `terraform init`
 * and `terraform plan`, saves the plan and its JSON beside the stack, and checks
 * the plan: the policy packs again, and the stateful-resource guard.
 */
export function planCommand(args: readonly string[], io: Io): number {
  const { positionals, values } = parseCommandArgs('plan', PLAN_USAGE, args, {
    blueprints: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'allow-destroy': { type: 'string', multiple: true },
    'no-refresh': { type: 'boolean' },
  });
  const outdir = outputFolderOption(io, values.out);
  const allowances = Array.isArray(values['allow-destroy']) ? values['allow-destroy'].map(String) : [];
  const blueprints = loadBlueprints([typeof values.blueprints === 'string' ? values.blueprints : 'blueprints'], io.cwd);
  const result = synthesizeBlueprints(blueprints, outdir, { cwd: io.cwd });
  const tf = terraformEnvironment(join(dirname(outdir), '.hms-sys'));
  const selected = selectStacks(result, 'plan', positionals);

  let blocked = 0;
  for (const stack of selected) {
    const started = Date.now();
    io.out(`… ${stack.stackName}: terraform init and plan`);
    const result = planStack(stack, tf.env, { allowances, refresh: values['no-refresh'] ? false : undefined });
    reportStackPlan(io, result);
    if (!result.passed) blocked++;
    const { add, change, destroy } = result.counts;
    io.out(
      `${result.passed ? '✔' : '✘'} ${stack.stackName}: ${add} to add, ${change} to change, ${destroy} to destroy; plan saved to ${relative(io.cwd, result.planFile)} and plan.json (${((Date.now() - started) / 1000).toFixed(1)}s)`,
    );
  }
  return blocked > 0 ? EXIT_USER_ERROR : EXIT_OK;
}
