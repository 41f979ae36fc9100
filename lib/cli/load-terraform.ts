/**
 * Reads whatever Terraform a user points `hms-sys check` at: a cdk.tf.json or
 * *.tf.json file, a plan (`terraform show -json plan.out`), a cdktf.out folder,
 * or a folder of HCL (.tf) files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../core/errors';
import { fromPlanJson, fromTerraformJson, type TfDocument } from '../policy/engine/document';

/** Cap on what one scanned file may be; a synthesized stack is far smaller. */
export const MAX_SCANNED_FILE_BYTES = 64 * 1024 * 1024;

function readJson(file: string): unknown {
  const size = statSync(file).size;
  if (size > MAX_SCANNED_FILE_BYTES) throw new UserError(`${file} is ${size} bytes; hms-sys check reads files up to ${MAX_SCANNED_FILE_BYTES} bytes`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`${file} is not valid JSON (${(e as Error).message}); pass a cdk.tf.json, the output of \`terraform show -json plan.out\`, a cdktf.out folder or a folder of .tf files`);
  }
}

function isPlan(json: unknown): boolean {
  return typeof json === 'object' && json !== null && ('planned_values' in json || 'resource_changes' in json);
}

/** A document from one JSON file: a plan or Terraform JSON. */
export function loadJsonFile(file: string): TfDocument {
  const json = readJson(file);
  const stackName = basename(file) === 'cdk.tf.json' ? basename(dirname(file)) : basename(file);
  return isPlan(json) ? fromPlanJson(json, stackName, file) : fromTerraformJson(json, stackName, file);
}

/** Every stack of a cdktf.out folder, from its manifest, or its stacks/ folder. */
function cdktfOutStacks(dir: string): string[] {
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = readJson(manifestPath) as { stacks?: Record<string, { synthesizedStackPath?: string }> };
    return Object.values(manifest.stacks ?? {})
      .map((s) => s.synthesizedStackPath)
      .filter((p): p is string => typeof p === 'string')
      .map((p) => join(dir, p));
  }
  const stacks = join(dir, 'stacks');
  if (!existsSync(stacks)) return [];
  return readdirSync(stacks)
    .map((name) => join(stacks, name, 'cdk.tf.json'))
    .filter((f) => existsSync(f));
}

/** A folder of HCL and *.tf.json files becomes one document, as Terraform reads one module. */
async function loadModuleFolder(dir: string): Promise<TfDocument | undefined> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf') || f.endsWith('.tf.json')).sort();
  if (files.length === 0) return undefined;
  const { parse } = await import('@cdktf/hcl2json');
  const merged: { resource: Record<string, Record<string, unknown>> } = { resource: {} };
  for (const file of files) {
    const path = join(dir, file);
    let json: { resource?: Record<string, Record<string, unknown>> };
    if (file.endsWith('.tf.json')) {
      json = readJson(path) as typeof json;
    } else {
      try {
        json = (await parse(path, readFileSync(path, 'utf8'))) as typeof json;
      } catch (e) {
        throw new UserError(`${path} is not valid HCL: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
      }
    }
    for (const [type, byName] of Object.entries(json.resource ?? {})) merged.resource[type] = { ...merged.resource[type], ...byName };
  }
  return fromTerraformJson(merged, basename(dir), dir);
}

/** The documents a path stands for. */
export async function loadTerraform(path: string): Promise<TfDocument[]> {
  if (!existsSync(path)) throw new UserError(`${path} does not exist; pass a cdk.tf.json, a plan JSON, a cdktf.out folder or a folder of .tf files`);
  if (statSync(path).isFile()) {
    if (extname(path) !== '.json') throw new UserError(`${path}: hms-sys check reads .json files and folders; for HCL, pass the folder that holds the .tf files`);
    return [loadJsonFile(path)];
  }
  const stacks = cdktfOutStacks(path);
  if (stacks.length > 0) return stacks.map(loadJsonFile);
  const module = await loadModuleFolder(path);
  if (module) return [module];
  throw new UserError(`${path} holds no cdk.tf.json stacks and no .tf files`);
}

/** The plan JSON at `path`, or undefined when `path` is not a plan. */
export function readPlanJson(path: string): unknown {
  if (!path.endsWith('.json') || !existsSync(path) || !statSync(path).isFile()) return undefined;
  const json = readJson(path);
  return isPlan(json) ? json : undefined;
}
