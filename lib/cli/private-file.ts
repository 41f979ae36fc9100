import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** Owner read and write only: for files that hold planned values, which include secrets Terraform knows. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes `data` to a file only its owner can read. The data goes to a new file
 * created 0600 (never a file that exists, so never one that someone else already
 * holds open), which then replaces `path` in one rename.
 */
export function writePrivateFile(path: string, data: string): void {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, data);
  } catch (e) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(temporary, path);
}
