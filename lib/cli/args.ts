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
