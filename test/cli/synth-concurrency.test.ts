/**
 * Atomic output under real processes: two synths at once, and a synth
 * interrupted with Ctrl-C, never leave a mixed or half-written cdktf.out.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeAbandonedStaging, withOutputLock } from '../../lib/cli/output-lock';
import { writeFleet } from '../../bench/fleet';
import { CLI_ENV } from '../support/cli';

const BIN = join(__dirname, '..', '..', 'bin', 'hms-sys');

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
    expect(readdirSync(dir).filter((f) => f.includes('staging') || f.endsWith('.lock'))).toEqual([]);
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
    expect(readdirSync(dir).filter((f) => f.includes('staging'))).toEqual([]);
  }, 120_000);

  test('a lock left by a dead process is taken over; abandoned staging folders are removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-lock-'));
    const target = join(dir, 'cdktf.out');
    mkdirSync(`${target}.lock`);
    writeFileSync(join(`${target}.lock`, 'pid'), '999999');
    expect(withOutputLock(target, () => 'swapped')).toBe('swapped');
    expect(existsSync(`${target}.lock`)).toBe(false);
    mkdirSync(join(dir, '.cdktf.out.staging-999999-1'));
    removeAbandonedStaging(target);
    expect(readdirSync(dir)).toEqual([]);
  });
});
