/**
 * Swapping a new output into place takes two renames, and recovering from an
 * interrupted swap takes one more. Two hms-sys processes must not interleave them,
 * so each holds a lock: a folder created next to the output (mkdir is atomic),
 * holding the owner's pid and host.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors';

/** How long a synth waits for another one to finish swapping. */
export const LOCK_WAIT_MS = 30_000;

/** True while process `pid` exists on this machine. */
export function isRunning(pid: number): boolean {
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

interface LockOwner {
  readonly pid: number;
  readonly host: string;
}

function readOwner(lock: string): LockOwner | undefined {
  try {
    const [pid, host] = readFileSync(join(lock, 'owner'), 'utf8').split('\n');
    return { pid: Number(pid), host };
  } catch {
    try {
      // hms-sys 0.1 wrote only the pid.
      return { pid: Number(readFileSync(join(lock, 'pid'), 'utf8')), host: hostname() };
    } catch {
      return undefined;
    }
  }
}

/** A lock whose owner died on this machine. A lock of another host (a shared folder) is never taken over. */
function isAbandoned(owner: LockOwner | undefined): boolean {
  return owner !== undefined && owner.pid > 0 && owner.host === hostname() && !isRunning(owner.pid);
}

/**
 * Takes over a lock left by a dead process: it is renamed aside first (atomic), so
 * that of two processes that both saw it abandoned, only one removes it; the other
 * finds it gone and tries again. Returns false when the lock turned out to be alive.
 */
function takeOver(lock: string, seen: LockOwner): boolean {
  const aside = `${lock}.abandoned-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lock, aside);
  } catch {
    return true; // gone already: someone else took it over
  }
  const moved = readOwner(aside);
  if (moved && (moved.pid !== seen.pid || moved.host !== seen.host)) {
    // A live process re-created the lock between our read and the rename: give it back.
    try {
      renameSync(aside, lock);
      return false;
    } catch {
      // The lock exists again; both would hold it: let the live owner keep its own.
    }
  }
  rmSync(aside, { recursive: true, force: true });
  return true;
}

/**
 * Creates the lock folder with its owner already inside: written under a name of
 * our own, then renamed into place, so that a lock never exists without an owner
 * (a process killed between creating it and naming its owner would otherwise leave
 * a lock nobody can prove abandoned). True when this process now holds the lock.
 */
function tryLock(lock: string): boolean {
  const candidate = `${lock}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  mkdirSync(candidate);
  try {
    writeFileSync(join(candidate, 'owner'), `${process.pid}\n${hostname()}`);
    renameSync(candidate, lock);
    return true;
  } catch (e) {
    if (!['EEXIST', 'ENOTEMPTY'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    return false;
  } finally {
    rmSync(candidate, { recursive: true, force: true });
  }
}

/** Removes lock candidates (`<lock>.new-<pid>-...`) of processes that died before renaming them into place. */
function removeAbandonedCandidates(lock: string): void {
  const prefix = `${basename(lock)}.new-`;
  for (const name of readdirSync(dirname(lock)).filter((n) => n.startsWith(prefix))) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid && pid !== process.pid && !isRunning(pid)) rmSync(join(dirname(lock), name), { recursive: true, force: true });
  }
}

/** Runs `fn` while holding the lock of `target`; a lock left by a dead process is taken over. */
export function withOutputLock<T>(target: string, fn: () => T): T {
  const lock = `${target}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  removeAbandonedCandidates(lock);
  while (!tryLock(lock)) {
    const owner = readOwner(lock);
    if (owner && isAbandoned(owner) && takeOver(lock, owner)) continue;
    if (Date.now() > deadline) {
      const who = owner ? `process ${owner.pid} on ${owner.host}` : 'another hms-sys';
      throw new UserError(`${target} is being written by ${who} (${lock} exists); wait for it, or remove ${lock} if no hms-sys is running`);
    }
    sleep(50);
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
