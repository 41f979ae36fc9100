/**
 * Runs the offline review plan of one synthesized stack: a copy of the stack's
 * folder in a temporary folder (the user's folder, state and backend are never
 * touched), its backend removed, a `terraform test` file that mocks every
 * provider and data source (lib/plan/offline-mocks.ts), then `terraform init
 * -backend=false` and `terraform test -json -verbose`, whose `test_plan` message
 * is the plan. The temporary folder is removed when the stack is done, on an
 * error, and on Ctrl-C or SIGTERM.
 *
 * `mock_provider` keeps the real provider's schema and has the real provider
 * validate each resource (a random string where the provider expects an ARN is
 * refused); it does not configure the provider, so no credentials are read, and it
 * plans without the provider's own plan logic: values computed by the cloud are
 * "known after apply", as in a first plan. (hashicorp/terraform
 * internal/providers/mock.go, read through the code index, release not pinned:
 * `Mock.ValidateResourceConfig` and `ValidateDataResourceConfig` pass to the real
 * provider, `ConfigureProvider` does nothing "as they may try to talk to their
 * underlying cloud providers", `PlanResourceChange` of a create sets computed
 * nulls to unknown. Seen here with 1.11.4: a random mocked ARN is refused.)
 * @see https://developer.hashicorp.com/terraform/language/tests/mocking
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ToolchainError } from '../core/errors';
import { isObject } from '../policy/engine/values';
import { REVIEW_RUN_NAME, reviewTestFile, type MockedDataSource } from '../plan/offline-mocks';
import { readTestOutput, reviewPlanDocument } from '../plan/review-plan';
import { terraformError, type TerraformResult } from './run';

/** Temporary folders of review plans in progress, removed on exit and on a signal. */
const inProgress = new Set<string>();
/** Terraform processes running, stopped on a signal before their folder is removed. */
const running = new Set<ChildProcess>();
let handlersInstalled = false;

function removeAll(): void {
  for (const dir of inProgress) rmSync(dir, { recursive: true, force: true });
  inProgress.clear();
}

/** Exit codes of a process ended by a signal: 128 + the signal's number. */
const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Ctrl-C reaches Terraform too (the same process group), which stops; hms-sys
 * removes what it copied and exits with the signal's code.
 */
function installCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', removeAll);
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
    process.once(signal, () => {
      // A terminal's Ctrl-C reached Terraform already; a signal sent to hms-sys alone has not.
      for (const child of running) child.kill(signal as NodeJS.Signals);
      removeAll();
      process.exit(code);
    });
  }
}

/** A new temporary folder, removed by {@link removeTemporaryFolder}, on exit, and on Ctrl-C or SIGTERM. */
export function temporaryFolder(prefix: string): string {
  installCleanup();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  inProgress.add(dir);
  return dir;
}

export function removeTemporaryFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  inProgress.delete(dir);
}

/** Runs terraform asynchronously (so that a signal is handled while it runs), capturing its output. */
function terraformAsync(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<TerraformResult> {
  return new Promise((done) => {
    const child = spawn('terraform', [...args], { cwd, env });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => {
      running.delete(child);
      done({ status: null, ok: false, stdout: '', output: String(e) });
    });
    child.on('close', (status) => {
      running.delete(child);
      const stdout = Buffer.concat(out).toString('utf8');
      done({ status, ok: status === 0, stdout, output: `${stdout}${Buffer.concat(err).toString('utf8')}` });
    });
  });
}

/** The providers a stack requires, as `hashicorp/aws 5.100.0`, for messages. */
export function requiredProviders(stack: Record<string, unknown>): string[] {
  const required = isObject(stack.terraform) && isObject(stack.terraform.required_providers) ? stack.terraform.required_providers : {};
  return Object.entries(required).map(([name, spec]) => {
    const source = isObject(spec) && typeof spec.source === 'string' ? spec.source : name;
    const version = isObject(spec) && typeof spec.version === 'string' ? ` ${spec.version}` : '';
    return `${source.includes('/') ? source : `hashicorp/${source}`}${version}`;
  });
}

/** The stack without the backend: a review plan has no state and must not reach one. */
function withoutBackend(stack: Record<string, unknown>): Record<string, unknown> {
  if (!isObject(stack.terraform)) return stack;
  const { backend: _backend, cloud: _cloud, ...terraform } = stack.terraform;
  return { ...stack, terraform };
}

export interface OfflineStackPlan {
  /** The plan in `terraform show -json` form, labelled as a review plan. */
  readonly plan: Record<string, unknown>;
  readonly mocked: readonly MockedDataSource[];
}

/** Thrown when Terraform could not plan the stack offline; exit 3, the other stacks go on. */
export class OfflinePlanError extends ToolchainError {}

/**
 * The offline review plan of the stack at `stackFile` (a `cdk.tf.json`).
 * `producers` are the other stacks of the synthesis by name, for cross-stack references.
 */
export async function offlinePlan(
  stackName: string,
  stackFile: string,
  env: NodeJS.ProcessEnv,
  producers: Readonly<Record<string, Record<string, unknown>>> = {},
): Promise<OfflineStackPlan> {
  const stack = JSON.parse(readFileSync(stackFile, 'utf8')) as Record<string, unknown>;
  const work = temporaryFolder('hms-sys-review-');
  try {
    const dir = join(work, stackName);
    // The stack's folder (assets included), without what an earlier init, plan or apply left there.
    const skip = new Set(['.terraform', '.terraform.lock.hcl', 'plan.tfplan', 'plan.json', 'review-plan.json', 'terraform.tfstate', 'terraform.tfstate.backup', 'errored.tfstate']);
    cpSync(dirname(stackFile), dir, { recursive: true, filter: (src) => src === dirname(stackFile) || !skip.has(basename(src)) });
    writeFileSync(join(dir, basename(stackFile)), JSON.stringify(withoutBackend(stack)));
    const { test, mocked } = reviewTestFile(stack, producers);
    mkdirSync(join(dir, 'tests'), { recursive: true });
    writeFileSync(join(dir, 'tests', 'hms-sys-review.tftest.json'), JSON.stringify(test, null, 2));
    const init = await terraformAsync(['init', '-backend=false', '-input=false', '-no-color'], dir, env);
    if (!init.ok) {
      throw new OfflinePlanError(
        `${stackName}: not reviewed: terraform init failed: ${terraformError(init.output)}. The review plan needs the real provider binaries (${requiredProviders(stack).join(', ')}), though no credentials: install them into a filesystem mirror (\`terraform providers mirror DIR\` on a connected machine) and set HMS_TF_PROVIDER_MIRROR=DIR, or put them in a folder Terraform searches (\`terraform init -plugin-dir\`, ~/.terraform.d/plugins); see the README, "Review plan without credentials".`,
      );
    }
    const run = await terraformAsync(['test', '-json', '-verbose', '-no-color'], dir, env);
    const output = readTestOutput(run.stdout, REVIEW_RUN_NAME);
    const errors = output.diagnostics.filter((d) => d.severity === 'error').map((d) => d.text);
    if (!output.plan || errors.length > 0) {
      const why = errors.length > 0 ? errors.slice(0, 5).join('; ') : terraformError(run.output);
      throw new OfflinePlanError(
        `${stackName}: not reviewed: terraform test could not plan it offline: ${why}. A value the provider refuses may come from a data source hms-sys does not mock yet (lib/plan/offline-mocks.ts).`,
      );
    }
    return { plan: reviewPlanDocument(output.plan, stack, mocked, output.terraformVersion), mocked };
  } finally {
    removeTemporaryFolder(work);
  }
}
