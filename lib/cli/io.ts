/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Directory that relative paths are resolved against. */
  readonly cwd: string;
  /**
   * How commands reach HTTP APIs (Terraform Cloud). Tests route it to a local
   * server; the binary uses the global fetch. Injected here rather than through an
   * environment variable so that no setting of the runner can redirect a token.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof fetch;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

/*
 * Exit codes, the same for every command (README, "Safety"). Scripts and CI
 * branch on them, so they never change meaning:
 *   0   success
 *   1   refused by hms-sys: bad input, a policy finding, a guard refusal, a failed
 *       verification, not converged, an output folder it will not replace
 *   2   drift found (`hms-sys drift`), and nothing else
 *   3   the tool chain or the cloud failed: Terraform missing, a provider, a plan or
 *       apply that fails, an unreachable endpoint, credentials, the disk
 *   70  internal error: a bug in hms-sys (EX_SOFTWARE of sysexits.h); the stack
 *       trace is printed only with HMS_SYS_DEBUG=1
 */
export const EXIT_OK = 0;
/** Refused by hms-sys: something the user can fix. */
export const EXIT_USER_ERROR = 1;
/** `hms-sys drift` found infrastructure that changed outside Terraform. */
export const EXIT_DRIFT = 2;
/** The tool chain or the cloud failed; carried by ToolchainError (lib/core/errors.ts). */
export const EXIT_TOOLCHAIN = 3;
/** A bug in hms-sys. */
export const EXIT_INTERNAL_ERROR = 70;

/** Set to 1 to print the stack trace of an internal error. */
export const DEBUG_ENV = 'HMS_SYS_DEBUG';
