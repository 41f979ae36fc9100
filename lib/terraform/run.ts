import { spawnSync } from 'node:child_process';
import { ToolchainError } from '../core/errors';

export interface TerraformResult {
  readonly status: number | null;
  readonly ok: boolean;
  readonly stdout: string;
  /** stdout and stderr together, for error messages. */
  readonly output: string;
}

/**
 * Runs `terraform <args>` in `cwd`, capturing everything. Terraform runs with
 * umask 077, which it inherits: what it creates (saved plans, local state,
 * errored.tfstate) holds planned values and secrets, so only the owner may read it.
 */
export function terraform(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): TerraformResult {
  const r = withPrivateUmask(() => spawnSync('terraform', [...args], { cwd, env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }));
  return { status: r.status, ok: r.status === 0, stdout: r.stdout ?? '', output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Runs `fn` (which starts a child process) with umask 077, restoring the previous mask after. */
function withPrivateUmask<T>(fn: () => T): T {
  const previous = process.umask(0o077);
  try {
    return fn();
  } finally {
    process.umask(previous);
  }
}

/** What Terraform said went wrong: its first error and the paragraph that explains it. */
export function terraformError(output: string): string {
  const lines = output.split('\n').map((l) => l.replace(/^[│╷╵]\s?/, '').trim());
  const first = lines.findIndex((l) => l.startsWith('Error:'));
  if (first < 0) return lines.filter(Boolean).slice(-2).join(' ');
  const rest = lines.slice(first + 1);
  const start = rest.findIndex(Boolean);
  const end = start < 0 ? 0 : rest.indexOf('', start);
  const paragraph = start < 0 ? [] : rest.slice(start, end < 0 ? undefined : end);
  return [lines[first], ...paragraph].join(' ').replace(/\s+/g, ' ').replace(/\.?\s*$/, '');
}

/** `terraform init` of a stack, or a ToolchainError that says how to get its providers. */
export function initStack(stackName: string, dir: string, env: NodeJS.ProcessEnv): void {
  const init = terraform(['init', '-input=false', '-no-color'], dir, env);
  if (!init.ok) {
    const error = terraformError(init.output);
    const advice = /state/i.test(error)
      ? "The stack's state cannot be read: restore the previous version (S3 object versions, Terraform Cloud state versions, or your backup of terraform-state/), then run the command again. Do not delete it: Terraform would plan to create everything again."
      : "Terraform must be able to install the stack's providers: from the registry, or, without internet access, from a filesystem mirror that holds them (set HMS_TF_PROVIDER_MIRROR; see the README).";
    throw new ToolchainError(`terraform init failed for ${stackName}: ${error}. ${advice}`);
  }
}

/** JSON that Terraform printed; output that is not JSON is a tool chain failure (exit 3), not a crash. */
export function parseTerraformJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ToolchainError(`${what} did not print JSON (${(e as Error).message}); check the Terraform version on PATH (1.6 or newer)`);
  }
}
