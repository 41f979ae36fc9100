import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../lib/cli/main';
import type { Io } from '../../lib/cli/io';
import { EXAMPLE_BLUEPRINT_PATH } from './synth';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output; `extra` injects what the binary takes from the process (fetch). */
export async function runCli(argv: string[], cwd: string, extra: Pick<Io, 'fetch'> = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), cwd, ...extra };
  const code = await run(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/**
 * Environment for spawned `hms-sys` processes: run the sources under test, never a
 * stale dist/ build. Pass it explicitly: jest gives each test file its own copy of
 * process.env, which child processes do not see.
 */
export const CLI_ENV: NodeJS.ProcessEnv = { ...process.env, HMS_SYS_FROM_SOURCE: '1' };

/**
 * A temporary project folder with the example blueprint in blueprints/, optionally
 * edited; in `parent` (a folder of the test's own, when the test points hms-sys at
 * `..`) or in the system's temporary folder.
 */
export function exampleProject(edit: (yaml: string) => string = (y) => y, parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, 'hms-project-'));
  mkdirSync(join(dir, 'blueprints'));
  writeFileSync(join(dir, 'blueprints', 'dcaa-audit.yml'), edit(readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8')));
  return dir;
}
