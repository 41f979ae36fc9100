/**
 * The hms-sys command line. Every command returns an exit code from the table in
 * `io.ts` (0 success, 1 refused, 2 drift, 3 tool chain or cloud, 70 internal
 * error); every failure is printed as one paragraph, a stack trace only for an
 * internal error and only with HMS_SYS_DEBUG=1.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isUserError } from '../core/errors';
import { DEBUG_ENV, EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_USER_ERROR, processIo, type Io } from './io';
import { describeSystemError } from './system-error';

type Command = (args: readonly string[], io: Io) => number | Promise<number>;

/**
 * Commands load on first use: `validate` runs in editors and pre-commit hooks and
 * must not pay for loading CDKTF, the providers and the policy rules. `require`,
 * not `import()`: run from sources through tsx, a dynamic import stays native ESM
 * and cannot resolve the TypeScript files.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, { load: () => Command; usage: string; summary: string; notes?: string }> = {
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
    usage:
      'hms-sys plan [stack ...] [--blueprints DIR] [--out cdktf.out] [--allow-destroy ADDRESS]... [--no-refresh]\n       hms-sys plan --offline [stack ...] [--blueprints DIR | --synthesized cdktf.out] [--review-out DIR]',
    summary: 'synth, check, then terraform plan each stack; refuse to delete or replace data or keys',
    notes: [
      '--offline: a review plan without cloud credentials (a pull request from a fork, an ISSO): what would be created in an empty account, not a diff',
      'against deployed state. Each stack is planned in a temporary copy with the real provider (its schema and validation), data sources mocked',
      '(listed in the output), no backend or state read; the policy packs and the guard check it as any plan. --synthesized reviews an existing',
      '`cdktf synth` output; --review-out saves <stack>.review-plan.json. Needs the provider binaries (a mirror, HMS_TF_PROVIDER_MIRROR): a stack',
      'whose provider is missing is not reviewed (exit 3), the others are. The azurerm, tfe and Kubernetes mocks were written from the provider',
      'sources and have not been run: no such provider binary was available where hms-sys is tested. Exit 1 when a stack is refused.',
    ].join('\n'),
  },
  apply: {
    load: () => require('./commands/apply').applyCommand,
    usage: 'hms-sys apply <blueprint name | blueprint.yml> [--yes] [--allow-destroy ADDRESS]... [--events FILE | - | https://URL] [--blueprints DIR]',
    summary: 'plan, check and apply one blueprint stack by stack, stopping at the first refusal',
  },
  drift: {
    load: () => require('./commands/drift').driftCommand,
    usage: 'hms-sys drift [stack ...] [--json] [--blueprints DIR] [--out cdktf.out]',
    summary: 'refresh-only plan of each stack; exit 2 when the infrastructure changed outside Terraform',
  },
  status: {
    load: () => require('./commands/status').statusCommand,
    usage:
      'hms-sys status <blueprint | blueprint.yml | node pool> [--watch [--timeout 900] [--interval 10]] [--json] [--events FILE | - | https://URL] [--request-timeout 10] [--blueprints DIR] [--state-dir terraform-state]',
    summary: 'node pool, volume, network policy and workload, read live from each cluster; exit 0 only when converged',
  },
  verify: {
    load: () => require('./commands/verify').verifyCommand,
    usage:
      'hms-sys verify <blueprint | blueprint.yml | node pool> [--format text|json|junit] [--output FILE] [--events FILE | - | https://URL] [--probe-image IMAGE] [--egress-target HOST:PORT] [--probe-timeout 180] [--request-timeout 10] [--blueprints DIR] [--state-dir terraform-state]',
    summary: 'prove FIPS nodes, denied egress, fenced ingress and the volume on the running platform with restricted probe pods (--help: each probe and its control)',
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
  return ['hms-sys: hardened EKS and AKS platforms from one YAML blueprint', '', 'commands:', ...lines, '', 'hms-sys <command> --help, hms-sys help <command>: one command; hms-sys --version: the version'].join('\n');
}

/** What `hms-sys <command> --help` and `hms-sys help <command>` print. */
export function commandHelp(name: string): string {
  const command = COMMANDS[name];
  const notes = command.notes ? `\n\n${command.notes}` : '';
  return `hms-sys ${name}: ${command.summary}\nusage: ${command.usage}${notes}\n\nexit: 0 success; 1 refused (bad input, policy, guard); 2 drift found (drift only); 3 tool chain or cloud failed; 70 internal error. See the README, "Safety".`;
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
