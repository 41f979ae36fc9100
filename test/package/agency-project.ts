/**
 * The agency project of examples/agency-stack, copied into a temporary folder and
 * installed offline (every tarball from the npm cache `npm ci` filled) with hms-sys
 * from wherever `hms` says: a packed tarball or a git commit.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlineLockFor, type HmsSource, type Lock } from './offline-lockfile';

export const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'agency-stack');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly output: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env }, timeout: 900_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}\n${r.error?.message ?? ''}` };
}

/** Copies the example to `project` and installs it with hms-sys from `hms`; throws with npm's output when npm fails. */
export function installAgencyProject(project: string, hms: HmsSource, env: NodeJS.ProcessEnv = {}): void {
  cpSync(EXAMPLE, project, { recursive: true, filter: (src) => !/node_modules|cdktf\.out/.test(src) });
  const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  pkg.dependencies['hms-sys'] = hms.spec;
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const lock = offlineLockFor(pkg, JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock, hms);
  writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund'], project, env);
  if (install.code !== 0) throw new Error(`npm install --offline failed:\n${install.output}`);
}
