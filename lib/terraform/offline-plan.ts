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
/** Terraform processes running, each the leader of its own process group (its provider runs in it). */
const running = new Set<ChildProcess>();
let handlersInstalled = false;
/** Set by the first signal: no new Terraform starts, and what runs is being stopped. */
let stopping = false;

/**
 * How long Terraform may take to stop its provider after one interrupt before
 * its process group is killed. Terraform stops a run gracefully on the first
 * interrupt; a second one on its `ShutdownCh` makes it exit at once ("Two
 * interrupts received. Exiting immediately."; hashicorp/terraform
 * internal/command/test_test.go and the backend operation wait, read through the
 * code index, release not pinned), which here left terraform-provider-aws running.
 */
const TERRAFORM_STOP_GRACE_MS = 20_000;

/**
 * Room a Unix socket path has (sun_path is 108 bytes on Linux, 104 on macOS),
 * less go-plugin's `plugin` + up to 10 digits.
 */
const SOCKET_DIR_MAX_LENGTH = 104 - 17;

/**
 * Terraform's environment for a run in `work`: the provider's plugin socket in
 * `work` (go-plugin 1.5.0+ servers create it in PLUGIN_UNIX_SOCKET_DIR, else in
 * TMPDIR; hashicorp/go-plugin CHANGELOG 1.5.0/1.6.0), so that a provider killed
 * before it could remove its socket leaves nothing once `work` is removed. A
 * `work` path too long for a socket keeps the default.
 */
function runEnvironment(env: NodeJS.ProcessEnv, work: string): NodeJS.ProcessEnv {
  return work.length <= SOCKET_DIR_MAX_LENGTH ? { ...env, PLUGIN_UNIX_SOCKET_DIR: work } : env;
}

function removeAll(): void {
  for (const dir of inProgress) rmSync(dir, { recursive: true, force: true });
  inProgress.clear();
}

/** Exit codes of a process ended by a signal: 128 + the signal's number. */
const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Sends `signal` to the process group a Terraform child leads (itself and its provider). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

/** How long hms-sys waits for a killed process group to be gone before it exits. */
const KILLED_GROUP_WAIT_MS = 2_000;

function groupExists(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

function hasExited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Kills what is left of every Terraform group, removes the copies and exits with `code`. */
function killAndExit(children: readonly ChildProcess[], code: number): never {
  // Terraform may have exited and left its provider in the group: kill the group, not the process.
  for (const child of children) signalGroup(child, 'SIGKILL');
  // A killed provider needs a moment to die and be reaped: exit once its group is empty (2 s at most).
  const until = Date.now() + KILLED_GROUP_WAIT_MS;
  while (Date.now() < until && children.some(groupExists)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  removeAll();
  process.exit(code);
}

/**
 * Terraform runs in its own process group (spawned detached), so a terminal's
 * Ctrl-C reaches hms-sys only, and hms-sys sends the group exactly one SIGINT:
 * Terraform stops its provider and exits. hms-sys waits for that (at most
 * {@link TERRAFORM_STOP_GRACE_MS}), kills the group, removes what it copied and
 * exits with the signal's code. A second signal kills the groups at once.
 */
function installCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const child of running) signalGroup(child, 'SIGKILL');
    removeAll();
  });
  let exitCode = 0;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
    process.on(signal, () => {
      const children = [...running];
      if (stopping) killAndExit(children, exitCode);
      stopping = true;
      exitCode = code;
      for (const child of children) signalGroup(child, 'SIGINT');
      const timer = setTimeout(() => killAndExit(children, exitCode), TERRAFORM_STOP_GRACE_MS);
      void Promise.all(children.map(hasExited)).then(() => {
        clearTimeout(timer);
        killAndExit(children, exitCode);
      });
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

/**
 * Runs terraform asynchronously (so that a signal is handled while it runs),
 * capturing its output, in a process group of its own (see {@link installCleanup}).
 * Once hms-sys is stopping, nothing new starts and the result never comes: the
 * signal handler exits.
 */
function terraformAsync(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<TerraformResult> {
  return new Promise((done) => {
    if (stopping) return;
    const child = spawn('terraform', [...args], { cwd, env, detached: true });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => {
      running.delete(child);
      if (!stopping) done({ status: null, ok: false, stdout: '', output: String(e) });
    });
    child.on('close', (status) => {
      running.delete(child);
      if (stopping) return;
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

/**
 * Terraform's words when init could not get a provider: from a registry or
 * mirror (`Failed to query available provider packages` ... `was not found in
 * any of the search locations`, seen here with 1.11.4 and azurerm) or while
 * installing it. Anything else (a configuration error) is the stack's fault.
 */
const MISSING_PROVIDER = /Failed to query available provider packages|Failed to install provider|could not find|not found in any of the search locations/i;

/**
 * Every error of Terraform's output, whole: its heading, where (`on FILE line N,
 * in ...`) and its explanation, without the echoed source lines and without
 * init's preamble ("Terraform encountered problems during initialisation").
 */
export function terraformErrors(output: string): string[] {
  const lines = output.split('\n').map((l) => l.replace(/^[│╷╵]\s?/, '').trimEnd());
  const errors: string[] = [];
  let current: string[] | undefined;
  const flush = () => {
    if (current && !/encountered problems during initiali[sz]ation/.test(current[0])) errors.push(current.join(' ').replace(/\s+/g, ' ').trim());
    current = undefined;
  };
  for (const line of lines) {
    if (/^(Error|Warning):/.test(line)) {
      flush();
      if (line.startsWith('Error:')) current = [line.replace(/\.?\s*$/, ':')];
    } else if (current && line.trim() && !/^\s*\d+:/.test(line) && !/^\s*[│├└]/.test(line)) {
      current.push(line.trim());
    }
  }
  flush();
  return errors.map((e) => e.replace(/:$/, ''));
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
    const runEnv = runEnvironment(env, work);
    const dir = join(work, stackName);
    // The stack's folder (assets included), without what an earlier init, plan or apply left there.
    const skip = new Set(['.terraform', '.terraform.lock.hcl', 'plan.tfplan', 'plan.json', 'review-plan.json', 'terraform.tfstate', 'terraform.tfstate.backup', 'errored.tfstate']);
    cpSync(dirname(stackFile), dir, { recursive: true, filter: (src) => src === dirname(stackFile) || !skip.has(basename(src)) });
    writeFileSync(join(dir, basename(stackFile)), JSON.stringify(withoutBackend(stack)));
    const { test, mocked } = reviewTestFile(stack, producers);
    mkdirSync(join(dir, 'tests'), { recursive: true });
    writeFileSync(join(dir, 'tests', 'hms-sys-review.tftest.json'), JSON.stringify(test, null, 2));
    const init = await terraformAsync(['init', '-backend=false', '-input=false', '-no-color'], dir, runEnv);
    if (!init.ok && !MISSING_PROVIDER.test(init.output)) {
      const errors = terraformErrors(init.output);
      throw new OfflinePlanError(
        `${stackName}: not reviewed: Terraform refused the stack's configuration (terraform init): ${errors.length > 0 ? errors.join('; ') : terraformError(init.output)}. Fix the stack (its cdk.tf.json, or the construct or blueprint that wrote it) and run again.`,
      );
    }
    if (!init.ok) {
      throw new OfflinePlanError(
        `${stackName}: not reviewed: terraform init failed: ${terraformError(init.output)}. The review plan needs the real provider binaries (${requiredProviders(stack).join(', ')}), though no credentials: install them into a filesystem mirror (\`terraform providers mirror DIR\` on a connected machine) and set HMS_TF_PROVIDER_MIRROR=DIR, or put them in a folder Terraform searches (\`terraform init -plugin-dir\`, ~/.terraform.d/plugins); see the README, "Review plan without credentials".`,
      );
    }
    const run = await terraformAsync(['test', '-json', '-verbose', '-no-color'], dir, runEnv);
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
