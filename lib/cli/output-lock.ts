/**
 * Swapping a new cdktf.out into place takes two renames. Two synths finishing at
 * once must not interleave them, so the swap holds a lock: a folder created next to
 * the output (mkdir is atomic), holding the owner's pid.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors';

/** How long a synth waits for another one to finish swapping. */
export const LOCK_WAIT_MS = 30_000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` while holding the lock of `target`; a lock left by a dead process is taken over. */
export function withOutputLock<T>(target: string, fn: () => T): T {
  const lock = `${target}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readSafely(join(lock, 'pid')));
      if (owner && !isRunning(owner)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new UserError(`${target} is being written by another hms-sys synth (${lock} exists); wait for it, or remove ${lock} if no synth is running`);
      }
      sleep(50);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function readSafely(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Removes staging folders that interrupted synths (Ctrl-C, a kill) left next to
 * `target`. Their names carry the pid of the process that made them.
 */
export function removeAbandonedStaging(target: string): void {
  const prefix = `.${basename(target)}.staging-`;
  let entries: string[];
  try {
    entries = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const entry of entries.filter((e) => e.startsWith(prefix))) {
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    const path = join(dirname(target), entry);
    if (pid && pid !== process.pid && !isRunning(pid) && statSync(path).isDirectory()) rmSync(path, { recursive: true, force: true });
  }
}
