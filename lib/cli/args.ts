import { parseArgs } from 'node:util';
import { UserError } from '../core/errors';

export interface ParsedArgs {
  readonly positionals: string[];
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parses a command's arguments, turning Node's parser errors into usage help. */
export function parseCommandArgs(command: string, usage: string, args: readonly string[], options: OptionSpec): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: OptionSpec; allowPositionals: true; strict: true; tokens: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UserError(`hms-sys ${command}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}\nusage: ${usage}`);
  }
  // Node keeps the last of a repeated option; `--out a --out b` is more likely a mistake than a choice.
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || options[token.name]?.multiple) continue;
    if (seen.has(token.name)) throw new UserError(`hms-sys ${command}: --${token.name} is given more than once; give it once\nusage: ${usage}`);
    seen.add(token.name);
  }
  return { positionals: parsed.positionals, values: parsed.values as ParsedArgs['values'] };
}

/** A positive number of seconds from an option, or `fallback` when it is absent. */
export function secondsOption(command: string, flag: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`hms-sys ${command}: ${flag} must be a number of seconds above 0, got ${JSON.stringify(value)}`);
  return n;
}
