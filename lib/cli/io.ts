/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Directory that relative paths are resolved against. */
  readonly cwd: string;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

/** Exit codes: what kind of failure it was. */
export const EXIT_OK = 0;
/** Bad input the user can fix: a blueprint, an argument, a policy finding. */
export const EXIT_USER_ERROR = 1;
/** A bug in hms-sys or a broken environment. */
export const EXIT_INTERNAL_ERROR = 2;
// Exit 3, the tool chain failed, is carried by ToolchainError (lib/core/errors.ts).
