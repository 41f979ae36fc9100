import { parseArgs } from 'node:util';
import { UserError } from '../core/errors';

export interface ParsedArgs {
  readonly positionals: string[];
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parses a command's arguments, turning Node's parser errors into usage help. */
export function parseCommandArgs(command: string, usage: string, args: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    const { positionals, values } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { positionals, values: values as ParsedArgs['values'] };
  } catch (e) {
    throw new UserError(`hms-sys ${command}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}\nusage: ${usage}`);
  }
}

/** A positive number of seconds from an option, or `fallback` when it is absent. */
export function secondsOption(command: string, flag: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`hms-sys ${command}: ${flag} must be a number of seconds above 0, got ${JSON.stringify(value)}`);
  return n;
}
