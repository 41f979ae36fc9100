/**
 * The hms-sys command line. Every command returns an exit code from the table in
 * `io.ts` (0 success, 1 refused, 2 drift, 3 tool chain or cloud, 70 internal
 * error); every failure is printed as one paragraph, a stack trace only for an
 * internal error and only with HMS_SYS_DEBUG=1.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isUserError } from '../core/errors';
import { missingProviderOf } from '../core/providers';
import { DEBUG_ENV, EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_TOOLCHAIN, EXIT_USER_ERROR, processIo, type Io } from './io';
import { describeSystemError } from './system-error';
import { APPLY_HELP } from './help/apply';
import { CHECK_HELP } from './help/check';
import { EXIT_HELP, type CommandHelp } from './help/command-help';
import { DRIFT_HELP } from './help/drift';
import { PLAN_HELP } from './help/plan';
import { STATUS_HELP } from './help/status';
import { SYNTH_HELP } from './help/synth';
import { VALIDATE_HELP } from './help/validate';
import { VERIFY_HELP } from './help/verify';

type Command = (args: readonly string[], io: Io) => number | Promise<number>;

/**
 * Commands load on first use: `validate` runs in editors and pre-commit hooks and
 * must not pay for loading CDKTF, the providers and the policy rules. Their help
 * comes from lib/cli/help/, which loads nothing else. `require`, not `import()`:
 * run from sources through tsx, a dynamic import stays native ESM and cannot
 * resolve the TypeScript files.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, { load: () => Command; help: CommandHelp }> = {
  validate: { load: () => require('./commands/validate').validateCommand, help: VALIDATE_HELP },
  synth: { load: () => require('./commands/synth').synthCommand, help: SYNTH_HELP },
  plan: { load: () => require('./commands/plan').planCommand, help: PLAN_HELP },
  apply: { load: () => require('./commands/apply').applyCommand, help: APPLY_HELP },
  drift: { load: () => require('./commands/drift').driftCommand, help: DRIFT_HELP },
  status: { load: () => require('./commands/status').statusCommand, help: STATUS_HELP },
  verify: { load: () => require('./commands/verify').verifyCommand, help: VERIFY_HELP },
  check: { load: () => require('./commands/check').checkCommand, help: CHECK_HELP },
};
/* eslint-enable @typescript-eslint/no-require-imports */

export function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, { help: c }]) => `  ${name.padEnd(10)} ${c.summary}\n             ${c.usage}`);
  return ['hms-sys: hardened EKS and AKS platforms from one YAML blueprint', '', 'commands:', ...lines, '', 'hms-sys <command> --help, hms-sys help <command>: one command; hms-sys --version: the version'].join('\n');
}

/** What `hms-sys <command> --help` and `hms-sys help <command>` print. */
export function commandHelp(name: string): string {
  const { summary, usage, details = [] } = COMMANDS[name].help;
  // A command that explains its own exit codes replaces the general table.
  const exit = details.some((d) => d.startsWith('exit:')) ? [] : [EXIT_HELP];
  return [`hms-sys ${name}: ${summary}`, `usage: ${usage}`, '', ...[...details, ...exit].flatMap((d, i) => (i > 0 ? ['', d] : [d]))].join('\n');
}

/** The version in hms-sys's own package.json, found from this file in sources and in dist/. */
export function version(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'hms-sys' && pkg.version) return pkg.version;
    } catch {
      // not here: look in the parent folder
    }
  }
  return 'unknown';
}

export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`hms-sys ${version()}`);
    return EXIT_OK;
  }
  if (name === 'help' && args.length > 0) {
    if (!COMMANDS[args[0]]) {
      io.err(`hms-sys: unknown command ${JSON.stringify(args[0])}; commands: ${Object.keys(COMMANDS).join(', ')}`);
      return EXIT_USER_ERROR;
    }
    return run([args[0], '--help'], io);
  }
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name === undefined ? EXIT_USER_ERROR : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`hms-sys: unknown command ${JSON.stringify(name)}; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return EXIT_USER_ERROR;
  }
  // Every command answers --help; verify prints its own, longer help (each probe and its control).
  if (name !== 'verify' && (args.includes('--help') || args.includes('-h'))) {
    io.out(commandHelp(name));
    return EXIT_OK;
  }
  try {
    return await command.load()(args, io);
  } catch (e) {
    return reportFailure(e, io);
  }
}

/** Prints a failure as one paragraph and returns its exit code. */
export function reportFailure(e: unknown, io: Io, env: NodeJS.ProcessEnv = process.env): number {
  if (isUserError(e)) {
    io.err(e.message);
    return (e as { exitCode?: number }).exitCode ?? EXIT_USER_ERROR;
  }
  const missing = missingProviderOf(e);
  if (missing) {
    io.err(missing.message);
    return EXIT_TOOLCHAIN;
  }
  const system = describeSystemError(e);
  if (system) {
    io.err(system.message);
    return system.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  const trace = env[DEBUG_ENV] === '1' && e instanceof Error && e.stack ? `\n${e.stack}` : ` Run again with ${DEBUG_ENV}=1 for the stack trace.`;
  io.err(`hms-sys: internal error (a bug in hms-sys, exit ${EXIT_INTERNAL_ERROR}): ${message.split('\n')[0]}. Please report it with the command and the blueprint.${trace}`);
  return EXIT_INTERNAL_ERROR;
}

/** Entry point of the `hms-sys` binary. */
export async function cli(argv: readonly string[]): Promise<void> {
  // Whatever escapes a command (a callback, a promise nobody awaited) is still one paragraph and exit 70.
  const fail = (e: unknown) => {
    process.exitCode = reportFailure(e, processIo);
    process.exit();
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // A closed pipe (`hms-sys check ... | head`) ends the output, not the command's exit code.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(process.exitCode ?? EXIT_OK) : fail(e)));
  }
  process.exitCode = await run(argv);
}
