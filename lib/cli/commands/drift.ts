import { join, dirname, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadBlueprints } from '../../blueprint/load';
import { ToolchainError, UserError } from '../../core/errors';
import { formatDrift, readDrift, type DriftedResource } from '../../drift/resource-drift';
import { terraformEnvironment } from '../../terraform/environment';
import { initStack, terraform, terraformError } from '../../terraform/run';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type Io } from '../io';
import { usageOf } from '../main';
import { synthesizeBlueprints } from '../synthesize';
import { DEFAULT_OUTDIR } from './synth';

const DRIFT_USAGE = usageOf('drift');
/** Exit code when drift is found, as `terraform plan -detailed-exitcode` says it. */
export const EXIT_DRIFT = 2;

/**
 * A refresh-only plan of each stack (`-refresh-only -detailed-exitcode`): which
 * resources changed outside Terraform, and which attributes. Never applied.
 */
export function driftCommand(args: readonly string[], io: Io): number {
  const { positionals, values } = parseCommandArgs('drift', DRIFT_USAGE, args, {
    blueprints: { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
  });
  const outdir = resolve(io.cwd, typeof values.out === 'string' ? values.out : DEFAULT_OUTDIR);
  const blueprints = loadBlueprints([typeof values.blueprints === 'string' ? values.blueprints : 'blueprints'], io.cwd);
  const tf = terraformEnvironment(join(dirname(outdir), '.hms-sys'));
  const result = synthesizeBlueprints(blueprints, outdir);
  const names = result.stacks.map((s) => s.stackName);
  const unknown = positionals.filter((p) => !names.includes(p));
  if (unknown.length > 0) throw new UserError(`hms-sys drift: no stack named ${unknown.join(', ')}; stacks: ${names.join(', ')}`);

  const report: { stack: string; drift: DriftedResource[] }[] = [];
  for (const stack of result.stacks.filter((s) => positionals.length === 0 || positionals.includes(s.stackName))) {
    const dir = dirname(stack.file);
    initStack(stack.stackName, dir, tf.env);
    const plan = terraform(['plan', '-refresh-only', '-detailed-exitcode', '-input=false', '-no-color', '-out=drift.tfplan'], dir, tf.env);
    if (plan.status !== 0 && plan.status !== EXIT_DRIFT) {
      throw new ToolchainError(`terraform plan -refresh-only failed for ${stack.stackName}: ${terraformError(plan.output)}. Check the cloud credentials Terraform uses and that the stack is deployed.`);
    }
    let drift: DriftedResource[] = [];
    if (plan.status === EXIT_DRIFT) {
      const show = terraform(['show', '-json', 'drift.tfplan'], dir, tf.env);
      if (!show.ok) throw new ToolchainError(`terraform show failed for ${stack.stackName}: ${terraformError(show.output)}`);
      writeFileSync(join(dir, 'drift.json'), show.stdout);
      drift = readDrift(JSON.parse(show.stdout));
    }
    report.push({ stack: stack.stackName, drift });
    if (!values.json) formatDrift(stack.stackName, drift).forEach((l) => io.out(l));
  }
  if (values.json) io.out(JSON.stringify({ drifted: report.some((r) => r.drift.length > 0), stacks: report }, null, 2));
  return report.some((r) => r.drift.length > 0) ? EXIT_DRIFT : EXIT_OK;
}
