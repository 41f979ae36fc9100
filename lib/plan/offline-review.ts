/**
 * `hms-sys plan --offline`: the review plan of each stack, for someone without
 * cloud credentials (a pull request from a fork, an ISSO). Each stack is planned
 * with the real provider and mocked data sources (lib/terraform/offline-plan.ts),
 * then checked like every plan (check-plan.ts: the policy packs and the guard).
 * A stack whose provider is not installed is reported and skipped; the others go on.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXIT_OK, EXIT_TOOLCHAIN, EXIT_USER_ERROR, type Io } from '../cli/io';
import { writePrivateFile } from '../cli/private-file';
import { selectByName } from '../cli/stack-selection';
import { selectedStacks, synthesizeBlueprints } from '../cli/synthesize';
import { UserError } from '../core/errors';
import { terraformEnvironment } from '../terraform/environment';
import { OfflinePlanError, offlinePlan, removeTemporaryFolder, temporaryFolder } from '../terraform/offline-plan';
import { checkPlan, type PlanCheck } from './check-plan';
import { formatMocked, REVIEW_PLAN_LABEL } from './review-plan';
import { checkReviewFolder } from './review-out';

/** A stack to review: its name and its synthesized `cdk.tf.json`. */
export interface ReviewStack {
  readonly stackName: string;
  readonly file: string;
}

export interface ReviewOptions {
  /** Environment of the terraform processes (the provider mirror's CLI configuration). */
  readonly env: NodeJS.ProcessEnv;
  /** Addresses the user allows to be deleted or replaced (a review plan only creates; kept for the same check). */
  readonly allowances: readonly string[];
  /** Prints one stack's findings, as `hms-sys plan` does. */
  readonly report: (io: Io, check: PlanCheck) => void;
  /**
   * Folder to save each stack's labelled review plan in, as `<stack>.review-plan.json`.
   * @default - the plans are not saved
   */
  readonly saveTo?: string;
  /**
   * Every stack of the synthesis, for the outputs one stack reads from another.
   * @default the stacks reviewed
   */
  readonly allStacks?: readonly ReviewStack[];
}

/** Reviews `stacks` one after the other; the exit code: 1 when one is refused, else 3 when one could not be reviewed, else 0. */
export async function reviewStacks(stacks: readonly ReviewStack[], io: Io, options: ReviewOptions): Promise<number> {
  const producers = Object.fromEntries(
    (options.allStacks ?? stacks).map((s) => [s.stackName, JSON.parse(readFileSync(s.file, 'utf8')) as Record<string, unknown>]),
  );
  io.out(`${REVIEW_PLAN_LABEL} (hms-sys plan --offline: real provider schema and validation, no credentials, data sources mocked)`);
  const reviewed: string[] = [];
  const refused: string[] = [];
  const notReviewed: string[] = [];
  for (const stack of stacks) {
    const started = Date.now();
    io.out(`… ${stack.stackName}: terraform init and an offline plan`);
    let result: Awaited<ReturnType<typeof offlinePlan>>;
    try {
      result = await offlinePlan(stack.stackName, stack.file, options.env, producers);
    } catch (e) {
      if (!(e instanceof OfflinePlanError)) throw e;
      io.err(`✘ ${e.message}`);
      notReviewed.push(stack.stackName);
      continue;
    }
    let saved = '';
    if (options.saveTo) {
      mkdirSync(options.saveTo, { recursive: true });
      const file = join(options.saveTo, `${stack.stackName}.review-plan.json`);
      writePrivateFile(file, `${JSON.stringify(result.plan, null, 2)}\n`);
      saved = `; saved to ${relative(io.cwd, file)}`;
    }
    const check = checkPlan(result.plan, stack.stackName, `${stack.stackName} (review plan)`, options.allowances, producers[stack.stackName]);
    options.report(io, check);
    (check.passed ? reviewed : refused).push(stack.stackName);
    const { add, change, destroy } = check.counts;
    io.out(
      `${check.passed ? '✔' : '✘'} ${stack.stackName} (review plan): ${add} to create in an empty account (${change} to change, ${destroy} to destroy); policy ${check.policy.packs.join(' + ')}: ${check.policy.blocking} blocking finding(s)${saved} (${((Date.now() - started) / 1000).toFixed(1)}s)`,
    );
    io.out(`  mocked values: ${result.mocked.length > 0 ? '' : 'none'}`);
    for (const m of result.mocked) io.out(`    ${formatMocked(m)}`);
  }
  io.out(
    `review plans: ${reviewed.length + refused.length} of ${stacks.length} stack(s) reviewed (${[...reviewed, ...refused].join(', ') || 'none'}); refused by the policy packs or the guard: ${refused.join(', ') || 'none'}; not reviewed: ${notReviewed.join(', ') || 'none'}. Not a diff against deployed state: run hms-sys plan with credentials for that.`,
  );
  if (refused.length > 0) return EXIT_USER_ERROR;
  return notReviewed.length > 0 ? EXIT_TOOLCHAIN : EXIT_OK;
}

/** The options of `hms-sys plan` as parsed (lib/cli/args.ts). */
type PlanValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** Stacks of an existing synthesis (`cdktf synth`, `hms-sys synth`): `<dir>/stacks/<name>/cdk.tf.json`. */
function synthesizedStacks(dir: string): ReviewStack[] {
  const stacksDir = join(dir, 'stacks');
  let names: string[];
  try {
    names = readdirSync(stacksDir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(stacksDir, d.name, 'cdk.tf.json'))).map((d) => d.name).sort();
  } catch {
    names = [];
  }
  if (names.length === 0) {
    throw new UserError(`hms-sys plan --offline --synthesized ${dir}: no stacks/<name>/cdk.tf.json in it; give the output folder of \`cdktf synth\` or \`hms-sys synth\` (e.g. cdktf.out)`);
  }
  return names.map((stackName) => ({ stackName, file: join(stacksDir, stackName, 'cdk.tf.json') }));
}

function named(stacks: readonly ReviewStack[], names: readonly string[]): ReviewStack[] {
  const known = stacks.map((s) => s.stackName);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new UserError(`hms-sys plan: no stack named ${unknown.join(', ')}; stacks: ${known.join(', ')}`);
  return stacks.filter((s) => names.length === 0 || names.includes(s.stackName));
}

/**
 * `hms-sys plan --offline [names...]`: synthesizes the blueprints into a
 * temporary folder (the user's output folder is not written), or reads an
 * existing synthesis with `--synthesized DIR`, and reviews the stacks.
 */
export async function planOffline(names: readonly string[], values: PlanValues, io: Io, report: ReviewOptions['report']): Promise<number> {
  if (!values.offline) throw new UserError('hms-sys plan: --synthesized and --review-out belong to the review plan; add --offline');
  for (const flag of ['out', 'no-refresh'] as const) {
    if (values[flag] !== undefined) {
      throw new UserError(`hms-sys plan --offline: --${flag} does not apply to a review plan (it synthesizes into a temporary folder and reads no state); leave it out, or save the review plans with --review-out DIR`);
    }
  }
  if (values.synthesized !== undefined && values.blueprints !== undefined) throw new UserError('hms-sys plan --offline: give --synthesized DIR or --blueprints DIR, not both');
  const allowances = Array.isArray(values['allow-destroy']) ? values['allow-destroy'].map(String) : [];
  // Checked before synthesis and any Terraform run: a refusal costs nothing.
  const saveTo = typeof values['review-out'] === 'string' ? checkReviewFolder(values['review-out'], io.cwd) : undefined;
  const work = temporaryFolder('hms-sys-review-synth-');
  try {
    const tf = terraformEnvironment(work);
    if (typeof values.synthesized !== 'string') {
      // Names select as in `hms-sys plan` (lib/cli/stack-selection.ts).
      const selection = selectByName('plan', names, io, { folder: typeof values.blueprints === 'string' ? values.blueprints : 'blueprints' });
      const result = synthesizeBlueprints(selection.blueprints, join(work, 'cdktf.out'), { cwd: io.cwd });
      for (const n of result.notices) io.err(`note: ${n}`);
      return await reviewStacks(selectedStacks(result, selection), io, { env: tf.env, allowances, report, saveTo, allStacks: result.stacks });
    }
    const all = synthesizedStacks(resolve(io.cwd, values.synthesized));
    return await reviewStacks(named(all, names), io, { env: tf.env, allowances, report, saveTo, allStacks: all });
  } finally {
    removeTemporaryFolder(work);
  }
}
