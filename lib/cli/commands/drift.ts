import { join, dirname } from 'node:path';
import { loadBlueprints } from '../../blueprint/load';
import { ToolchainError, UserError } from '../../core/errors';
import { formatDrift, readDrift, type DriftedResource } from '../../drift/resource-drift';
import { latestAssessment, tokenAdvice, tokenFor } from '../../drift/terraform-cloud';
import { terraformEnvironment } from '../../terraform/environment';
import { initStack, parseTerraformJson, terraform, terraformError } from '../../terraform/run';
import { parseCommandArgs } from '../args';
import { EXIT_DRIFT, EXIT_OK, type Io } from '../io';
import { DRIFT_HELP } from '../help/drift';
import { selectStacks, synthesizeBlueprints } from '../synthesize';
import { writePrivateFile } from '../private-file';
import { outputFolderOption } from './synth';

const DRIFT_USAGE = DRIFT_HELP.usage;
/** `terraform plan -detailed-exitcode`: the plan has changes (for a refresh-only plan: drift). */
const TERRAFORM_CHANGES_PRESENT = 2;

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
  const outdir = outputFolderOption(io, values.out);
  const blueprints = loadBlueprints([typeof values.blueprints === 'string' ? values.blueprints : 'blueprints'], io.cwd);
  const result = synthesizeBlueprints(blueprints, outdir, { cwd: io.cwd });
  let tf: ReturnType<typeof terraformEnvironment> | undefined;

  const report: { stack: string; drifted: boolean; source: 'refresh-only plan' | 'terraform cloud assessment'; drift: readonly DriftedResource[] }[] = [];
  const selected = selectStacks(result, 'drift', positionals).filter((s) => s.layer !== 'workspaces');
  for (const stack of selected) {
    if (stack.terraformCloud) {
      // Terraform Cloud already runs health assessments: read the latest, do not plan again.
      const settings = stack.terraformCloud;
      const token = tokenFor(settings.hostname, process.env);
      if (!token) throw new UserError(`hms-sys drift: ${stack.stackName} is in Terraform Cloud at ${settings.hostname}; ${tokenAdvice(settings.hostname)} to read its health assessments`);
      const assessment = await latestAssessment({ baseUrl: `https://${settings.hostname}`, token, fetch: io.fetch }, settings.organization, stack.stackName);
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
    if (plan.status !== 0 && plan.status !== TERRAFORM_CHANGES_PRESENT) {
      throw new ToolchainError(`terraform plan -refresh-only failed for ${stack.stackName}: ${terraformError(plan.output)}. Check the cloud credentials Terraform uses and that the stack is deployed.`);
    }
    let drift: DriftedResource[] = [];
    if (plan.status === TERRAFORM_CHANGES_PRESENT) {
      const show = terraform(['show', '-json', 'drift.tfplan'], dir, tf.env);
      if (!show.ok) throw new ToolchainError(`terraform show failed for ${stack.stackName}: ${terraformError(show.output)}`);
      writePrivateFile(join(dir, 'drift.json'), show.stdout);
      drift = readDrift(parseTerraformJson(show.stdout, `terraform show -json drift.tfplan of ${stack.stackName}`));
    }
    report.push({ stack: stack.stackName, drifted: drift.length > 0, source: 'refresh-only plan', drift });
    if (!values.json) formatDrift(stack.stackName, drift).forEach((l) => io.out(l));
  }
  const drifted = report.some((r) => r.drifted);
  if (values.json) io.out(JSON.stringify({ drifted, stacks: report }, null, 2));
  return drifted ? EXIT_DRIFT : EXIT_OK;
}
