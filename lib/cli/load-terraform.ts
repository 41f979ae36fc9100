/**
 * Reads whatever Terraform a user points `hms-sys check` at: a cdk.tf.json or
 * *.tf.json file, a plan (`terraform show -json plan.out`), a cdktf.out folder,
 * or a folder of HCL (.tf) and Terraform JSON files, which is one module.
 *
 * Inputs are untrusted: only regular files are read, each with a bounded read
 * (a FIFO never blocks, a device is never read, `stat` sizes are not trusted),
 * symlink loops and escaping manifest paths are refused, and every refusal is
 * one line naming the path.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../core/errors';
import { fromTerraformJson, readModuleDocument, type NotScannedModule, type TfDocument } from '../policy/engine/document';
import { fromPlanJson, looksLikePlan, withSynthesizedAcknowledgements } from '../policy/engine/plan-document';
import type { ModuleFile, ModuleInputs } from '../policy/engine/terraform-module';
import { parseTerraformJsonText } from '../policy/engine/terraform-json-text';
import { isObject } from '../policy/engine/values';

/** Cap on what one scanned file may be; a synthesized stack is far smaller. */
export const MAX_SCANNED_FILE_BYTES = 64 * 1024 * 1024;
/** Cap on the files of one folder. */
export const MAX_FOLDER_FILES = 10_000;

const WHAT_TO_PASS = 'pass a cdk.tf.json, the output of `terraform show -json plan.out`, a cdktf.out folder or a folder of .tf files';

function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  if (s.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${path} does not exist; ${WHAT_TO_PASS}`);
    if (code === 'ELOOP') throw new UserError(`${path} is a symbolic link that loops; ${WHAT_TO_PASS}`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`${path} cannot be read: permission denied`);
    if (code === 'ENOTDIR') throw new UserError(`${path} does not exist (a part of the path is a file); ${WHAT_TO_PASS}`);
    throw new UserError(`${path} cannot be read (${code ?? (e as Error).message})`);
  }
}

/**
 * The text of a regular file, read with a bound. Opened without blocking and
 * checked on the open descriptor, so a FIFO or device swapped in after a
 * `stat` is refused too.
 */
export function readRegularFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    statOf(path); // the same clear message for a missing path, a loop or a permission
    throw new UserError(`${path} cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) throw new UserError(`${path} is ${kindOf(s)}; hms-sys check reads regular files only`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, MAX_SCANNED_FILE_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_SCANNED_FILE_BYTES) throw new UserError(`${path} is larger than ${MAX_SCANNED_FILE_BYTES} bytes, the most hms-sys check reads from one file`);
      chunks.push(chunk.subarray(0, n));
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.includes('\u0000')) throw new UserError(`${path} holds binary content, not Terraform; ${WHAT_TO_PASS}`);
    return text;
  } finally {
    closeSync(fd);
  }
}

function readJson(file: string): unknown {
  return parseTerraformJsonText(readRegularFile(file), file);
}

/** Receives each plan read, for the stateful-resource guard. */
export type PlanSink = (plan: unknown, display: string) => void;

/** A document from one JSON file: a plan or Terraform JSON. `display` is the path as the user gave it. */
export function loadJsonFile(file: string, display = file, onPlan?: PlanSink): TfDocument {
  const json = readJson(file);
  if (looksLikePlan(json)) {
    const planned = fromPlanJson(json, display, display);
    onPlan?.(json, display);
    // hms-sys plan saves plan.json beside the stack's cdk.tf.json, whose acknowledgements apply to it.
    const synthesized = join(dirname(file), 'cdk.tf.json');
    return exists(synthesized) ? withSynthesizedAcknowledgements(planned, readJson(synthesized)) : planned;
  }
  return fromTerraformJson(json, display, display);
}

/** Every stack of a cdktf.out folder, from its manifest, or its stacks/ folder. */
function cdktfOutStacks(dir: string): string[] {
  const manifestPath = join(dir, 'manifest.json');
  if (exists(manifestPath)) {
    const manifest = readJson(manifestPath);
    const stacks = isObject(manifest) ? manifest.stacks : undefined;
    if (!isObject(stacks)) throw new UserError(`${manifestPath}: "stacks" must be an object of stacks, as cdktf writes it; synthesize again`);
    return Object.entries(stacks).map(([name, s]) => {
      const path = isObject(s) ? s.synthesizedStackPath : undefined;
      if (typeof path !== 'string') throw new UserError(`${manifestPath}: stacks.${name} must be an object with a synthesizedStackPath; synthesize again`);
      const file = resolve(dir, path);
      if (relative(resolve(dir), file).startsWith('..') || !file.startsWith(resolve(dir) + sep)) {
        throw new UserError(`${manifestPath}: stacks.${name}.synthesizedStackPath ${JSON.stringify(path)} points outside ${dir}; hms-sys reads stacks inside the folder only`);
      }
      return file;
    });
  }
  const stacks = join(dir, 'stacks');
  if (!exists(stacks) || !statOf(stacks).isDirectory()) return [];
  return readdirSync(stacks)
    .sort()
    .map((name) => join(stacks, name, 'cdk.tf.json'))
    .filter((f) => exists(f));
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new UserError(`${path} is a symbolic link that loops; ${WHAT_TO_PASS}`);
    return false;
  }
}

const isConfigFile = (f: string) => f.endsWith('.tf') || f.endsWith('.tf.json');
/** Variable files Terraform loads by itself for the root module, in its order. */
const isAutoVarsFile = (f: string) => f === 'terraform.tfvars' || f === 'terraform.tfvars.json' || f.endsWith('.auto.tfvars') || f.endsWith('.auto.tfvars.json');

async function parseHcl(path: string): Promise<unknown> {
  // Loaded on first use (it carries a WebAssembly HCL parser); `require`, not `import()`, which
  // stays native ESM under tsx and jest's esbuild transform and then cannot load in a CommonJS context.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('@cdktf/hcl2json') as typeof import('@cdktf/hcl2json');
  try {
    return await parse(path, readRegularFile(path));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${path} is not valid HCL: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
  }
}

/** Called modules deeper than this, or more of them in one scan, are refused: no configuration needs more. */
export const MAX_MODULE_DEPTH = 16;
export const MAX_MODULES = 256;

const WHY_REMOTE = 'hms-sys scans local module code only; scan the plan JSON (terraform show -json plan.out), where every module is expanded';

interface ModuleScan {
  /** The root module's folder, and every local module folder read. */
  readonly folders: string[];
  readonly documents: TfDocument[];
  modules: number;
}

/** True when `path` is `folder` or inside it. */
const within = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * file() and templatefile() of the configuration: a regular file inside the root
 * module's folder or a local module's folder, read with the same bound as any
 * scanned file; anything else is unknown (undefined), never read.
 */
function fileReader(root: string, scan: ModuleScan): (path: string) => string | undefined {
  return (path) => {
    try {
      const real = realpathSync(resolve(root, path));
      if (!scan.folders.some((f) => within(real, f))) return undefined;
      return readRegularFile(real);
    } catch {
      return undefined;
    }
  };
}

/**
 * A folder of .tf and .tf.json files is one module, as Terraform reads it:
 * resources from every file, a duplicate address refused, variables from
 * terraform.tfvars and *.auto.tfvars over their defaults. Local modules it calls
 * (`source = "./modules/net"`) are read too, each instance as its own document
 * with the module block's arguments as its variables; remote modules are listed
 * as not scanned.
 */
async function loadModuleFolder(dir: string, display: string): Promise<TfDocument[] | undefined> {
  const root = realpathSync(dir);
  const scan: ModuleScan = { folders: [root], documents: [], modules: 0 };
  const found = await loadModule(root, display, scan, { name: display, prefix: '', chain: [root], root, rootDisplay: display });
  return found ? scan.documents : undefined;
}

interface ModulePlace {
  /** The document name. */
  readonly name: string;
  /** Address prefix of its resources: `module.net.`, `module.net.module.subnets[0].`. */
  readonly prefix: string;
  /** Real paths of the modules from the root to this one, to refuse a module that calls itself. */
  readonly chain: readonly string[];
  readonly root: string;
  readonly rootDisplay: string;
  /** The arguments of the module block that calls this module. */
  readonly variables?: ModuleInputs['variables'];
}

async function loadModule(dir: string, display: string, scan: ModuleScan, place: ModulePlace): Promise<boolean> {
  const names = readdirSync(dir);
  if (names.length > MAX_FOLDER_FILES) throw new UserError(`${display} holds more than ${MAX_FOLDER_FILES} entries; point hms-sys check at the module folder`);
  const files = names.filter(isConfigFile).sort();
  if (files.length === 0) return false;
  const sources: ModuleFile[] = [];
  for (const file of files) {
    const path = join(dir, file);
    sources.push({ file: join(display, file), json: file.endsWith('.tf.json') ? readJson(path) : await parseHcl(path) });
  }
  const tfvars: Record<string, unknown> = {};
  if (place.prefix === '') {
    // terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars* in lexical order: later files win (root module only).
    const varFiles = names.filter(isAutoVarsFile).sort((a, b) => Number(a.includes('.auto.')) - Number(b.includes('.auto.')) || a.localeCompare(b));
    for (const file of varFiles) {
      const path = join(dir, file);
      const json = file.endsWith('.json') ? readJson(path) : await parseHcl(path);
      if (isObject(json)) Object.assign(tfvars, json);
    }
  }
  const inputs: ModuleInputs = {
    tfvars,
    variables: place.variables,
    modulePath: relative(place.root, dir) || '.',
    readFile: fileReader(place.root, scan),
  };
  const { document, calls } = readModuleDocument(sources, place.name, display, inputs, place.prefix);
  const notScanned: NotScannedModule[] = [];
  const index = scan.documents.push(document) - 1;
  for (const call of calls) {
    const module = `${place.prefix}${call.address}`;
    const source = call.source;
    if (source === undefined || !(source.startsWith('./') || source.startsWith('../'))) {
      notScanned.push({ module, source: source ?? '(not known)', file: call.file, reason: source === undefined ? 'its source is not known from the configuration' : WHY_REMOTE });
      continue;
    }
    const childDisplay = join(display, source);
    const child = resolve(dir, source);
    const real = existsAsFolder(child) ? realpathSync(child) : undefined;
    if (real === undefined) throw new UserError(`${call.file}: ${module}: source ${JSON.stringify(source)} is not a folder (${childDisplay}); Terraform would refuse it`);
    if (place.chain.includes(real)) throw new UserError(`${call.file}: ${module} calls ${childDisplay}, which calls it back; Terraform refuses a module cycle`);
    if (place.chain.length > MAX_MODULE_DEPTH || ++scan.modules > MAX_MODULES) {
      throw new UserError(`${call.file}: ${module}: more than ${MAX_MODULE_DEPTH} levels or ${MAX_MODULES} local module instances; hms-sys refuses it rather than read part of it`);
    }
    if (!scan.folders.includes(real)) scan.folders.push(real);
    const read = await loadModule(real, childDisplay, scan, {
      ...place,
      name: `${place.rootDisplay} (${module})`,
      prefix: `${module}.`,
      chain: [...place.chain, real],
      variables: call.variables,
    });
    if (!read) notScanned.push({ module, source, file: call.file, reason: `${childDisplay} holds no .tf files` });
  }
  if (notScanned.length > 0) scan.documents[index] = { ...document, notScanned };
  return true;
}

function existsAsFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The documents a path stands for. `display` is how the user wrote it, used in every report. */
export async function loadTerraform(path: string, display = path, onPlan?: PlanSink): Promise<TfDocument[]> {
  const s = statOf(path);
  if (s.isFile()) {
    if (extname(path) !== '.json') throw new UserError(`${display}: hms-sys check reads .json files and folders; for HCL, pass the folder that holds the .tf files`);
    return [loadJsonFile(path, display, onPlan)];
  }
  if (!s.isDirectory()) throw new UserError(`${display} is ${kindOf(s)}; hms-sys check reads regular files and folders only`);
  const stacks = cdktfOutStacks(path);
  if (stacks.length > 0) return stacks.map((f) => loadJsonFile(f, join(display, relative(path, f))));
  const modules = await loadModuleFolder(path, display);
  if (modules) return modules;
  throw new UserError(`${display} holds no cdk.tf.json stacks and no .tf files; nothing to scan`);
}

