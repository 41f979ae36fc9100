/**
 * Atomic output under real processes: two synths at once, a synth killed midway,
 * a synth killed between its two renames followed by one the policy gate refuses,
 * and the lock itself, held by another process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withOutputLock } from '../../lib/cli/output-lock';
import { writeFleet } from '../../bench/fleet';
import { BUILT_CLI as BIN } from '../support/built-cli';
import { CLI_ENV } from '../support/cli';

const SUPPORT = join(__dirname, '..', 'support');

function project(blueprints: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'hms-atomic-'));
  writeFleet(join(dir, 'blueprints'), blueprints);
  return dir;
}

function synth(cwd: string): Promise<number> {
  return new Promise((resolve) => spawn(process.execPath, [BIN, 'synth'], { cwd, stdio: 'ignore', env: CLI_ENV }).on('exit', (code) => resolve(code ?? -1)));
}

/** True when every stack the manifest names has a complete cdk.tf.json. */
function whole(out: string): boolean {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  return Object.values<any>(manifest.stacks).every((s) => JSON.parse(readFileSync(join(out, s.synthesizedStackPath), 'utf8')).resource);
}

describe('atomic output', () => {
  test('two synths into the same folder both succeed and leave a whole output', async () => {
    const dir = project(3);
    const codes = await Promise.all([synth(dir), synth(dir)]);
    expect(codes).toEqual([0, 0]);
    expect(whole(join(dir, 'cdktf.out'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.') || f.includes('.lock'))).toEqual([]);
  });

  // SIGKILL is the worst interrupt: no handler, no cleanup (Ctrl-C's SIGINT also ends Node at once when nothing handles it).
  test('killing a synth midway leaves the previous output whole; the next synth clears what was abandoned', async () => {
    const dir = project(2);
    expect(spawnSync(process.execPath, [BIN, 'synth'], { cwd: dir, env: CLI_ENV }).status).toBe(0);
    const before = readFileSync(join(dir, 'cdktf.out', 'manifest.json'), 'utf8');
    writeFleet(join(dir, 'blueprints'), 30);
    const child = spawn(process.execPath, [BIN, 'synth'], { cwd: dir, stdio: 'ignore', env: CLI_ENV });
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise((r) => child.on('exit', (c, signal) => r(signal ?? c)));
    child.kill('SIGKILL');
    const code = await exited;
    const after = readFileSync(join(dir, 'cdktf.out', 'manifest.json'), 'utf8');
    // Interrupted: the old output; finished before the signal: the new one. Never a mix.
    expect(whole(join(dir, 'cdktf.out'))).toBe(true);
    if (code === 'SIGKILL') expect(after).toBe(before);
    expect(spawnSync(process.execPath, [BIN, 'synth'], { cwd: dir, env: CLI_ENV }).status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);

  test('killed between its two renames (no cdktf.out at that instant), then a synth the policy gate refuses: the previous output is back, whole', () => {
    const dir = project(1);
    expect(spawnSync(process.execPath, [BIN, 'synth'], { cwd: dir, env: CLI_ENV }).status).toBe(0);
    const before = readFileSync(join(dir, 'cdktf.out', 'stacks', 'agency-000-aws', 'cdk.tf.json'), 'utf8');
    writeFleet(join(dir, 'blueprints'), 2);
    const killed = spawnSync(process.execPath, ['-r', join(SUPPORT, 'kill-at-step.js'), BIN, 'synth'], {
      cwd: dir,
      env: { ...CLI_ENV, HMS_TEST_KILL_ROOT: dir, HMS_TEST_KILL_BEFORE: `^renameSync ${dir}/\\.cdktf\\.out\\.staging-` },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'cdktf.out'))).toBe(false);
    // The sequence: the next synth fails (here: the policy gate, --strict on a weakened blueprint).
    const blueprint = join(dir, 'blueprints', 'agency-001.yml');
    writeFileSync(blueprint, readFileSync(blueprint, 'utf8').replace(/ {2}baseline: (cis-level-\d)/, '  baseline: $1\n  metadataHopLimit: 2'));
    const refused = spawnSync(process.execPath, [BIN, 'synth', '--strict'], { cwd: dir, env: CLI_ENV, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^policy gate: \d+ blocking finding\(s\); nothing was written:\n[\s\S]*\[HMS-LT-4\] agency-001-aws\/node-pool/);
    expect(whole(join(dir, 'cdktf.out'))).toBe(true);
    expect(readFileSync(join(dir, 'cdktf.out', 'stacks', 'agency-000-aws', 'cdk.tf.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);

  test('the lock excludes: a process that wants it waits until the process holding it lets go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-lock-'));
    const target = join(dir, 'cdktf.out');
    const log = join(dir, 'order');
    const holder = spawn(
      process.execPath,
      ['-r', 'tsx/cjs', '-e', `require(${JSON.stringify(join(__dirname, '..', '..', 'lib', 'cli', 'output-lock.ts'))}).withOutputLock(process.argv[1], () => { const fs = require('node:fs'); fs.appendFileSync(process.argv[2], 'holder in\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 800); fs.appendFileSync(process.argv[2], 'holder out\\n'); })`, target, log],
      { env: CLI_ENV, stdio: 'inherit' },
    );
    const done = new Promise((r) => holder.on('exit', r));
    while (!existsSync(log)) await new Promise((r) => setTimeout(r, 20));
    withOutputLock(target, () => appendFileSync(log, 'waiter in\n'));
    await done;
    expect(readFileSync(log, 'utf8')).toBe('holder in\nholder out\nwaiter in\n');
    expect(readdirSync(dir)).toEqual(['order']);
  });

  test('a lock left by a dead process (this version, or hms-sys 0.1) is taken over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-lock-'));
    const target = join(dir, 'cdktf.out');
    mkdirSync(`${target}.lock`);
    writeFileSync(join(`${target}.lock`, 'owner'), `999999\n${hostname()}`);
    expect(withOutputLock(target, () => 'swapped')).toBe('swapped');
    mkdirSync(`${target}.lock`);
    writeFileSync(join(`${target}.lock`, 'pid'), '999999');
    expect(withOutputLock(target, () => 'swapped again')).toBe('swapped again');
    mkdirSync(`${target}.lock.new-999999-abcd`);
    expect(withOutputLock(target, () => 'and again')).toBe('and again');
    expect(readdirSync(dir)).toEqual([]);
  });
});
