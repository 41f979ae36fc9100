import { readModule, type ModuleCall, type ModuleFile, type ModuleInputs } from './terraform-module';
import { isObject } from './values';

/**
 * The resource model every rule reads: Terraform resources with their attributes
 * as they appear in Terraform JSON (snake_case), whichever source they came from:
 * a CDKTF stack, a cdk.tf.json file, HCL converted to JSON, or a plan.
 */

/** A reason, given in code or a blueprint, to accept a rule's finding on a resource. */
export interface Acknowledgement {
  readonly ruleId: string;
  readonly reason: string;
}

export interface TfResource {
  readonly type: string;
  readonly name: string;
  /** `type.name`, the Terraform address. */
  readonly address: string;
  readonly values: Readonly<Record<string, unknown>>;
  /** The file that defines the resource, when it came from a file. */
  readonly file?: string;
  /** The construct path (`stack/network/Resource`) when CDKTF made the resource. */
  readonly constructPath?: string;
  readonly acknowledgements: readonly Acknowledgement[];
}

export interface TfDocument {
  /** The stack name, or the file or folder scanned. */
  readonly name: string;
  readonly source: string;
  readonly resources: readonly TfResource[];
  /** Resources by Terraform type, so rules are only offered the types they apply to. */
  readonly byType: ReadonlyMap<string, readonly TfResource[]>;
  /** Modules the configuration calls that hms-sys did not read, and why: reported, never passed silently. */
  readonly notScanned?: readonly NotScannedModule[];
}

/** A module call whose code was not scanned (a registry or remote source, an unknown source). */
export interface NotScannedModule {
  /** `module.vpc`, with the caller's module path. */
  readonly module: string;
  readonly source: string;
  /** The file with the module block. */
  readonly file: string;
  readonly reason: string;
}

/** Key under a resource's `//` metadata where hms-sys records acknowledgements. */
export const ACK_METADATA_KEY = 'hms-sys:acknowledgements';

export function makeDocument(name: string, source: string, resources: TfResource[], notScanned: readonly NotScannedModule[] = []): TfDocument {
  const byType = new Map<string, TfResource[]>();
  for (const r of resources) {
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  return { name, source, resources, byType, ...(notScanned.length > 0 ? { notScanned } : {}) };
}

/**
 * Reads one Terraform JSON document (a cdk.tf.json, a *.tf.json, or HCL
 * converted to JSON) with every shape Terraform accepts; see terraform-module.ts.
 */
export function fromTerraformJson(json: unknown, name: string, source: string, inputs: ModuleInputs = {}): TfDocument {
  return fromModule([{ file: source, json }], name, source, inputs);
}

/** A module of several files (a folder), read as Terraform reads one module. */
export function fromModule(files: readonly ModuleFile[], name: string, source: string, inputs: ModuleInputs = {}): TfDocument {
  return readModuleDocument(files, name, source, inputs).document;
}

/**
 * A module read as a document, and the modules it calls (for the caller to read
 * in turn). `prefix` (`module.net.`) is put before every address, as Terraform
 * addresses resources in a called module; references inside stay relative.
 */
export function readModuleDocument(
  files: readonly ModuleFile[],
  name: string,
  source: string,
  inputs: ModuleInputs = {},
  prefix = '',
  notScanned: readonly NotScannedModule[] = [],
): { document: TfDocument; calls: ModuleCall[] } {
  const module = readModule(files, inputs);
  const resources: TfResource[] = module.resources.map((r) => {
    const metadata = isObject(r.comment.metadata) ? r.comment.metadata : {};
    return {
      type: r.type,
      name: r.name,
      address: `${prefix}${r.address}`,
      values: r.values,
      file: r.file,
      constructPath: typeof metadata.path === 'string' ? metadata.path : undefined,
      acknowledgements: readAcknowledgements(r.comment[ACK_METADATA_KEY]),
    };
  });
  return { document: makeDocument(name, source, resources, notScanned), calls: module.calls };
}

/**
 * Acknowledgements written in a resource's `//` metadata. Malformed entries are
 * kept (with what is wrong) so the engine can refuse them instead of dropping them.
 */
function readAcknowledgements(value: unknown): Acknowledgement[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((a) =>
    isObject(a) && typeof a.ruleId === 'string' && typeof a.reason === 'string'
      ? { ruleId: a.ruleId, reason: a.reason }
      : { ruleId: isObject(a) && typeof a.ruleId === 'string' ? a.ruleId : '(no ruleId)', reason: isObject(a) && typeof a.reason === 'string' ? a.reason : '' },
  );
}

export { fromPlanJson } from './plan-document';
