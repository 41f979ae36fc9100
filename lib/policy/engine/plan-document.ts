/**
 * Reads `terraform show -json` of a plan, after checking that it has the shape
 * Terraform documents (https://developer.hashicorp.com/terraform/internals/json-format):
 * anything else is refused with one line naming the field, never half-read.
 * Modules are walked with an explicit stack, so no nesting exhausts the call stack.
 */
import { UserError } from '../../core/errors';
import { fromTerraformJson, makeDocument, type TfDocument, type TfResource } from './document';
import { isObject } from './values';

type JsonObject = Record<string, unknown>;

/** What a value known only after apply reads as, when the configuration gives no reference. */
export const KNOWN_AFTER_APPLY = '${(known after apply)}';

const FORMAT_DOC = 'https://developer.hashicorp.com/terraform/internals/json-format';
const ACTIONS = new Set(['no-op', 'create', 'read', 'update', 'delete', 'forget']);

/** True when the JSON is meant to be a plan (or state) from `terraform show -json`. */
export function looksLikePlan(json: unknown): boolean {
  return isObject(json) && ('planned_values' in json || 'resource_changes' in json || ('format_version' in json && 'terraform_version' in json));
}

function refuse(file: string, path: string, what: string): never {
  throw new UserError(`${file}: not a Terraform plan in the documented JSON format: ${path} ${what} (${FORMAT_DOC}); pass the output of \`terraform show -json plan.out\``);
}

const optionalObject = (v: unknown) => v === undefined || isObject(v);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

/** Checks the parts of a plan that hms-sys reads: modules, resources, changes, configuration. */
export function validatePlanShape(plan: unknown, file: string): void {
  if (!isObject(plan)) refuse(file, 'the document', 'must be an object');
  if (!optionalString(plan.format_version)) refuse(file, 'format_version', 'must be a string');
  for (const key of ['planned_values', 'prior_state', 'configuration', 'values'] as const) {
    if (!optionalObject(plan[key])) refuse(file, key, 'must be an object');
  }
  const modules: [unknown, string][] = [];
  for (const key of ['planned_values', 'values'] as const) {
    const v = plan[key];
    if (isObject(v) && v.root_module !== undefined) modules.push([v.root_module, `${key}.root_module`]);
  }
  if (isObject(plan.prior_state) && isObject(plan.prior_state.values) && plan.prior_state.values.root_module !== undefined) {
    modules.push([plan.prior_state.values.root_module, 'prior_state.values.root_module']);
  }
  while (modules.length > 0) {
    const [mod, path] = modules.pop() as [unknown, string];
    if (!isObject(mod)) refuse(file, path, 'must be an object');
    if (mod.resources !== undefined && !Array.isArray(mod.resources)) refuse(file, `${path}.resources`, 'must be a list');
    ((mod.resources as unknown[]) ?? []).forEach((r, i) => {
      const at = `${path}.resources[${i}]`;
      if (!isObject(r)) refuse(file, at, 'must be an object');
      for (const k of ['address', 'mode', 'type', 'name'] as const) if (typeof r[k] !== 'string') refuse(file, `${at}.${k}`, 'must be a string');
      if (!optionalObject(r.values)) refuse(file, `${at}.values`, 'must be an object');
    });
    if (mod.child_modules !== undefined && !Array.isArray(mod.child_modules)) refuse(file, `${path}.child_modules`, 'must be a list');
    ((mod.child_modules as unknown[]) ?? []).forEach((c, i) => modules.push([c, `${path}.child_modules[${i}]`]));
  }
  if (plan.resource_changes !== undefined && !Array.isArray(plan.resource_changes)) refuse(file, 'resource_changes', 'must be a list');
  ((plan.resource_changes as unknown[]) ?? []).forEach((c, i) => {
    const at = `resource_changes[${i}]`;
    if (!isObject(c)) refuse(file, at, 'must be an object');
    for (const k of ['address', 'type'] as const) if (typeof c[k] !== 'string') refuse(file, `${at}.${k}`, 'must be a string');
    for (const k of ['mode', 'name'] as const) if (!optionalString(c[k])) refuse(file, `${at}.${k}`, 'must be a string');
    if (!optionalString(c.action_reason)) refuse(file, `${at}.action_reason`, 'must be a string');
    if (!isObject(c.change)) refuse(file, `${at}.change`, 'must be an object');
    const actions = c.change.actions;
    if (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string' && ACTIONS.has(a))) refuse(file, `${at}.change.actions`, `must be a list of ${[...ACTIONS].join(', ')}`);
    const paths = c.change.replace_paths;
    if (paths !== undefined && !(Array.isArray(paths) && paths.every((p) => Array.isArray(p) && p.every((s) => typeof s === 'string' || typeof s === 'number')))) {
      refuse(file, `${at}.change.replace_paths`, 'must be a list of paths (lists of strings and numbers)');
    }
  });
  const config = plan.configuration;
  if (isObject(config) && config.root_module !== undefined) {
    if (!isObject(config.root_module)) refuse(file, 'configuration.root_module', 'must be an object');
    const resources = config.root_module.resources;
    if (resources !== undefined && !(Array.isArray(resources) && resources.every(isObject))) refuse(file, 'configuration.root_module.resources', 'must be a list of objects');
  }
}

/** References of configuration expressions, by resource address and attribute. */
function configurationReferences(plan: JsonObject): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const root = isObject(plan.configuration) && isObject(plan.configuration.root_module) ? plan.configuration.root_module : {};
  for (const r of Array.isArray(root.resources) ? root.resources : []) {
    if (!isObject(r) || typeof r.address !== 'string' || !isObject(r.expressions)) continue;
    const refs: Record<string, string> = {};
    for (const [attr, expr] of Object.entries(r.expressions)) {
      const first = isObject(expr) && Array.isArray(expr.references) ? expr.references[0] : undefined;
      if (typeof first === 'string') refs[attr] = first;
    }
    out.set(r.address, refs);
  }
  return out;
}

/** `after_unknown` of each planned change: the values known only after apply, at any depth. */
function afterUnknown(plan: JsonObject): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const c of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    if (!isObject(c) || !isObject(c.change) || !isObject(c.change.after_unknown)) continue;
    out.set(String(c.address), c.change.after_unknown);
  }
  return out;
}

function anyUnknown(marks: unknown): boolean {
  if (marks === true) return true;
  if (Array.isArray(marks)) return marks.some(anyUnknown);
  return isObject(marks) && Object.values(marks).some(anyUnknown);
}

/**
 * Puts {@link KNOWN_AFTER_APPLY} where `after_unknown` marks a value that the plan
 * leaves out, in nested blocks too: a first plan of an EKS cluster knows its
 * `encryption_config[0].provider[0].key_arn` only after the key is created, and a
 * rule must read that as unknown, not as missing.
 */
function markUnknown(value: unknown, marks: unknown): unknown {
  if (!anyUnknown(marks)) return value;
  if (marks === true) return value === undefined || value === null ? KNOWN_AFTER_APPLY : value;
  if (Array.isArray(marks)) {
    const list = Array.isArray(value) ? [...value] : [];
    marks.forEach((m, i) => (list[i] = markUnknown(list[i], m)));
    return list;
  }
  const object: JsonObject = isObject(value) ? { ...value } : {};
  for (const [k, m] of Object.entries(marks as JsonObject)) {
    const marked = markUnknown(object[k], m);
    if (marked !== undefined) object[k] = marked;
  }
  return object;
}

/**
 * Reads a validated plan. Values known only after apply are absent from
 * `planned_values`: they are put back as `${reference}` where the configuration
 * shows one, else as {@link KNOWN_AFTER_APPLY}, so rules report them as unknown.
 */
export function fromPlanJson(plan: unknown, name: string, source: string): TfDocument {
  validatePlanShape(plan, source);
  const p = plan as JsonObject;
  const references = configurationReferences(p);
  const unknownAttrs = afterUnknown(p);
  const resources: TfResource[] = [];
  const root = isObject(p.planned_values) ? p.planned_values.root_module : undefined;
  const stack: unknown[] = root === undefined ? [] : [root];
  while (stack.length > 0) {
    const mod = stack.pop() as JsonObject;
    for (const r of (mod.resources as JsonObject[] | undefined) ?? []) {
      if (r.mode !== 'managed') continue;
      const address = r.address as string;
      const values: JsonObject = { ...((r.values as JsonObject | undefined) ?? {}) };
      const refs = references.get(address.replace(/\[[^\]]*\]$/, '')) ?? {};
      for (const [attr, ref] of Object.entries(refs)) if (values[attr] === undefined || values[attr] === null) values[attr] = `\${${ref}}`;
      const marked = markUnknown(values, unknownAttrs.get(address));
      resources.push({ type: r.type as string, name: r.name as string, address, values: isObject(marked) ? marked : values, file: source, acknowledgements: [] });
    }
    // Children in reverse so resources keep the plan's order.
    stack.push(...[...((mod.child_modules as unknown[] | undefined) ?? [])].reverse());
  }
  return makeDocument(name, source, resources);
}

/**
 * A plan's resources with the acknowledgements their configuration records.
 * `FedRampBaseline.acknowledge` writes them into the synthesized cdk.tf.json, which
 * a plan does not carry: the plan of a stack is judged as its synth was, so an
 * acknowledged finding that passed the synth gate does not refuse its plan.
 * Instances (`x.y[0]`, `x.y["a"]`) take the acknowledgements of `x.y`.
 */
export function withSynthesizedAcknowledgements(planned: TfDocument, synthesized: unknown): TfDocument {
  const recorded = new Map(fromTerraformJson(synthesized, planned.name, 'cdk.tf.json').resources.map((r) => [r.address, r.acknowledgements]));
  const resources = planned.resources.map((r) => ({ ...r, acknowledgements: recorded.get(r.address.replace(/\[[^\]]*\]$/, '')) ?? r.acknowledgements }));
  return makeDocument(planned.name, planned.source, resources, planned.notScanned);
}
