/**
 * Files a command writes at the user's request (`--output FILE` reports,
 * `--events FILE` logs), checked before any work is done:
 *
 * - never one of the command's own inputs (a report written over the Terraform
 *   it scanned, or events appended to the blueprint, would destroy the input);
 * - never through a symbolic link (what a link points to is not what the user named);
 * - `--output` replaces the file in one rename, as `-o` does in other tools, so
 *   a reader never sees half a report and a failed write leaves the old one;
 * - `--events` appends only to a file that is empty or already an hms-sys events
 *   log (one CloudEvent a line): any other file is the user's, and is refused.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, lstatSync, openSync, readSync, renameSync, rmSync, Stats, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../core/errors';

/** How much of an events log's end is read to recognise it. */
const EVENTS_TAIL_BYTES = 64 * 1024;
/** The CloudEvents `type` prefix of every event hms-sys emits. */
const EVENT_TYPE_PREFIX = 'gov.hms-sys.';

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new UserError(`a part of the path ${path} is a file, not a folder`);
    throw e;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** True when `a` and `b` are the same file (hard links and `./x` vs `x` included). */
function sameFile(a: Stats, b: Stats | undefined): boolean {
  return b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/**
 * The absolute path of a file the user asked a command to write, after the
 * checks that protect the user's files; a UserError (exit 1) names the problem.
 */
function checkedPath(command: string, option: string, path: string, cwd: string, inputs: readonly string[]): { path: string; stat: Stats | undefined } {
  const refuse = (why: string) => new UserError(`hms-sys ${command}: will not write ${option} ${path}: ${why}. Nothing was written.`);
  if (path.length === 0) throw refuse('it names no file');
  const absolute = resolve(cwd, path);
  let stat: Stats | undefined;
  try {
    stat = lstatOrUndefined(absolute);
  } catch (e) {
    throw refuse((e as Error).message);
  }
  if (stat?.isSymbolicLink()) throw refuse('it is a symbolic link; name the file itself');
  if (stat?.isDirectory()) throw refuse('it is a folder; name a file');
  const parent = statOrUndefined(dirname(absolute));
  if (!parent) throw refuse(`the folder ${dirname(absolute)} does not exist; create it first`);
  if (!parent.isDirectory()) throw refuse(`${dirname(absolute)} is a file, not a folder`);
  if (stat && inputs.some((input) => sameFile(stat, statOrUndefined(resolve(cwd, input))))) {
    throw refuse('it is an input of this command; name another file');
  }
  return { path: absolute, stat };
}

/** Checks `--output FILE` before a command starts work; returns its absolute path. */
export function checkOutputFile(command: string, path: string, cwd: string, inputs: readonly string[]): string {
  return checkedPath(command, '--output', path, cwd, inputs).path;
}

/**
 * Writes a report to `path` (checked by `checkOutputFile`): to a new file beside
 * it, then renamed over it, so the file holds the old report or the new one,
 * never a part. Devices (`/dev/stdout`) are written directly.
 */
export function writeOutputFile(command: string, path: string, text: string): void {
  const data = text.endsWith('\n') ? text : `${text}\n`;
  const fail = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied'
      : code === 'ENOSPC' ? 'the disk is full'
      : (code ?? (e as Error).message);
    return new UserError(`hms-sys ${command}: cannot write --output ${path}: ${why}. Nothing was written.`);
  };
  const existing = statOrUndefined(path);
  if (existing && !existing.isFile()) {
    try {
      writeFileSync(path, data);
      return;
    } catch (e) {
      throw fail(e);
    }
  }
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, data, { flag: 'wx', mode: existing ? existing.mode & 0o777 : 0o644 });
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw fail(e);
  }
}

/** The last non-empty line of a file, from its last `EVENTS_TAIL_BYTES`. */
function lastLine(path: string, size: number): string {
  const length = Math.min(size, EVENTS_TAIL_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8').trimEnd().split('\n').at(-1) ?? '';
}

function isHmsSysEvent(line: string): boolean {
  try {
    const event = JSON.parse(line) as { specversion?: unknown; type?: unknown };
    return event.specversion === '1.0' && typeof event.type === 'string' && event.type.startsWith(EVENT_TYPE_PREFIX);
  } catch {
    return false;
  }
}

/**
 * Checks `--events FILE` before a command starts work: the file is absent,
 * empty, a device, or an hms-sys events log to append to. Returns its absolute path.
 */
export function checkEventsFile(command: string, path: string, cwd: string, inputs: readonly string[]): string {
  const { path: absolute, stat } = checkedPath(command, '--events', path, cwd, inputs);
  if (stat?.isFile() && stat.size > 0 && !isHmsSysEvent(lastLine(absolute, stat.size))) {
    throw new UserError(
      `hms-sys ${command}: will not append events to ${path}: it exists and is not an hms-sys events log (one CloudEvent of type ${EVENT_TYPE_PREFIX}* a line). Name a new file, or an earlier events log. Nothing was written.`,
    );
  }
  return absolute;
}
