/**
 * Turns a failed file system call (a read-only folder, a path under a file, a full
 * disk) into one sentence a user can act on, instead of an internal error with a
 * stack trace: what hms-sys tried, on which path, why it failed, and the exit code.
 */
import { EXIT_TOOLCHAIN, EXIT_USER_ERROR } from './io';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the folder is not empty',
  ELOOP: 'too many symbolic links (a link loop)',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'it is in use (a mount point, or open in another program)',
  EXDEV: 'it is on another file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EIO: 'an input/output error of the device',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
};

/** Failures of the machine rather than of the path the user chose: exit 3 like any tool chain failure. */
const ENVIRONMENT_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EMFILE', 'ENFILE']);

const VERBS: Readonly<Record<string, string>> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'create the folder',
  mkdtemp: 'create a folder in',
  rename: 'move',
  rmdir: 'remove',
  rm: 'remove',
  unlink: 'remove',
  scandir: 'list',
  opendir: 'list',
  stat: 'read',
  lstat: 'read',
  chmod: 'change the permissions of',
  copyfile: 'copy',
  symlink: 'link',
  access: 'read',
};

export interface SystemErrorReport {
  readonly message: string;
  readonly exitCode: number;
}

/** The report for a Node.js system error (one with `code` and `syscall`), or undefined for anything else. */
export function describeSystemError(e: unknown): SystemErrorReport | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { code, syscall, path, dest } = e as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== 'string' || typeof syscall !== 'string') return undefined;
  const reason = REASONS[code] ?? code;
  const verb = VERBS[syscall] ?? syscall;
  const what = path ? `${verb} ${path}${dest ? ` to ${dest}` : ''}` : verb;
  const fix = ENVIRONMENT_CODES.has(code) ? 'Free the resource and run the command again.' : 'Check the path and its permissions, or choose another path.';
  return { message: `hms-sys: cannot ${what}: ${reason} (${code}). ${fix}`, exitCode: ENVIRONMENT_CODES.has(code) ? EXIT_TOOLCHAIN : EXIT_USER_ERROR };
}
