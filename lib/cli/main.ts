/**
 * The hms-sys command line. Every command returns an exit code: 0 success,
 * 1 a problem the user can fix (printed as help, without a stack trace),
 * 2 an internal error (printed with its stack, to report), 3 the tool chain
 * failed (Terraform missing, a provider not installable, a plan that fails).
 */
import { isUserError } from '../core/errors';
import { EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_USER_ERROR, processIo, type Io } from './io';

type Command = (args: readonly string[], io: Io) => number | Promise<number>;

/**
 * Commands load on first use: `validate` runs in editors and pre-commit hooks and
 * must not pay for loading CDKTF, the providers and the policy rules. `require`,
 * not `import()`: run from sources through tsx, a dynamic import stays native ESM
 * and cannot resolve the TypeScript files.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, { load: () => Command; usage: string; summary: string }> = {
  validate: {
    load: () => require('./commands/validate').validateCommand,
    usage: 'hms-sys validate [blueprint.yml | folder ...]   (default: blueprints/)',
    summary: 'check blueprints and report every problem',
  },
  synth: {
    load: () => require('./commands/synth').synthCommand,
    usage: 'hms-sys synth [blueprint.yml | folder ...] [--out cdktf.out] [--strict]   (default: blueprints/)',
    summary: 'write Terraform JSON for every blueprint, gated by the policy packs',
  },
  plan: {
    load: () => require('./commands/plan').planCommand,
    usage: 'hms-sys plan [stack ...] [--blueprints DIR] [--out cdktf.out] [--allow-destroy ADDRESS]... [--no-refresh]',
    summary: 'synth, check, then terraform plan each stack; refuse to delete or replace data or keys',
  },
  apply: {
    load: () => require('./commands/apply').applyCommand,
    usage: 'hms-sys apply <blueprint name | blueprint.yml> [--yes] [--allow-destroy ADDRESS]... [--events FILE | -] [--blueprints DIR]',
    summary: 'plan, check and apply one blueprint stack by stack, stopping at the first refusal',
  },
  drift: {
    load: () => require('./commands/drift').driftCommand,
    usage: 'hms-sys drift [stack ...] [--json] [--blueprints DIR] [--out cdktf.out]',
    summary: 'refresh-only plan of each stack; exit 2 when the infrastructure changed outside Terraform',
  },
  status: {
    load: () => require('./commands/status').statusCommand,
    usage: 'hms-sys status <blueprint name> [--json] [--blueprints DIR] [--state-dir terraform-state]',
    summary: 'what is deployed for a blueprint, from its stacks\' Terraform state',
  },
  check: {
    load: () => require('./commands/check').checkCommand,
    usage:
      'hms-sys check <cdk.tf.json | plan.json | cdktf.out | folder of .tf> ... [--format text|json|sarif|junit] [--output FILE] [--pack fedramp-moderate|hipaa] [--strict] [--ignore-acknowledgements] [--allow-destroy ADDRESS]...',
    summary: 'scan Terraform against FedRAMP Moderate and HIPAA; exit 1 on a blocking finding',
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The usage line of a command, for its own error messages. */
export function usageOf(command: string): string {
  return COMMANDS[command]?.usage ?? '';
}

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
    return await command.load()(args, io);
  } catch (e) {
    if (isUserError(e)) {
      io.err(e.message);
      return (e as { exitCode?: number }).exitCode ?? EXIT_USER_ERROR;
    }
    io.err(`hms-sys: internal error; please report it with the blueprint that caused it:\n${(e as Error)?.stack ?? String(e)}`);
    return EXIT_INTERNAL_ERROR;
  }
}

/** Entry point of the `hms-sys` binary. */
export async function cli(argv: readonly string[]): Promise<void> {
  process.exitCode = await run(argv);
}
