import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_DRIFT, EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_TOOLCHAIN, EXIT_USER_ERROR } from '../../lib/cli/io';
import { reportFailure } from '../../lib/cli/main';
import { ToolchainError } from '../../lib/core/errors';
import { CLI_ENV, runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');

describe('hms-sys', () => {
  test('help lists the commands', async () => {
    const r = await runCli(['--help'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/validate[\s\S]*synth/);
  });

  test.each(['validate', 'synth', 'plan', 'apply', 'drift', 'status', 'check'])('%s --help, -h and help %s print the command\'s usage and exit 0, doing nothing else', async (command) => {
    for (const argv of [[command, '--help'], [command, 'blueprints/x.yml', '-h'], ['help', command]]) {
      const r = await runCli(argv, ROOT);
      expect({ argv, code: r.code }).toEqual({ argv, code: 0 });
      expect(r.stdout).toMatch(new RegExp(`^hms-sys ${command}: .*\nusage: hms-sys ${command} `));
      expect(r.stderr).toBe('');
    }
  });

  test.each(['plan', 'apply', 'drift', 'status', 'verify'])('%s --help says how names are read: blueprint, stack or blueprint file', async (command) => {
    const r = await runCli([command, '--help'], ROOT);
    expect(r.stdout).toContain('names: a blueprint name selects all its stacks (<name>-aws, <name>-aws-k8s, <name>-azure, <name>-azure-k8s); a stack name selects that stack; a blueprint file (.yml) selects the stacks of that file.');
  });

  test('drift --help gives its own exit table: not deployed is not drift', async () => {
    const r = await runCli(['drift', '--help'], ROOT);
    expect(r.stdout).toContain('is "not deployed": it is reported, not planned, and is not drift.');
    expect(r.stdout).toContain('exit: 0 no drift in the deployed stacks; 1 none of the named stacks is deployed');
    expect(r.stdout).not.toContain('2 drift found (drift only)');
  });

  test('status --help gives its own exit table: 1 not converged or not deployed, 3 unreachable', async () => {
    const r = await runCli(['status', '--help'], ROOT);
    expect(r.stdout).toContain('exit: 0 every line converged (✔); 1 not converged, not deployed, or refused');
    expect(r.stdout).toContain('3 a cluster or its state cannot be reached');
    expect(r.stdout).not.toContain('2 drift found');
  });

  test('synth --help says --strict covers every stack and state stays put whatever --out is', async () => {
    const r = await runCli(['synth', '--help'], ROOT);
    expect(r.stdout).toContain('S3 state bucket, Terraform Cloud workspaces');
    expect(r.stdout).toContain('whatever --out is');
  });

  test('help of an unknown command exits 1 and lists the commands', async () => {
    expect(await runCli(['help', 'deploy'], ROOT)).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown command "deploy"; commands: validate, synth') });
  });

  test('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runCli(['--version'], ROOT)).toMatchObject({ code: 0, stdout: `hms-sys ${version}` });
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

describe('exit codes: one table for every command', () => {
  const capture = () => {
    const err: string[] = [];
    return { io: { out: () => undefined, err: (l: string) => err.push(l), cwd: ROOT }, err };
  };

  test('the table: 0 ok, 1 refused, 2 drift, 3 tool chain or cloud, 70 internal error', () => {
    expect([EXIT_OK, EXIT_USER_ERROR, EXIT_DRIFT, EXIT_TOOLCHAIN, EXIT_INTERNAL_ERROR]).toEqual([0, 1, 2, 3, 70]);
    expect(new ToolchainError('x').exitCode).toBe(EXIT_TOOLCHAIN);
  });

  test('an internal error is one paragraph, exit 70, and no stack trace unless HMS_SYS_DEBUG=1', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    const quiet = capture();
    expect(reportFailure(bug, quiet.io, {})).toBe(70);
    expect(quiet.err).toEqual([
      "hms-sys: internal error (a bug in hms-sys, exit 70): Cannot read properties of undefined (reading 'x'). Please report it with the command and the blueprint. Run again with HMS_SYS_DEBUG=1 for the stack trace.",
    ]);
    const debug = capture();
    expect(reportFailure(bug, debug.io, { HMS_SYS_DEBUG: '1' })).toBe(70);
    expect(debug.err[0]).toMatch(/\n\s+at /);
  });

  test('a provider package a module needs at load time and that is not installed: one line naming it, exit 3', () => {
    const missing = capture();
    const error = Object.assign(new Error("Cannot find module '@cdktf/provider-azurerm/lib/key-vault'\nRequire stack:\n- /x/lib/azure/key-vault.js"), { code: 'MODULE_NOT_FOUND' });
    expect(reportFailure(error, missing.io, {})).toBe(3);
    expect(missing.err).toEqual(['hms-sys needs the provider bindings @cdktf/provider-azurerm for this, which are not installed; run: npm install --save-exact @cdktf/provider-azurerm@14.23.1']);
    const other = capture();
    expect(reportFailure(Object.assign(new Error("Cannot find module 'left-pad'"), { code: 'MODULE_NOT_FOUND' }), other.io, {})).toBe(70);
  });

  test('a file system failure is one sentence with the path and the reason: exit 1, or 3 when the machine ran out of something', () => {
    const denied = capture();
    expect(reportFailure(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'mkdir', path: '/srv/out' }), denied.io, {})).toBe(1);
    expect(denied.err).toEqual(['hms-sys: cannot create the folder /srv/out: permission denied (EACCES). Check the path and its permissions, or choose another path.']);
    const full = capture();
    expect(reportFailure(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', syscall: 'write' }), full.io, {})).toBe(3);
    expect(full.err[0]).toMatch(/no space left on the device \(ENOSPC\)\. Free the resource/);
  });
});
