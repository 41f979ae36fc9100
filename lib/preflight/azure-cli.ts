import { execFile } from 'node:child_process';

/** Runs `az <args> --output json` and parses its answer; rejects with what az said. */
export type AzureCli = (args: readonly string[]) => Promise<unknown>;

/** How long one az call may take before the preflight gives up on it. */
export const AZ_TIMEOUT_MS = 60_000;

/** az failed: not installed, not signed in, or Azure refused the call. */
export class AzureCliError extends Error {
  constructor(
    public readonly args: readonly string[],
    public readonly stderr: string,
    public readonly notInstalled = false,
  ) {
    super(notInstalled ? 'the Azure CLI (az) is not installed or not on PATH' : `az ${args.join(' ')}: ${firstLine(stderr)}`);
    this.name = 'AzureCliError';
  }

  /** Azure said the resource does not exist. */
  get notFound(): boolean {
    return /ResourceNotFound|NotFound|was not found|could not be found/i.test(this.stderr);
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0 && !/^WARNING/i.test(l)) ?? 'no message'
  );
}

/** The Azure CLI on PATH: the same sign-in azurerm uses (`az login`). */
export const azureCli: AzureCli = (args) =>
  new Promise((resolve, reject) => {
    execFile('az', [...args, '--output', 'json', '--only-show-errors'], { timeout: AZ_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new AzureCliError(args, String(stderr || error.message), (error as NodeJS.ErrnoException).code === 'ENOENT'));
        return;
      }
      try {
        resolve(stdout.trim() === '' ? null : JSON.parse(stdout));
      } catch {
        reject(new AzureCliError(args, `unreadable answer: ${stdout.slice(0, 200)}`));
      }
    });
  });
