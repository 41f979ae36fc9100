import { createInterface } from 'node:readline/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { loadBlueprintFile, loadBlueprints } from '../../blueprint/load';
import { ToolchainError, UserError } from '../../core/errors';
import { terraformEnvironment } from '../../terraform/environment';
import { terraform, terraformError } from '../../terraform/run';
import { PREFLIGHT_CHECKS } from '../../preflight/checks';
import { runPreflight } from '../../preflight/preflight';
import { parseCommandArgs } from '../args';
import { EventLog } from '../events';
import { EXIT_OK, EXIT_USER_ERROR, type Io } from '../io';
import { usageOf } from '../main';
import { planStack } from '../plan-stack';
import { synthesizeBlueprints } from '../synthesize';
import { reportStackPlan } from './plan';
import { DEFAULT_OUTDIR } from './synth';
import { withEnvironmentDefaults } from '../environment-defaults';

const APPLY_USAGE = usageOf('apply');

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/**
 * Validates, synthesizes and gates every blueprint, then takes one blueprint's
 * stacks in dependency order (each cluster before what runs on it): plan, check
 * (policy packs and stateful-resource guard), apply the saved plan, so that
 * Terraform applies exactly what was checked. Stops at the first refusal.
 */
export async function applyCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals, values } = parseCommandArgs('apply', APPLY_USAGE, args, {
    blueprints: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    'allow-destroy': { type: 'string', multiple: true },
    events: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UserError(`hms-sys apply: name one blueprint (its name or its file)\nusage: ${APPLY_USAGE}`);
  const folder = typeof values.blueprints === 'string' ? values.blueprints : 'blueprints';
  const named = ['.yml', '.yaml'].includes(extname(positionals[0])) ? loadBlueprintFile(resolve(io.cwd, positionals[0]), positionals[0]) : undefined;
  const all = loadBlueprints([folder], io.cwd).filter((b) => b.name !== named?.name);
  const blueprint = named ?? all.find((b) => b.name === positionals[0]);
  if (!blueprint) throw new UserError(`hms-sys apply: no blueprint named ${positionals[0]}; blueprints: ${all.map((b) => b.name).join(', ')}`);
  const allowances = Array.isArray(values['allow-destroy']) ? values['allow-destroy'].map(String) : [];
  const events = new EventLog(blueprint.name, typeof values.events === 'string' ? resolve(io.cwd, values.events) : undefined, io.out);
  const started = Date.now();
  const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

  events.emit('apply.started', undefined, { source: blueprint.sourceFile });
  const outdir = resolve(io.cwd, DEFAULT_OUTDIR);
  const tf = terraformEnvironment(join(dirname(outdir), '.hms-sys'));
  const result = synthesizeBlueprints(named ? [...all, named] : all, outdir, { cwd: io.cwd });
  const stacks = result.stacks.filter((s) => s.blueprint === blueprint.name);
  events.emit('synth.finished', undefined, { stacks: stacks.map((s) => s.stackName) });
  io.out(`Synthesized and checked ${stacks.length} stack(s) of ${blueprint.name} (${elapsed(started)})`);

  // The blueprint as synthesized, site settings from the environment included.
  const [sited] = withEnvironmentDefaults([blueprint]);
  // Outputs of the stacks applied in this run, for the checks of the stacks after them.
  const outputs = new Map<string, Record<string, unknown>>();
  for (const [i, stack] of stacks.entries()) {
    const step = `[${i + 1}/${stacks.length}] ${stack.stackName}`;
    const stackStarted = Date.now();
    try {
      const passed = await runPreflight(PREFLIGHT_CHECKS, { blueprint: sited, stack, outputsOf: (name) => outputs.get(name) });
      if (passed.length > 0) events.emit('stack.preflight', stack.stackName, { passed });
    } catch (e) {
      events.emit('stack.failed', stack.stackName, { step: 'preflight', message: (e as Error).message });
      throw e;
    }
    io.out(`${step}: plan`);
    events.emit('stack.planning', stack.stackName);
    let plan;
    try {
      plan = planStack(stack, tf.env, { allowances });
    } catch (e) {
      events.emit('stack.failed', stack.stackName, { step: 'plan', message: (e as Error).message });
      throw e;
    }
    reportStackPlan(io, plan);
    events.emit('stack.planned', stack.stackName, { ...plan.counts, blocking: plan.policy.blocking, guardRefusals: plan.guard.blocked.length, allowed: plan.guard.allowed.map((a) => a.address) });
    const { add, change, destroy } = plan.counts;
    if (!plan.passed) {
      events.emit('stack.refused', stack.stackName, { reason: 'policy or stateful-resource guard' });
      io.err(`✘ ${step}: refused; nothing was applied to it${i > 0 ? ' (the stacks before it were applied)' : ''}`);
      events.emit('apply.stopped', undefined, { at: stack.stackName });
      return EXIT_USER_ERROR;
    }
    io.out(`${step}: ${add} to add, ${change} to change, ${destroy} to destroy (plan: ${relative(io.cwd, plan.planFile)})`);
    if (!values.yes && !(await confirm(`Apply ${stack.stackName}?`))) {
      events.emit('apply.stopped', undefined, { at: stack.stackName, reason: 'not confirmed' });
      io.err(`${step}: not applied. Review ${relative(io.cwd, join(dirname(plan.planFile), 'plan.json'))}, then re-run with --yes to apply.`);
      return EXIT_USER_ERROR;
    }
    io.out(`${step}: apply`);
    events.emit('stack.applying', stack.stackName);
    const applied = terraform(['apply', '-input=false', '-no-color', 'plan.tfplan'], dirname(plan.planFile), tf.env);
    if (!applied.ok) {
      events.emit('stack.failed', stack.stackName, { step: 'apply', message: terraformError(applied.output) });
      throw new ToolchainError(`terraform apply failed for ${stack.stackName}: ${terraformError(applied.output)}. The stacks before it were applied; fix the cause and run hms-sys apply again.`);
    }
    outputs.set(stack.stackName, stackOutputs(dirname(plan.planFile), tf.env));
    events.emit('stack.applied', stack.stackName, { seconds: Number(((Date.now() - stackStarted) / 1000).toFixed(1)) });
    io.out(`✔ ${step}: applied (${elapsed(stackStarted)})`);
  }
  events.emit('apply.finished', undefined, { seconds: Number(((Date.now() - started) / 1000).toFixed(1)) });
  io.out(`✔ ${blueprint.name}: ${stacks.length} stack(s) applied (${elapsed(started)}). Next: hms-sys status ${blueprint.name}`);
  return EXIT_OK;
}

/** `terraform output -json` of an applied stack, as plain values; empty when Terraform cannot say. */
function stackOutputs(dir: string, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const r = terraform(['output', '-json', '-no-color'], dir, env);
  if (!r.ok) return {};
  try {
    const parsed = JSON.parse(r.stdout) as Record<string, { value?: unknown }>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v?.value]));
  } catch {
    return {};
  }
}
