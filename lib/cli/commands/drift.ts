import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ToolchainError, UserError } from '../../core/errors';
import { formatDrift, readDrift, type DriftedResource } from '../../drift/resource-drift';
import { latestAssessment, tokenAdvice, tokenFor } from '../../drift/terraform-cloud';
import { terraformEnvironment } from '../../terraform/environment';
import { initStack, parseTerraformJson, terraform, terraformError } from '../../terraform/run';
import { parseCommandArgs } from '../args';
import { EXIT_DRIFT, EXIT_OK, EXIT_USER_ERROR, type Io } from '../io';
import { DRIFT_HELP } from '../help/drift';
import { selectByName } from '../stack-selection';
import { selectedStacks, synthesizeBlueprints, type SynthesizedStack } from '../synthesize';
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
  const selection = selectByName('drift', positionals, io, { folder: typeof values.blueprints === 'string' ? values.blueprints : 'blueprints' });
  const result = synthesizeBlueprints(selection.blueprints, outdir, { cwd: io.cwd });
  let tf: ReturnType<typeof terraformEnvironment> | undefined;

  const report: { stack: string; deployed: boolean; drifted: boolean; source: 'state' | 'refresh-only plan' | 'terraform cloud assessment'; drift: readonly DriftedResource[] }[] = [];
  const selected = selectedStacks(result, selection).filter((s) => s.layer !== 'workspaces');
  for (const stack of selected) {
    if (stack.terraformCloud) {
      // Terraform Cloud already runs health assessments: read the latest, do not plan again.
      const settings = stack.terraformCloud;
      const token = tokenFor(settings.hostname, process.env);
      if (!token) throw new UserError(`hms-sys drift: ${stack.stackName} is in Terraform Cloud at ${settings.hostname}; ${tokenAdvice(settings.hostname)} to read its health assessments`);
      const assessment = await latestAssessment({ baseUrl: `https://${settings.hostname}`, token, fetch: io.fetch }, settings.organization, stack.stackName);
      const drifted = assessment?.drifted ?? false;
      // Without an assessment hms-sys cannot tell deployed from not: it does not call that "not deployed".
      report.push({ stack: stack.stackName, deployed: true, drifted, source: 'terraform cloud assessment', drift: assessment?.drift ?? [] });
      if (!values.json) {
        if (!assessment) io.out(`… ${stack.stackName}: no health assessment yet (Terraform Cloud runs them once a day after the first apply)`);
        else if (drifted && assessment.drift.length === 0) io.out(`✘ ${stack.stackName}: Terraform Cloud reports drift (${assessment.createdAt ?? 'latest assessment'}); details are on the workspace's health page`);
        else formatDrift(stack.stackName, assessment.drift).forEach((l) => io.out(l));
      }
      continue;
    }
    tf = tf ?? terraformEnvironment(join(dirname(outdir), '.hms-sys'));
    const dir = dirname(stack.file);
    const noState = notDeployed(stack, tf.env, io.cwd);
    if (noState) {
      report.push({ stack: stack.stackName, deployed: false, drifted: false, source: 'state', drift: [] });
      if (!values.json) io.out(`- ${stack.stackName}: not deployed (${noState}); nothing to compare. Deploy it with hms-sys apply ${stack.blueprint || stack.stackName}`);
      continue;
    }
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
    report.push({ stack: stack.stackName, deployed: true, drifted: drift.length > 0, source: 'refresh-only plan', drift });
    if (!values.json) formatDrift(stack.stackName, drift).forEach((l) => io.out(l));
  }
  const drifted = report.some((r) => r.drifted);
  // Nothing deployed at all is not "no drift": most likely the wrong folder, or apply has not run yet.
  const nothingDeployed = report.length > 0 && report.every((r) => !r.deployed);
  if (values.json) io.out(JSON.stringify({ drifted, deployed: !nothingDeployed, stacks: report }, null, 2));
  if (nothingDeployed) {
    io.err(`hms-sys drift: none of ${report.map((r) => r.stack).join(', ')} is deployed: there is nothing to compare. Deploy with hms-sys apply, or run drift where their state is.`);
    return EXIT_USER_ERROR;
  }
  return drifted ? EXIT_DRIFT : EXIT_OK;
}

/**
 * Why a local state file holds nothing deployed, as the S3 branch's empty `state
 * list` does: an empty file (Terraform reads it as no state), or a state whose
 * `resources` hold no managed resource (what a destroy leaves). Anything else,
 * unreadable JSON included, is left to Terraform, which names what is wrong.
 */
function emptyLocalState(path: string): string | undefined {
  if (!statSync(path).isFile()) return undefined;
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') return 'an empty state file';
  try {
    const state = JSON.parse(text) as { resources?: { mode?: string }[] };
    if (Array.isArray(state.resources) && !state.resources.some((r) => r?.mode === 'managed')) return 'a state with no resources';
  } catch {
    // Not JSON: Terraform reports it.
  }
  return undefined;
}

/**
 * Why a stack has no state, or undefined when it has some. Local backend: the
 * state file its cdk.tf.json names does not exist (read without Terraform, so a
 * never-deployed stack needs no credentials). Any other backend: Terraform is
 * asked, after init, and an empty `terraform state list` is no state; a backend
 * Terraform cannot read is a tool chain failure, never "not deployed".
 */
function notDeployed(stack: SynthesizedStack, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const dir = dirname(stack.file);
  const tf = JSON.parse(readFileSync(stack.file, 'utf8')) as { terraform?: { backend?: Record<string, { path?: string }> } };
  const backend = tf.terraform?.backend ?? {};
  const local = backend.local;
  if (local || Object.keys(backend).length === 0) {
    // Terraform's default without a backend block is terraform.tfstate in the stack's folder.
    // From the stack's real folder, as Terraform resolves it (an --out reached through a link).
    const path = resolve(realpathSync(dir), local?.path ?? 'terraform.tfstate');
    if (!existsSync(path)) return `no state file at ${relative(cwd, path)}`;
    const empty = emptyLocalState(path);
    if (empty) return `${empty} at ${relative(cwd, path)}`;
    initStack(stack.stackName, dir, env);
    return undefined;
  }
  initStack(stack.stackName, dir, env);
  const list = terraform(['state', 'list', '-no-color'], dir, env);
  if (!list.ok) throw new ToolchainError(`terraform state list failed for ${stack.stackName}: ${terraformError(list.output)}. Check the credentials Terraform uses for its ${Object.keys(backend)[0]} backend.`);
  return list.stdout.trim() === '' ? `its ${Object.keys(backend)[0]} state is empty` : undefined;
}
