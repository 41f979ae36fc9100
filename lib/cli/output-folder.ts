/**
 * The output folder (`cdktf.out`, or `--out`) and the guarantees around it:
 *
 * - hms-sys replaces only a folder it wrote itself, recognised by its marker file
 *   (`.hms-sys-output`: a format version and the stacks written) beside
 *   `manifest.json`. Anything else at that path (a project, a document, a state
 *   folder, another app's CDKTF output) is refused with exit 1 and left untouched.
 * - An output folder is not shared: CDKTF itself treats an output folder as one
 *   app's (`cdktf synth` removes stack folders its app did not write), so a folder
 *   holding stacks hms-sys did not write is refused, never merged or pruned.
 * - Terraform state is never deleted: an output whose stack folders hold state
 *   files (CDKTF's default local backend keeps them there) is refused.
 * - At every instant the previous or the new complete output exists: the new one
 *   is written to a staging folder beside the target, the target is renamed aside
 *   to a `.previous-` folder, the staging folder renamed into place, and only then
 *   is the previous one removed. A process killed between the two renames leaves
 *   the previous output aside; the next hms-sys puts it back (`recoverOutput`), and
 *   removes it only once a complete output of ours is at the target.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, constants, lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../core/errors';
import { isRunning } from './output-lock';

/** Marks a folder as hms-sys output. */
export const OUTPUT_MARKER = '.hms-sys-output';
/** Bumped when the layout of the output changes incompatibly. */
export const OUTPUT_FORMAT_VERSION = 1;
/** CDKTF's list of the stacks in an output folder. */
const MANIFEST_FILE = 'manifest.json';
/** What hms-sys writes at the top of an output folder, and nothing else. */
const TOP_LEVEL_ENTRIES = new Set([OUTPUT_MARKER, MANIFEST_FILE, 'stacks']);
/** hms-sys writes this beside every stack; an output with it beside every stack predates the marker. */
const LEGACY_STACK_FILE = 'policy-report.json';
/**
 * What a stack folder of ours may hold: what `hms-sys synth` writes (CDKTF's
 * `cdk.tf.json` and `assets/`, our report), what `hms-sys plan` and `drift` write
 * beside it (saved plans, plan.json), and Terraform's working files from `init`
 * (`.terraform/` caches providers and backend settings; the lock file is rebuilt
 * by init). Anything else (a runbook, an `override.tf.json`, a state backup in a
 * subfolder) is the user's, so the folder is refused rather than replaced.
 */
const STACK_FOLDER_ENTRIES = new Set(['cdk.tf.json', 'assets', LEGACY_STACK_FILE, 'plan.tfplan', 'plan.json', 'drift.tfplan', '.terraform', '.terraform.lock.hcl']);

/** An output folder hms-sys refuses to write, or cannot: exit 1 with what to do. */
export class OutputFolderError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

interface OutputMarker {
  readonly tool: 'hms-sys';
  readonly formatVersion: number;
  readonly stacks: readonly string[];
}

/** The marker's content for an output holding `stacks`. */
function outputMarker(stacks: readonly string[]): string {
  return `${JSON.stringify({ tool: 'hms-sys', formatVersion: OUTPUT_FORMAT_VERSION, stacks: [...stacks].sort() } satisfies OutputMarker, null, 2)}\n`;
}

/** Writes the marker into a finished output folder; the last file written, so a folder with it is complete. */
export function markOutput(dir: string, stacks: readonly string[]): void {
  writeFileSync(join(dir, OUTPUT_MARKER), outputMarker(stacks));
}

export interface OutputContext {
  /** The folder the user runs hms-sys in. */
  readonly cwd: string;
  /** Folders that hold local Terraform state: the target's sibling `terraform-state/`, the project's. */
  readonly stateDirs: readonly string[];
  /**
   * The stacks this run writes, once synthesized. An output without the marker is
   * replaced only when every stack in it is one of these: `cdktf synth` of an
   * agency's own App writes the same `policy-report.json` beside each stack, so the
   * report alone does not tell hms-sys's old output from someone else's.
   */
  readonly writing?: readonly string[];
}

export type OutputVerdict = { readonly kind: 'absent' | 'empty' | 'ours' } | { readonly kind: 'refused'; readonly reason: string };

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function readJsonOrUndefined(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when `child` is `parent` or inside it. */
function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Stack names a CDKTF manifest lists; undefined when it is not a manifest. */
function manifestStacks(dir: string): string[] | undefined {
  const manifest = readJsonOrUndefined(join(dir, MANIFEST_FILE)) as { stacks?: unknown } | undefined;
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.stacks !== 'object' || manifest.stacks === null) return undefined;
  return Object.keys(manifest.stacks);
}

function markerOf(dir: string): OutputMarker | undefined {
  const marker = readJsonOrUndefined(join(dir, OUTPUT_MARKER)) as Partial<OutputMarker> | undefined;
  if (marker?.tool !== 'hms-sys' || typeof marker.formatVersion !== 'number' || !Array.isArray(marker.stacks)) return undefined;
  return { tool: 'hms-sys', formatVersion: marker.formatVersion, stacks: marker.stacks.filter((s): s is string => typeof s === 'string') };
}

/** A folder, or a link to one. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Terraform state that a stack folder holds, which hms-sys never deletes. */
function stateFilesIn(stackDir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(stackDir);
  } catch {
    return [];
  }
  return entries.filter((e) => e.endsWith('.tfstate') || e.endsWith('.tfstate.backup') || e === 'terraform.tfstate.d' || e === 'errored.tfstate').map((e) => join(stackDir, e));
}

/**
 * Whether hms-sys may replace what is at `target`: nothing there, an empty
 * folder, or an output it wrote and nobody else added to.
 */
function judgeOutputFolder(target: string, context: OutputContext): OutputVerdict {
  const refused = (reason: string): OutputVerdict => ({ kind: 'refused', reason });
  const cwd = resolve(context.cwd);
  if (dirname(target) === target) return refused('is the root of the file system');
  if (isInside(cwd, target)) return refused(target === cwd ? 'is the folder hms-sys runs in' : `holds the folder hms-sys runs in (${cwd})`);
  for (const stateDir of context.stateDirs.map((d) => resolve(d))) {
    if (basename(target) === basename(stateDir) || isInside(target, stateDir) || isInside(stateDir, target)) {
      return refused(`is, holds or is inside the Terraform state folder ${stateDir}, which hms-sys never writes to`);
    }
  }
  for (let ancestor = dirname(target); dirname(ancestor) !== ancestor; ancestor = dirname(ancestor)) {
    if (!lstatOrUndefined(ancestor)) continue;
    if (!isDirectory(ancestor)) return refused(`is under ${ancestor}, which is a file, not a folder`);
    break;
  }
  const stat = lstatOrUndefined(target);
  if (!stat) return { kind: 'absent' };
  if (stat.isSymbolicLink()) return refused('is a symbolic link; hms-sys replaces only a folder it wrote, never what a link points to');
  if (!stat.isDirectory()) return refused('is a file, not an output folder');
  const entries = readdirSync(target);
  if (entries.length === 0) return { kind: 'empty' };

  const stacks = manifestStacks(target);
  const marker = markerOf(target);
  const stackDirs = existingStackDirs(target);
  const legacy =
    !marker &&
    stacks !== undefined &&
    stacks.length > 0 &&
    stacks.every((s) => lstatOrUndefined(join(target, 'stacks', s, LEGACY_STACK_FILE))?.isFile() && (context.writing === undefined || context.writing.includes(s)));
  if (!marker && !legacy) {
    return refused(
      stacks
        ? `holds a CDKTF output that hms-sys did not write (stacks: ${stacks.join(', ') || 'none'}; no ${OUTPUT_MARKER} marker). An output folder belongs to one app: give hms-sys its own with --out`
        : `exists and was not written by hms-sys (no ${OUTPUT_MARKER} and ${MANIFEST_FILE}); hms-sys replaces only an output folder it wrote`,
    );
  }
  if (marker && marker.formatVersion > OUTPUT_FORMAT_VERSION) {
    return refused(`was written by a newer hms-sys (output format ${marker.formatVersion}; this one writes ${OUTPUT_FORMAT_VERSION}); upgrade hms-sys or choose another --out`);
  }
  const ours = new Set(marker ? marker.stacks : stacks);
  const foreignStacks = [...new Set([...(stacks ?? []), ...stackDirs])].filter((s) => !ours.has(s));
  if (foreignStacks.length > 0) {
    return refused(`holds stacks hms-sys did not write (${foreignStacks.join(', ')}). An output folder belongs to one app: move them, or give hms-sys its own folder with --out`);
  }
  const foreignEntries = entries.filter((e) => !TOP_LEVEL_ENTRIES.has(e));
  if (foreignEntries.length > 0) return refused(`holds files hms-sys did not write (${foreignEntries.join(', ')}); move them out of the output folder`);
  const state = stackDirs.flatMap((s) => stateFilesIn(join(target, 'stacks', s)));
  if (state.length > 0) {
    return refused(`holds Terraform state (${state.map((s) => relative(target, s)).join(', ')}), which hms-sys never deletes; move it to a backend (e.g. ${context.stateDirs[0]}/), then run again`);
  }
  const userFiles = stackDirs.flatMap((s) => foreignStackEntries(join(target, 'stacks', s)).map((e) => join('stacks', s, e)));
  if (userFiles.length > 0) return refused(`holds files hms-sys did not write (${userFiles.join(', ')}); move them out of the output folder`);
  return { kind: 'ours' };
}

/** Entries of a stack folder that hms-sys and Terraform's init do not write. */
function foreignStackEntries(stackDir: string): string[] {
  if (!lstatOrUndefined(stackDir)?.isDirectory()) return [];
  return readdirSync(stackDir).filter((e) => !STACK_FOLDER_ENTRIES.has(e));
}

function existingStackDirs(target: string): string[] {
  try {
    return readdirSync(join(target, 'stacks'));
  } catch {
    return [];
  }
}

/** Throws an OutputFolderError when hms-sys must not replace `target`. */
export function assertReplaceable(target: string, context: OutputContext): OutputVerdict {
  const verdict = judgeOutputFolder(target, context);
  if (verdict.kind === 'refused') throw new OutputFolderError(`hms-sys will not write its output to ${displayPath(target, context.cwd)}: it ${verdict.reason}. Nothing was changed.`);
  return verdict;
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * A folder that cannot be removed entry by entry (a read-only folder inside it)
 * would be swapped out and then stay behind half-deleted; find it first.
 */
function unremovableFolder(dir: string): string | undefined {
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    try {
      accessSync(current, constants.W_OK | constants.X_OK);
    } catch {
      return current;
    }
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory()) pending.push(join(current, entry.name));
    }
  }
  return undefined;
}

/** Sibling names of an output folder's staging and previous copies. */
function stagingPrefix(target: string): string {
  return `.${basename(target)}.staging-`;
}
function previousPrefix(target: string): string {
  return `.${basename(target)}.previous-`;
}

function uniqueSuffix(): string {
  return `${process.pid}-${Date.now()}-${randomBytes(3).toString('hex')}`;
}

/** A new staging folder path beside `target`. */
export function stagingPathFor(target: string): string {
  return join(dirname(target), `${stagingPrefix(target)}${uniqueSuffix()}`);
}

/** The pid in a sibling's name (`<prefix><pid>-...`), 0 when there is none. */
function pidOf(name: string, prefix: string): number {
  return Number(name.slice(prefix.length).split('-')[0]) || 0;
}

/** Sorts sibling names newest first by the time stamp in them (`<prefix><pid>-<ms>-...`). */
function newestFirst(names: string[], prefix: string): string[] {
  const time = (n: string) => Number(n.slice(prefix.length).split(/[-.]/)[1]) || 0;
  return [...names].sort((a, b) => time(b) - time(a));
}

/**
 * Repairs what an interrupted hms-sys left beside `target`: puts the previous
 * output back when the target is missing, removes a previous copy once a complete
 * output of ours is at the target, and removes abandoned staging folders (never
 * the only complete output: while one exists, the target or a previous copy does
 * too). Run under the output lock. Returns what it did, for the user.
 */
export function recoverOutput(target: string): string[] {
  const parent = dirname(target);
  let siblings: string[];
  try {
    siblings = readdirSync(parent);
  } catch {
    return [];
  }
  const notes: string[] = [];
  const staging = stagingPrefix(target);
  const previous = previousPrefix(target);
  const dead = (name: string, prefix: string) => {
    const pid = pidOf(name, prefix);
    return pid !== process.pid && (pid === 0 || !isRunning(pid));
  };
  // `.<name>.staging-<pid>-<ms>.previous` is where hms-sys 0.1 put the previous output.
  const previousCopies = newestFirst(
    siblings.filter((s) => (s.startsWith(previous) && dead(s, previous)) || (s.startsWith(staging) && s.endsWith('.previous') && dead(s, staging))),
    previous,
  );
  const remove = (path: string) => {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch (e) {
      notes.push(`could not remove ${path}, which an interrupted hms-sys left (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); remove it by hand`);
    }
  };
  for (const name of previousCopies) {
    const path = join(parent, name);
    if (!lstatOrUndefined(target)) {
      renameSync(path, target);
      notes.push(`restored ${target} from ${name}, which an interrupted hms-sys had set aside`);
    } else if (markerOf(target) || (manifestStacks(target)?.length ?? 0) > 0) {
      remove(path);
    } else {
      notes.push(`${path} holds an earlier output that an interrupted hms-sys set aside; ${target} is not an output of hms-sys, so it was left alone`);
    }
  }
  for (const name of siblings.filter((s) => s.startsWith(staging) && !s.endsWith('.previous') && dead(s, staging))) remove(join(parent, name));
  return notes;
}

/**
 * Swaps the complete output in `staging` into `target`. Run under the output lock,
 * after `recoverOutput`. Returns notes (a previous copy that could not be removed).
 */
export function publishOutput(staging: string, target: string, context: OutputContext): string[] {
  const verdict = assertReplaceable(target, context);
  if (verdict.kind === 'absent') {
    renameSync(staging, target);
    return [];
  }
  const stuck = unremovableFolder(target);
  if (stuck) {
    throw new OutputFolderError(
      `hms-sys cannot replace ${displayPath(target, context.cwd)}: ${displayPath(stuck, context.cwd)} is read-only, so the previous output could not be removed after the swap. Make it writable (chmod -R u+w ${displayPath(target, context.cwd)}) or choose another --out. Nothing was changed.`,
    );
  }
  const aside = join(dirname(target), `${previousPrefix(target)}${uniqueSuffix()}`);
  renameSync(target, aside);
  try {
    renameSync(staging, target);
  } catch (e) {
    renameSync(aside, target);
    throw e;
  }
  try {
    rmSync(aside, { recursive: true, force: true });
    return [];
  } catch (e) {
    return [`the new output is in place, but the previous one could not be removed from ${aside} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the next hms-sys tries again`];
  }
}
