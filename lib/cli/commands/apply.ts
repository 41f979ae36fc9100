import { createInterface } from 'node:readline/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Blueprint } from '../../blueprint/blueprint';
import { isUserError, ToolchainError, UserError } from '../../core/errors';
import { terraformEnvironment } from '../../terraform/environment';
import { initStack, terraform, terraformError } from '../../terraform/run';
import { PREFLIGHT_CHECKS } from '../../preflight/checks';
import { runPreflight } from '../../preflight/preflight';
import { parseCommandArgs } from '../args';
import { EventStream, humanIo, since, type EventType, type Outcome } from '../events';
import { EXIT_OK, EXIT_USER_ERROR, type Io } from '../io';
import { APPLY_HELP } from '../help/apply';
import { planStack } from '../plan-stack';
import { selectByName, type Selection } from '../stack-selection';
import { selectedStacks, synthesizeBlueprints, type SynthesizedStack } from '../synthesize';
import { reportStackPlan } from './plan';
import { DEFAULT_OUTDIR } from './synth';
import { withEnvironmentDefaults } from '../environment-defaults';

const APPLY_USAGE = APPLY_HELP.usage;

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
  if (positionals.length !== 1) throw new UserError(`hms-sys apply: name one blueprint, stack or blueprint file\nusage: ${APPLY_USAGE}`);
  const folder = typeof values.blueprints === 'string' ? values.blueprints : 'blueprints';
  const target = typeof values.events === 'string' ? values.events : undefined;
  let selection: Selection;
  try {
    selection = selectByName('apply', positionals, io, { folder });
  } catch (e) {
    // A blueprint refused before any cloud call still ends the dashboard's stream, under the name it was asked by.
    const refused = new EventStream('apply', basename(positionals[0], extname(positionals[0])), target, io);
    refused.emit('gov.hms-sys.apply.finished', { outcome: isUserError(e) ? 'refused' : 'failed', stoppedAt: 'validation', message: (e as Error).message });
    await refused.close();
    throw e;
  }
  // A stack shared by blueprints (state bucket, workspaces) is applied for the first blueprint that uses it.
  const blueprint = selection.named[0];
  const allowances = Array.isArray(values['allow-destroy']) ? values['allow-destroy'].map(String) : [];
  const events = new EventStream('apply', blueprint.name, target, io);
  try {
    return await applyStacks(blueprint, selection, allowances, values.yes === true, events, humanIo(io, events));
  } finally {
    await events.close();
  }
}

/** Synthesizes, then plans, checks and applies the blueprint's stacks in order, one event per step. */
async function applyStacks(blueprint: Blueprint, selection: Selection, allowances: string[], yes: boolean, events: EventStream, io: Io): Promise<number> {
  const started = Date.now();
  const elapsed = (from: number) => `${((Date.now() - from) / 1000).toFixed(1)}s`;
  const finish = (outcome: Outcome, detail: Record<string, unknown> = {}) => events.emit('gov.hms-sys.apply.finished', { outcome, durationMs: since(started), ...detail });

  events.emit('gov.hms-sys.apply.started', { outcome: 'started', sourceFile: blueprint.sourceFile });
  const outdir = resolve(io.cwd, DEFAULT_OUTDIR);
  const tf = terraformEnvironment(join(dirname(outdir), '.hms-sys'));
  let result;
  try {
    // The governance gate: a blueprint or baseline that violates policy stops here, before any cloud call.
    result = synthesizeBlueprints(selection.blueprints, outdir, { cwd: io.cwd });
  } catch (e) {
    const outcome = isUserError(e) ? 'refused' : 'failed';
    events.emit('gov.hms-sys.apply.synthesized', { outcome, durationMs: since(started), message: (e as Error).message });
    finish(outcome, { stoppedAt: 'synthesis' });
    throw e;
  }
  const built = result.stacks;
  const stacks = selectedStacks(result, selection);
  const whole = stacks.length === selection.stacks.length && result.stacks.filter((s) => s.blueprint === blueprint.name).every((s) => stacks.includes(s));
  events.emit('gov.hms-sys.apply.synthesized', { outcome: 'succeeded', durationMs: since(started), stacks: stacks.map((s) => s.stackName) });
  io.out(`Synthesized and checked ${stacks.length} stack(s) ${whole ? 'of' : 'selected from'} ${blueprint.name} (${elapsed(started)})`);

  // The blueprint as synthesized, site settings from the environment included.
  const [sited] = withEnvironmentDefaults([blueprint]);
  // Outputs of the stacks applied in this run, for the checks of the stacks after them.
  const outputs = new Map<string, Record<string, unknown>>();
  for (const [i, stack] of stacks.entries()) {
    const step = `[${i + 1}/${stacks.length}] ${stack.stackName}`;
    const stackName = stack.stackName;
    const applied = stacks.slice(0, i).map((s) => s.stackName);
    // Every failure below ends the stream with apply.finished, so a dashboard never waits on a dead run.
    const stop = (outcome: Outcome, type: EventType, stepStarted: number, e: unknown) => {
      events.emit(type, { outcome, stack: stackName, durationMs: since(stepStarted), message: (e as Error).message });
      finish(outcome, { stoppedAt: stackName, applied });
    };
    let stepStarted = Date.now();
    try {
      // A stack applied alone reads the outputs of the stacks before it from their state.
      const passed = await runPreflight(PREFLIGHT_CHECKS, { blueprint: sited, stack, outputsOf: (name) => outputs.get(name) ?? storedOutputs(built, name, tf.env) });
      events.emit('gov.hms-sys.apply.stack.checked', { outcome: 'succeeded', stack: stackName, durationMs: since(stepStarted), passed });
    } catch (e) {
      stop('failed', 'gov.hms-sys.apply.stack.checked', stepStarted, e);
      throw e;
    }
    io.out(`${step}: plan`);
    stepStarted = Date.now();
    let plan;
    try {
      plan = planStack(stack, tf.env, { allowances });
    } catch (e) {
      stop('failed', 'gov.hms-sys.apply.stack.planned', stepStarted, e);
      throw e;
    }
    reportStackPlan(io, plan);
    const planned = { ...plan.counts, blocking: plan.policy.blocking, guardRefusals: plan.guard.blocked.length, allowed: plan.guard.allowed.map((a) => a.address) };
    events.emit('gov.hms-sys.apply.stack.planned', { outcome: plan.passed ? 'succeeded' : 'refused', stack: stackName, durationMs: since(stepStarted), ...planned });
    const { add, change, destroy } = plan.counts;
    if (!plan.passed) {
      io.err(`✘ ${step}: refused; nothing was applied to it${i > 0 ? ' (the stacks before it were applied)' : ''}`);
      finish('refused', { stoppedAt: stackName, applied, reason: 'policy or stateful-resource guard' });
      return EXIT_USER_ERROR;
    }
    io.out(`${step}: ${add} to add, ${change} to change, ${destroy} to destroy (plan: ${relative(io.cwd, plan.planFile)})`);
    if (!yes && !(await confirm(`Apply ${stackName}?`))) {
      finish('not-confirmed', { stoppedAt: stackName, applied });
      io.err(`${step}: not applied. Review ${relative(io.cwd, join(dirname(plan.planFile), 'plan.json'))}, then re-run with --yes to apply.`);
      return EXIT_USER_ERROR;
    }
    io.out(`${step}: apply`);
    stepStarted = Date.now();
    const result = terraform(['apply', '-input=false', '-no-color', 'plan.tfplan'], dirname(plan.planFile), tf.env);
    if (!result.ok) {
      const error = new ToolchainError(`terraform apply failed for ${stackName}: ${terraformError(result.output)}. The stacks before it were applied; fix the cause and run hms-sys apply again.`);
      stop('failed', 'gov.hms-sys.apply.stack.applied', stepStarted, error);
      throw error;
    }
    outputs.set(stackName, stackOutputs(dirname(plan.planFile), tf.env));
    events.emit('gov.hms-sys.apply.stack.applied', { outcome: 'succeeded', stack: stackName, durationMs: since(stepStarted) });
    io.out(`✔ ${step}: applied (${elapsed(stepStarted)})`);
  }
  finish('succeeded', { applied: stacks.map((s) => s.stackName) });
  // The next step is always through hms-sys: `cdktf deploy` would skip the plan checks and the guard.
  const next = stacks.every((s) => s.blueprint === '') ? `hms-sys apply ${blueprint.name}` : `hms-sys status ${blueprint.name}`;
  io.out(`✔ ${whole ? blueprint.name : stacks.map((s) => s.stackName).join(', ')}: ${stacks.length} stack(s) applied (${elapsed(started)}). Next: ${next}`);
  return EXIT_OK;
}

/** The outputs of a stack not applied in this run, from its state; undefined when it has none or Terraform cannot say. */
function storedOutputs(stacks: readonly SynthesizedStack[], name: string, env: NodeJS.ProcessEnv): Record<string, unknown> | undefined {
  const stack = stacks.find((s) => s.stackName === name);
  if (!stack) return undefined;
  try {
    initStack(name, dirname(stack.file), env);
  } catch {
    return undefined;
  }
  const outputs = stackOutputs(dirname(stack.file), env);
  return Object.keys(outputs).length > 0 ? outputs : undefined;
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
