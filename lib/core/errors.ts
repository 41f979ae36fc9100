/**
 * Errors that reach users. A `UserError` is something the user can fix (a bad
 * blueprint, a bad prop, an output folder hms-sys will not replace): the CLI prints
 * its message and exits 1, without a stack trace. Anything else is a bug in hms-sys
 * and exits 70 (the exit-code table is in lib/cli/io.ts).
 */
export class UserError extends Error {
  public readonly isUserError = true;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** One problem in a blueprint, located in its file. */
export interface BlueprintProblem {
  readonly file: string;
  /** 1-based line, or 0 when the problem concerns the whole file. */
  readonly line: number;
  /** 1-based column, or 0 when the problem concerns the whole file. */
  readonly column: number;
  /** Dotted field path such as `storage.volume.size`; empty for the whole file. */
  readonly path: string;
  /** What is wrong, what is allowed and how to fix it. */
  readonly message: string;
}

/** Formats a problem as `file:line:col  path: message`, the shape editors link to. */
export function formatProblem(p: BlueprintProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return p.path ? `${where}  ${p.path}: ${p.message}` : `${where}  ${p.message}`;
}

/** All the problems of one or more blueprints, reported at once and sorted by file and line. */
export class BlueprintError extends UserError {
  public readonly problems: readonly BlueprintProblem[];
  constructor(problems: readonly BlueprintProblem[]) {
    const sorted = [...problems].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super(`${count} in blueprint:\n${sorted.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'BlueprintError';
    this.problems = sorted;
  }
}

/**
 * Invalid construct props, all reported at once, e.g.
 * `SecureNodePool.maxSize (2) must be >= minSize (3) at dcaa-aws/pool`.
 */
export class PropsError extends UserError {
  constructor(construct: string, path: string, problems: readonly string[]) {
    super(problems.map((p) => `${construct}.${p} at ${path}`).join('\n'));
    this.name = 'PropsError';
  }
}

/** Collects prop problems in a constructor and throws them together. */
export class PropsValidator {
  private readonly problems: string[] = [];
  constructor(private readonly construct: string, private readonly path: string) {}

  /** Records `message` unless `ok` holds. */
  check(ok: boolean, message: string): this {
    if (!ok) this.problems.push(message);
    return this;
  }

  /**
   * Records `message()` unless `ok()` holds, but only when every one of `values` is
   * known at synth: a CDKTF token (a `TerraformVariable`, a reference, a list
   * token) is known only at plan time, where Terraform and the provider check it.
   * Without this, a `TerraformVariable`'s `numberValue` reads as -8.1e+298 and a
   * list token as a list of one.
   */
  whenKnown(values: readonly unknown[], ok: () => boolean, message: () => string): this {
    // Loaded here, not at the top: blueprint validation uses this file and must not load cdktf.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Token } = require('cdktf') as typeof import('cdktf');
    if (values.some((v) => Token.isUnresolved(v))) return this;
    return ok() ? this : this.check(false, message());
  }

  /** Throws a `PropsError` with every recorded problem, if any. */
  throwIfAny(): void {
    if (this.problems.length > 0) throw new PropsError(this.construct, this.path, this.problems);
  }
}

/**
 * The tool chain or the cloud failed: Terraform is missing, a provider cannot be
 * installed, a plan fails, an API cannot be reached. Printed as one paragraph with
 * what to do; the CLI exits 3 (EXIT_TOOLCHAIN in lib/cli/io.ts).
 */
export class ToolchainError extends UserError {
  public readonly exitCode = 3;
  constructor(message: string) {
    super(message);
    this.name = 'ToolchainError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return typeof e === 'object' && e !== null && (e as { isUserError?: unknown }).isUserError === true;
}
