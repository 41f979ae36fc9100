/**
 * Reads a Terraform module (one cdk.tf.json, or every .tf and .tf.json file of a
 * folder) the way Terraform does, into resources whose attribute values are
 * resolved as far as the configuration allows:
 *
 * - every JSON shape of https://github.com/hashicorp/hcl/blob/main/json/spec.md
 *   (`"resource": [ {...} ]`, a type holding a list, a body that is a list);
 * - the same resource address defined twice is refused, as Terraform refuses it;
 * - `var.x` is the value from terraform.tfvars / *.auto.tfvars or the default;
 *   without either it stays unknown (`${var.x}`): the value is decided by whoever
 *   runs Terraform;
 * - literal `local.x`, `jsonencode(...)`, conditionals and other pure functions are evaluated;
 * - `dynamic` blocks whose `for_each` is known are expanded; with an unknown
 *   `for_each` the content is read once, its iterator unknown;
 * - a resource with a known `for_each` becomes one resource per key (`type.name["key"]`).
 *
 * What stays unknown is written as `${reference}` text, as cdk.tf.json writes it,
 * so rules treat both alike.
 */
import { UserError } from '../../core/errors';
import { evaluateExpression, renderUnknown, step, Unknown, type PathSegment, type Scope, type Value } from './expression/evaluate';
import { MAX_EXPRESSION_DEPTH, parseTemplate } from './expression/parse';
import { isObject, setOwn } from './values';

type JsonObject = Record<string, unknown>;

/** One file of a module, already parsed to JSON (Terraform JSON, or HCL converted by hcl2json). */
export interface ModuleFile {
  readonly file: string;
  readonly json: unknown;
}

export interface ResolvedResource {
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly file: string;
  readonly values: JsonObject;
  /** The `//` comment object of the body, where CDKTF and hms-sys keep metadata. */
  readonly comment: JsonObject;
}

/** Values nested deeper than this in a resource body are refused. */
export const MAX_BODY_DEPTH = 64;

/** The bodies of a block (an object, or a list of objects, per the JSON spec). */
function bodies(value: unknown, where: string): JsonObject[] {
  if (Array.isArray(value)) {
    return value.map((b) => {
      if (!isObject(b)) throw new UserError(`${where}: every element of a block list must be an object (HCL JSON syntax)`);
      return b;
    });
  }
  if (isObject(value)) return [value];
  throw new UserError(`${where}: a block must be an object or a list of objects (HCL JSON syntax), not ${JSON.stringify(value)?.slice(0, 40)}`);
}

/** Label level: an object whose properties are labels, or a list of such objects, flattened in order. */
function labelled(value: unknown, where: string): [string, unknown][] {
  return bodies(value, where).flatMap((o) => Object.entries(o).filter(([k]) => k !== '//'));
}

interface Declarations {
  resources: { type: string; name: string; file: string; body: JsonObject }[];
  variables: Map<string, { hasDefault: boolean; default: unknown }>;
  locals: Map<string, unknown>;
}

function declarationsOf(files: readonly ModuleFile[]): Declarations {
  const d: Declarations = { resources: [], variables: new Map(), locals: new Map() };
  const seen = new Map<string, string>();
  for (const { file, json } of files) {
    if (json === null || json === undefined) continue;
    for (const top of bodies(json, file)) {
      for (const [key, value] of Object.entries(top)) {
        if (key === 'resource') {
          for (const [type, byName] of labelled(value, `${file}: resource`)) {
            for (const [name, body] of labelled(byName, `${file}: resource "${type}"`)) {
              const address = `${type}.${name}`;
              const list = bodies(body, `${file}: ${address}`);
              const previous = seen.get(address);
              if (list.length !== 1 || previous !== undefined) {
                const where = previous === undefined ? file : previous === file ? `${file} (twice)` : `${previous} and ${file}`;
                throw new UserError(`${address} is defined more than once (${where}); Terraform refuses a duplicate resource address: rename or remove one`);
              }
              seen.set(address, file);
              d.resources.push({ type, name, file, body: list[0] });
            }
          }
        } else if (key === 'variable') {
          for (const [name, body] of labelled(value, `${file}: variable`)) {
            const b = bodies(body, `${file}: variable "${name}"`)[0] ?? {};
            d.variables.set(name, { hasDefault: Object.prototype.hasOwnProperty.call(b, 'default'), default: b.default });
          }
        } else if (key === 'locals') {
          for (const b of bodies(value, `${file}: locals`)) for (const [name, expr] of Object.entries(b)) if (name !== '//') d.locals.set(name, expr);
        }
      }
    }
  }
  return d;
}

/** JSON configuration values as expression values: strings are templates. */
function evaluateJson(value: unknown, scope: Scope, depth: number, where: string): Value {
  if (depth > MAX_BODY_DEPTH) throw new UserError(`${where}: nested deeper than ${MAX_BODY_DEPTH} levels; hms-sys refuses it rather than read part of it`);
  if (typeof value === 'string') return value.includes('${') ? evaluateExpression(parseTemplate(value), scope) : value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  if (Array.isArray(value)) return value.map((v) => evaluateJson(v, scope, depth + 1, where));
  if (isObject(value)) {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(value)) {
      setOwn(out, k, evaluateJson(v, scope, depth + 1, where));
    }
    return out;
  }
  return value === undefined ? null : (value as Value);
}

/** Expression values back to JSON, unknown parts as `${reference}` text. */
function toJson(value: Value, depth = 0): unknown {
  if (value instanceof Unknown) return renderUnknown(value);
  if (depth > MAX_EXPRESSION_DEPTH + MAX_BODY_DEPTH) return '${(nested too deeply)}';
  if (Array.isArray(value)) return value.map((v) => toJson(v, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, toJson(v as Value, depth + 1));
    return out;
  }
  return value;
}

/** Keys of a resource body that are Terraform's, not the provider's. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection', '//']);

/**
 * Resolves a body: attributes evaluated, `dynamic` blocks expanded, nested
 * blocks (objects or lists of objects) resolved in turn.
 */
function resolveBody(body: JsonObject, scope: Scope, depth: number, where: string): Record<string, Value> {
  if (depth > MAX_BODY_DEPTH) throw new UserError(`${where}: blocks nested deeper than ${MAX_BODY_DEPTH} levels; hms-sys refuses it rather than read part of it`);
  const out: Record<string, Value> = {};
  const addBlocks = (type: string, blocks: Value[]) => {
    const existing = out[type];
    const list = existing === undefined ? [] : Array.isArray(existing) ? (existing as Value[]) : [existing];
    setOwn(out, type, [...list, ...blocks]);
  };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'dynamic') {
      for (const [type, spec] of labelled(value, `${where}: dynamic`)) {
        for (const dyn of bodies(spec, `${where}: dynamic "${type}"`)) addBlocks(type, expandDynamic(type, dyn, scope, depth, where));
      }
      continue;
    }
    if (key === '//' || META_ARGUMENTS.has(key)) {
      out[key] = (key === '//' ? value : evaluateJson(value, scope, depth + 1, where)) as Value;
      continue;
    }
    const isBlockList = Array.isArray(value) && value.length > 0 && value.every(isObject);
    if (isObject(value) || isBlockList) {
      const resolved = bodies(value, where).map((b) => resolveBody(b, scope, depth + 1, where));
      if (isObject(value) && out[key] === undefined) setOwn(out, key, resolved[0]);
      else addBlocks(key, resolved);
      continue;
    }
    setOwn(out, key, evaluateJson(value, scope, depth + 1, where));
  }
  return out;
}

/** Iterator name of a dynamic block: `iterator = rule` (HCL, `${rule}` after hcl2json) or the block type. */
function iteratorName(dyn: JsonObject, type: string): string {
  const it = dyn.iterator;
  if (typeof it !== 'string') return type;
  return it.replace(/^\$\{(.*)\}$/, '$1').trim() || type;
}

function expandDynamic(type: string, dyn: JsonObject, scope: Scope, depth: number, where: string): Value[] {
  const forEach = evaluateJson(dyn.for_each, scope, depth + 1, where);
  const iterator = iteratorName(dyn, type);
  const contents = dyn.content === undefined ? [{}] : bodies(dyn.content, `${where}: dynamic "${type}" content`);
  const withIterator = (key: Value, value: Value): Scope => ({
    lookup: (path, text) => (path[0] === iterator ? path.slice(2).reduce<Value>(step, path[1] === 'key' ? key : path[1] === 'value' ? value : new Unknown([text])) : scope.lookup(path, text)),
  });
  if (forEach instanceof Unknown) {
    // Unknown for_each: read the content once, the iterator as unknown as its collection.
    return contents.map((c) => resolveBody(c, withIterator(forEach, forEach), depth + 1, where));
  }
  const entries: [Value, Value][] = Array.isArray(forEach)
    ? forEach.map((v) => [v, v]) // a set: key and value are the element
    : isObject(forEach)
      ? Object.entries(forEach as Record<string, Value>)
      : [];
  return entries.flatMap(([k, v]) => contents.map((c) => resolveBody(c, withIterator(k, v), depth + 1, where)));
}

export interface ModuleInputs {
  /** Variable values (terraform.tfvars, *.auto.tfvars), which win over defaults. */
  readonly tfvars?: Readonly<Record<string, unknown>>;
}

/** Reads and resolves the resources of a module. */
export function resolveModule(files: readonly ModuleFile[], inputs: ModuleInputs = {}): ResolvedResource[] {
  const d = declarationsOf(files);
  const localValues = new Map<string, Value>();
  const evaluating = new Set<string>();
  const variableValues = new Map<string, Value>();
  const base: Scope = {
    lookup(path, text) {
      const [root, name] = path;
      if (root === 'var' && typeof name === 'string') {
        if (!variableValues.has(name)) {
          const declared = d.variables.get(name);
          const supplied = inputs.tfvars && Object.prototype.hasOwnProperty.call(inputs.tfvars, name);
          // tfvars and defaults are literal by Terraform's rules; a default may not reference anything.
          const v = supplied ? evaluateJson(inputs.tfvars?.[name], this, 0, `var.${name}`) : declared?.hasDefault ? evaluateJson(declared.default, this, 0, `var.${name}`) : new Unknown([`var.${name}`]);
          variableValues.set(name, v);
        }
        return path.slice(2).reduce<Value>(step, variableValues.get(name) as Value);
      }
      if (root === 'local' && typeof name === 'string') {
        if (!localValues.has(name)) {
          if (!d.locals.has(name) || evaluating.has(name)) return new Unknown([`local.${name}`]);
          evaluating.add(name);
          localValues.set(name, evaluateJson(d.locals.get(name), this, 0, `local.${name}`));
          evaluating.delete(name);
        }
        return path.slice(2).reduce<Value>(step, localValues.get(name) as Value);
      }
      if (root === 'count' || root === 'self' || root === 'path' || root === 'terraform' || root === 'each') return new Unknown([text]);
      return undefined;
    },
  };

  const out: ResolvedResource[] = [];
  for (const r of d.resources) {
    const address = `${r.type}.${r.name}`;
    const comment = isObject(r.body['//']) ? r.body['//'] : {};
    const forEach = r.body.for_each === undefined ? undefined : evaluateJson(r.body.for_each, base, 0, address);
    const instances: [string, Scope][] =
      forEach !== undefined && !(forEach instanceof Unknown) && (Array.isArray(forEach) || isObject(forEach))
        ? (Array.isArray(forEach) ? forEach.map((v) => [String(v), v] as const) : Object.entries(forEach as Record<string, Value>)).map(([k, v]) => [
            `${address}[${JSON.stringify(k)}]`,
            { lookup: (path: readonly PathSegment[], text: string) => (path[0] === 'each' ? path.slice(2).reduce<Value>(step, path[1] === 'key' ? k : path[1] === 'value' ? v : new Unknown([text])) : base.lookup(path, text)) },
          ])
        : [[address, forEach instanceof Unknown ? { lookup: (path: readonly PathSegment[], text: string) => (path[0] === 'each' ? forEach : base.lookup(path, text)) } : base]];
    for (const [instanceAddress, scope] of instances) {
      const values = toJson(resolveBody(r.body, scope, 0, `${r.file}: ${address}`)) as JsonObject;
      out.push({ type: r.type, name: r.name, address: instanceAddress, file: r.file, values, comment });
    }
  }
  return out;
}
