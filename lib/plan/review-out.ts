/**
 * `hms-sys plan --offline --review-out DIR`: the folder the review plans are
 * saved in, checked before any synthesis or Terraform run (a refusal after a
 * minute of planning wastes the minute), with the rules of the other paths
 * hms-sys writes (lib/cli/output-file.ts, lib/cli/output-folder.ts):
 *
 * - never through a symbolic link, the folder's or a parent's that the user
 *   named (what a link points to is not what the user named); links above the
 *   folder hms-sys runs in (macOS's /var) are the system's and accepted;
 * - never in or around Terraform state (`terraform-state/`, which hms-sys never
 *   writes to: a review plan beside state files would be taken for one of them);
 * - a folder, or a path where one can be created.
 */
import { lstatSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from '../core/errors';

/** The project's local state folder (lib/cli/synthesize.ts computes each stack's backend path in it). */
const STATE_FOLDER = 'terraform-state';

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** True when `child` is `parent` or inside it. */
function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The absolute path of `--review-out DIR`, or a UserError (exit 1) that says what to give instead. */
export function checkReviewFolder(path: string, cwd: string): string {
  const refuse = (why: string) => new UserError(`hms-sys plan --offline: will not save review plans in --review-out ${path}: ${why}. Nothing was planned or written.`);
  if (path.length === 0) throw refuse('it names no folder; give a folder, e.g. --review-out reviews');
  const target = resolve(cwd, path);
  const base = resolve(cwd);
  if (target.split(sep).includes(STATE_FOLDER) || isInside(resolve(base, STATE_FOLDER), target)) {
    throw refuse(`it is, holds or is inside a Terraform state folder (${STATE_FOLDER}/), which hms-sys never writes to; give another folder, e.g. --review-out reviews`);
  }
  const stat = lstatOrUndefined(target);
  if (stat && !stat.isSymbolicLink() && !stat.isDirectory()) throw refuse('it is a file, not a folder; give a folder');
  for (let p = target; dirname(p) !== p && !isInside(base, p); p = dirname(p)) {
    const s = lstatOrUndefined(p);
    if (s?.isSymbolicLink()) {
      throw refuse(`${p === target ? 'it is' : `its parent ${p} is`} a symbolic link; name the real folder (what a link points to is not what you named)`);
    }
    if (s && !s.isDirectory()) throw refuse(`${p} is a file, not a folder`);
  }
  return target;
}
