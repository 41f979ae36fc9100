import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_ENV, runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');

describe('hms-sys', () => {
  test('help lists the commands', async () => {
    const r = await runCli(['--help'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/validate[\s\S]*synth/);
  });

  test('no command prints help and exits 1', async () => {
    expect((await runCli([], ROOT)).code).toBe(1);
  });

  test('an unknown command exits 1 and lists the commands', async () => {
    const r = await runCli(['deploy'], ROOT);
    expect(r).toMatchObject({ code: 1, stderr: 'hms-sys: unknown command "deploy"; commands: validate, synth, plan, apply, drift, status, verify, check' });
  });

  test('the installed binary exits 1 on a missing blueprint, with one readable line and no stack trace', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'hms-sys'), 'validate', 'no-such.yml'], { cwd: ROOT, encoding: 'utf8', env: CLI_ENV });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no-such.yml  does not exist');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
