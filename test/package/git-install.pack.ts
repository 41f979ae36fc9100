/**
 * An agency installs hms-sys from git, pinned to a commit:
 * `npm install git+file:///<clone>#<commit>`. A git dependency ships no dist/: npm
 * clones it, installs its devDependencies from its own package-lock.json, runs
 * `prepare` (the build) and packs the result, `files` and all. Offline, from the npm
 * cache `npm ci` filled: a package missing there fails the install (ENOTCACHED). Tests the commit checked out (HEAD), not uncommitted changes. Slow (a
 * full development install and build inside npm): `npm run test:package`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installAgencyProject, ROOT, run } from './agency-project';
import { gitSource } from './offline-lockfile';

/**
 * Offline in the environment, not only as a flag: the npm that installs the clone's
 * devDependencies for `prepare` is another process, and inherits it.
 */
const OFFLINE: NodeJS.ProcessEnv = { npm_config_offline: 'true' };

describe('hms-sys installed from a git URL', () => {
  const work = mkdtempSync(join(tmpdir(), 'hms-git-'));
  const clone = join(work, 'hms-sys.git');
  const project = join(work, 'agency-stack');
  const hms = (...args: string[]) => run(join(project, 'node_modules', '.bin', 'hms-sys'), args, project);
  let commit = '';

  beforeAll(() => {
    execFileSync('git', ['clone', '--quiet', '--bare', ROOT, clone]);
    commit = execFileSync('git', ['-C', clone, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    installAgencyProject(project, gitSource(clone, commit), OFFLINE);
  }, 1_800_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('npm built dist/ through prepare and installed only what `files` lists', () => {
    const installed = join(project, 'node_modules', 'hms-sys');
    expect(['dist/lib/index.js', 'dist/lib/cli/main.js', 'bin/hms-sys', 'LICENSE'].filter((f) => !existsSync(join(installed, f)))).toEqual([]);
    expect(['lib', 'test', 'stacks', 'examples', 'node_modules/typescript'].filter((f) => existsSync(join(installed, f)))).toEqual([]);
  });

  test('the lock file records the commit', () => {
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8'));
    expect(lock.packages['node_modules/hms-sys'].resolved).toBe(`git+file://${clone}#${commit}`);
  });

  test('npx hms-sys --version prints the version of the commit', () => {
    const { version } = JSON.parse(execFileSync('git', ['-C', clone, 'show', `${commit}:package.json`], { encoding: 'utf8' })) as { version: string };
    const r = run('npx', ['--offline', 'hms-sys', '--version'], project);
    expect([r.code, r.stdout.trim()]).toEqual([0, `hms-sys ${version}`]);
  });

  test('the import works: the agency App synthesizes through the gate', () => {
    const r = run(join(project, 'node_modules', '.bin', 'tsx'), ['main.ts'], project);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(project, 'agency.out', 'stacks', 'agency-platform', 'policy-report.json'), 'utf8'));
    expect([report.strict, report.blocking]).toEqual([true, 0]);
  });

  test('hms-sys synth writes the stacks of the AWS blueprint, with their reports', () => {
    const r = hms('synth', '--out', 'hms-out');
    expect(r.output).toMatch(/Synthesized 2 stack\(s\) from 1 blueprint\(s\)/);
    expect(r.code).toBe(0);
    for (const stack of ['agency-intake-aws', 'agency-intake-aws-k8s']) {
      expect(JSON.parse(readFileSync(join(project, 'hms-out', 'stacks', stack, 'policy-report.json'), 'utf8')).blocking).toBe(0);
    }
  });
});
