/**
 * The hms-sys command line. Every command returns an exit code: 0 success,
 * 1 a problem the user can fix (printed as help, without a stack trace),
 * 2 an internal error (printed with its stack, to report).
 */
import { isUserError } from '../core/errors';
import { checkCommand, CHECK_USAGE } from './commands/check';
import { synthCommand, SYNTH_USAGE } from './commands/synth';
import { validateCommand, VALIDATE_USAGE } from './commands/validate';
import { EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_USER_ERROR, processIo, type Io } from './io';

type Command = (args: readonly string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string; summary: string }> = {
  validate: { run: validateCommand, usage: VALIDATE_USAGE, summary: 'check blueprints and report every problem' },
  synth: { run: synthCommand, usage: SYNTH_USAGE, summary: 'write Terraform JSON for every blueprint, gated by the policy packs' },
  check: { run: checkCommand, usage: CHECK_USAGE, summary: 'scan Terraform against FedRAMP Moderate and HIPAA; exit 1 on a blocking finding' },
};

export function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}\n             ${c.usage}`);
  return ['hms-sys: hardened EKS and AKS platforms from one YAML blueprint', '', 'commands:', ...lines].join('\n');
}

export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name === undefined ? EXIT_USER_ERROR : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`hms-sys: unknown command ${JSON.stringify(name)}; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return EXIT_USER_ERROR;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (isUserError(e)) {
      io.err(e.message);
      return EXIT_USER_ERROR;
    }
    io.err(`hms-sys: internal error; please report it with the blueprint that caused it:\n${(e as Error)?.stack ?? String(e)}`);
    return EXIT_INTERNAL_ERROR;
  }
}

/** Entry point of the `hms-sys` binary. */
export async function cli(argv: readonly string[]): Promise<void> {
  process.exitCode = await run(argv);
}
