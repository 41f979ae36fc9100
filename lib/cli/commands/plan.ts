import { writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadBlueprints } from '../../blueprint/load';
import { ToolchainError, UserError } from '../../core/errors';
import { formatGuardFinding, guardPlan } from '../../plan/stateful-guard';
import { fromPlanJson } from '../../policy/engine/document';
import { evaluate } from '../../policy/engine/evaluate';
import { formatFinding } from '../../policy/engine/format-finding';
import { ALL_RULES } from '../../policy/rules';
import { terraformEnvironment } from '../../terraform/environment';
import { initStack, terraform, terraformError } from '../../terraform/run';
import { parseCommandArgs } from '../args';
import { EXIT_OK, EXIT_USER_ERROR, type Io } from '../io';
import { usageOf } from '../main';
import { synthesizeBlueprints } from '../synthesize';
import { DEFAULT_OUTDIR } from './synth';

const PLAN_USAGE = usageOf('plan');

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
  const outdir = resolve(io.cwd, typeof values.out === 'string' ? values.out : DEFAULT_OUTDIR);
  const allowances = Array.isArray(values['allow-destroy']) ? values['allow-destroy'].map(String) : [];
  const blueprints = loadBlueprints([typeof values.blueprints === 'string' ? values.blueprints : 'blueprints'], io.cwd);
  const tf = terraformEnvironment(join(dirname(outdir), '.hms-sys'));
  const result = synthesizeBlueprints(blueprints, outdir);
  const names = result.stacks.map((s) => s.stackName);
  const unknown = positionals.filter((p) => !names.includes(p));
  if (unknown.length > 0) throw new UserError(`hms-sys plan: no stack named ${unknown.join(', ')}; stacks: ${names.join(', ')}`);
  const selected = result.stacks.filter((s) => positionals.length === 0 || positionals.includes(s.stackName));

  let blocked = 0;
  for (const stack of selected) {
    const dir = dirname(stack.file);
    const started = Date.now();
    io.out(`… ${stack.stackName}: terraform init`);
    initStack(stack.stackName, dir, tf.env);
    io.out(`… ${stack.stackName}: terraform plan`);
    const plan = terraform(['plan', '-input=false', '-no-color', '-out=plan.tfplan', ...(values['no-refresh'] ? ['-refresh=false'] : [])], dir, tf.env);
    if (!plan.ok) {
      throw new ToolchainError(
        `terraform plan failed for ${stack.stackName}: ${terraformError(plan.output)}. Check the cloud credentials Terraform uses, that the stacks this one depends on are applied, and the state in ${relative(io.cwd, dir)}.`,
      );
    }
    const show = terraform(['show', '-json', 'plan.tfplan'], dir, tf.env);
    if (!show.ok) throw new ToolchainError(`terraform show failed for ${stack.stackName}: ${terraformError(show.output)}`);
    writeFileSync(join(dir, 'plan.json'), show.stdout);
    const planJson = JSON.parse(show.stdout) as unknown;
    const policy = evaluate([fromPlanJson(planJson, stack.stackName, join(dir, 'plan.json'))], ALL_RULES);
    const guard = guardPlan(planJson, allowances);
    for (const f of policy.findings.filter((x) => x.blocking)) io.err(formatFinding(f));
    for (const f of guard.blocked) io.err(formatGuardFinding(f));
    for (const f of guard.allowed) io.err(`allowed: ${f.address} will be ${f.action === 'replace' ? 'replaced' : 'deleted'} (--allow-destroy): ${f.reason}`);
    blocked += policy.blocking + guard.blocked.length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const mark = policy.blocking + guard.blocked.length === 0 ? '✔' : '✘';
    io.out(`${mark} ${stack.stackName}: plan saved to ${relative(io.cwd, join(dir, 'plan.tfplan'))} and plan.json (${seconds}s)`);
  }
  return blocked > 0 ? EXIT_USER_ERROR : EXIT_OK;
}
