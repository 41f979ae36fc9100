import { join, dirname, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadBlueprints } from '../../blueprint/load';
import { ToolchainError, UserError } from '../../core/errors';
import { formatDrift, readDrift, type DriftedResource } from '../../drift/resource-drift';
import { latestAssessment, tokenFor } from '../../drift/terraform-cloud';
import { terraformEnvironment } from '../../terraform/environment';
import { initStack, terraform, terraformError } from '../../terraform/run';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type Io } from '../io';
import { usageOf } from '../main';
import { selectStacks, synthesizeBlueprints } from '../synthesize';
import { DEFAULT_OUTDIR } from './synth';

const DRIFT_USAGE = usageOf('drift');
/** Overrides the Terraform Cloud address (tests point it at a local server). */
export const TFC_ADDRESS_ENV = 'HMS_TFC_ADDRESS';
/** Exit code when drift is found, as `terraform plan -detailed-exitcode` says it. */
export const EXIT_DRIFT = 2;

/**
 * A refresh-only plan of each stack (`-refresh-only -detailed-exitcode`): which
 * resources changed outside Terraform, and which attributes. Never applied.
 */
export async function driftCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals, values } = parseCommandArgs('drift', DRIFT_USAGE, args, {
    blueprints: { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
  });
  const outdir = resolve(io.cwd, typeof values.out === 'string' ? values.out : DEFAULT_OUTDIR);
  const blueprints = loadBlueprints([typeof values.blueprints === 'string' ? values.blueprints : 'blueprints'], io.cwd);
  const result = synthesizeBlueprints(blueprints, outdir);
  let tf: ReturnType<typeof terraformEnvironment> | undefined;

  const report: { stack: string; drifted: boolean; source: 'refresh-only plan' | 'terraform cloud assessment'; drift: readonly DriftedResource[] }[] = [];
  const selected = selectStacks(result, 'drift', positionals).filter((s) => s.layer !== 'workspaces');
  for (const stack of selected) {
    if (stack.terraformCloud) {
      // Terraform Cloud already runs health assessments: read the latest, do not plan again.
      const settings = stack.terraformCloud;
      const token = tokenFor(settings.hostname, process.env);
      if (!token) throw new UserError(`hms-sys drift: ${stack.stackName} is in Terraform Cloud; set TF_TOKEN_${settings.hostname.replace(/\./g, '_')} or TFE_TOKEN to read its health assessments`);
      const baseUrl = process.env[TFC_ADDRESS_ENV] ?? `https://${settings.hostname}`;
      const assessment = await latestAssessment({ baseUrl, token }, settings.organization, stack.stackName);
      const drifted = assessment?.drifted ?? false;
      report.push({ stack: stack.stackName, drifted, source: 'terraform cloud assessment', drift: assessment?.drift ?? [] });
      if (!values.json) {
        if (!assessment) io.out(`… ${stack.stackName}: no health assessment yet (Terraform Cloud runs them once a day after the first apply)`);
        else if (drifted && assessment.drift.length === 0) io.out(`✘ ${stack.stackName}: Terraform Cloud reports drift (${assessment.createdAt ?? 'latest assessment'}); details are on the workspace's health page`);
        else formatDrift(stack.stackName, assessment.drift).forEach((l) => io.out(l));
      }
      continue;
    }
    tf = tf ?? terraformEnvironment(join(dirname(outdir), '.hms-sys'));
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
    report.push({ stack: stack.stackName, drifted: drift.length > 0, source: 'refresh-only plan', drift });
    if (!values.json) formatDrift(stack.stackName, drift).forEach((l) => io.out(l));
  }
  const drifted = report.some((r) => r.drifted);
  if (values.json) io.out(JSON.stringify({ drifted, stacks: report }, null, 2));
  return drifted ? EXIT_DRIFT : EXIT_OK;
}
