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
 * - a resource with a known `for_each` becomes one resource per key (`type.name["key"]`), one with
 *   a known `count` one per index (`type.name[0]`, `count.index` known), as Terraform plans them.
 *
 * What stays unknown is written as `${reference}` text, as cdk.tf.json writes it,
 * so rules treat both alike.
 */
import { UserError } from '../../core/errors';
import { evaluateExpression, renderUnknown, step, Unknown, type Scope, type Value } from './expression/evaluate';
import { MAX_EXPRESSION_DEPTH, parseTemplate, type Expr } from './expression/parse';
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
  modules: { name: string; file: string; body: JsonObject }[];
}

function declarationsOf(files: readonly ModuleFile[]): Declarations {
  const d: Declarations = { resources: [], variables: new Map(), locals: new Map(), modules: [] };
  const moduleFiles = new Map<string, string>();
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
        } else if (key === 'module') {
          for (const [name, body] of labelled(value, `${file}: module`)) {
            const list = bodies(body, `${file}: module "${name}"`);
            const previous = moduleFiles.get(name);
            if (list.length !== 1 || previous !== undefined) {
              throw new UserError(`module "${name}" is called more than once (${previous === undefined || previous === file ? file : `${previous} and ${file}`}); Terraform refuses a duplicate module call: rename or remove one`);
            }
            moduleFiles.set(name, file);
            d.modules.push({ name, file, body: list[0] });
          }
        }
      }
    }
  }
  return d;
}

/** Parsed templates by their text: the same references recur across every resource and stack. */
const TEMPLATES = new Map<string, Expr>();
const MAX_CACHED_TEMPLATES = 16_384;

function template(text: string): Expr {
  let expr = TEMPLATES.get(text);
  if (expr === undefined) {
    expr = parseTemplate(text);
    if (TEMPLATES.size >= MAX_CACHED_TEMPLATES) TEMPLATES.clear();
    TEMPLATES.set(text, expr);
  }
  return expr;
}

/** Literal text: `$${` and `%%{` are the escapes of `${` and `%{`. */
const unescapeLiteral = (text: string): string => (text.includes('$${') || text.includes('%%{') ? text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : text);

/** JSON configuration values as expression values: strings are templates. */
function evaluateJson(value: unknown, scope: Scope, depth: number, where: string): Value {
  if (depth > MAX_BODY_DEPTH) throw new UserError(`${where}: nested deeper than ${MAX_BODY_DEPTH} levels; hms-sys refuses it rather than read part of it`);
  if (typeof value === 'string') return value.includes('${') ? evaluateExpression(template(value), scope) : unescapeLiteral(value);
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

/**
 * Text whose interpolations are all plain references to other resources or data
 * sources (`arn:${data.aws_partition.p.partition}:iam::...`): those stay unknown
 * and read back as the same text, so the evaluator is not needed. Roots the
 * module resolves itself (var, local, count, each, ...) and the escapes `$${`
 * and `%%{` do not qualify; every character is matched by one alternative, so
 * the match is linear.
 */
const TEXT_WITH_PLAIN_REFERENCES = /^(?:[^$%]|\$(?![{$])|%(?![{%])|\$\{(?!(?:var|local|count|each|self|path|terraform|module)\b)[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+\})*$/;

/**
 * An attribute value as resources carry it: JSON, with unknown parts written as
 * `${reference}` text. Equivalent to toJson(evaluateJson(value)), but a value
 * with nothing to resolve is returned as it is, not copied: most of a
 * synthesized stack is literal or plain references.
 */
function resolveJson(value: unknown, scope: Scope, depth: number, where: string): unknown {
  if (depth > MAX_BODY_DEPTH) throw new UserError(`${where}: nested deeper than ${MAX_BODY_DEPTH} levels; hms-sys refuses it rather than read part of it`);
  if (typeof value === 'string') {
    if (!value.includes('${')) return unescapeLiteral(value);
    // Inside a dynamic block, a plain-looking reference may name its iterator: evaluate.
    const plain = scope.roots === undefined && TEXT_WITH_PLAIN_REFERENCES.test(value);
    return plain ? value : toJson(evaluateExpression(template(value), scope));
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = resolveJson(value[i], scope, depth + 1, where);
      if (out === undefined && v !== value[i]) out = value.slice(0, i);
      out?.push(v);
    }
    return out ?? value;
  }
  if (isObject(value)) {
    let out: JsonObject | undefined;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const v = resolveJson(value[keys[i]], scope, depth + 1, where);
      if (out === undefined && v !== value[keys[i]]) {
        out = {};
        for (let j = 0; j < i; j++) setOwn(out, keys[j], value[keys[j]]);
      }
      if (out !== undefined) setOwn(out, keys[i], v);
    }
    return out ?? value;
  }
  return value === undefined ? null : value;
}

/** Keys of a resource body that are Terraform's, not the provider's. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection', '//']);

/**
 * Resolves a body: attributes evaluated, `dynamic` blocks expanded, nested
 * blocks (objects or lists of objects) resolved in turn.
 */
function resolveBody(body: JsonObject, scope: Scope, depth: number, where: string): JsonObject {
  if (depth > MAX_BODY_DEPTH) throw new UserError(`${where}: blocks nested deeper than ${MAX_BODY_DEPTH} levels; hms-sys refuses it rather than read part of it`);
  // Built only when something changes: a body with nothing to resolve is returned as it is.
  let out: JsonObject | undefined;
  const keys = Object.keys(body);
  const put = (index: number, key: string, value: unknown) => {
    if (out === undefined) {
      if (value === body[key]) return;
      out = copyOf(body, keys, index);
    }
    setOwn(out, key, value);
  };
  /** Adds blocks to those of `type` already in `out` (dynamic blocks, and blocks next to them). */
  const addBlocks = (target: JsonObject, type: string, blocks: unknown[]) => {
    const existing = target[type];
    const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
    setOwn(target, type, [...list, ...blocks]);
  };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = body[key];
    if (key === 'dynamic') {
      const target = (out ??= copyOf(body, keys, i));
      for (const [type, spec] of labelled(value, `${where}: dynamic`)) {
        for (const dyn of bodies(spec, `${where}: dynamic "${type}"`)) addBlocks(target, type, expandDynamic(type, dyn, scope, depth, where));
      }
      continue;
    }
    if (key === '//') {
      put(i, key, value);
      continue;
    }
    if (META_ARGUMENTS.has(key)) {
      put(i, key, resolveJson(value, scope, depth + 1, where));
      continue;
    }
    if (isObject(value)) {
      const resolved = resolveBody(value, scope, depth + 1, where);
      // A block written after a dynamic block of the same type joins its list.
      if (out !== undefined && out[key] !== undefined) addBlocks(out, key, [resolved]);
      else put(i, key, resolved);
      continue;
    }
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
      let list: JsonObject[] | undefined;
      for (let j = 0; j < value.length; j++) {
        const b = resolveBody(value[j] as JsonObject, scope, depth + 1, where);
        if (list === undefined && b !== value[j]) list = value.slice(0, j) as JsonObject[];
        list?.push(b);
      }
      if (out !== undefined && out[key] !== undefined) addBlocks(out, key, list ?? value);
      else put(i, key, list ?? value);
      continue;
    }
    put(i, key, resolveJson(value, scope, depth + 1, where));
  }
  return out ?? body;
}

/** The first `count` properties of a body, in a new object. */
function copyOf(body: JsonObject, keys: readonly string[], count: number): JsonObject {
  const out: JsonObject = {};
  for (let j = 0; j < count; j++) setOwn(out, keys[j], body[keys[j]]);
  return out;
}

/** Iterator name of a dynamic block: `iterator = rule` (HCL, `${rule}` after hcl2json) or the block type. */
function iteratorName(dyn: JsonObject, type: string): string {
  const it = dyn.iterator;
  if (typeof it !== 'string') return type;
  return it.replace(/^\$\{(.*)\}$/, '$1').trim() || type;
}

function expandDynamic(type: string, dyn: JsonObject, scope: Scope, depth: number, where: string): JsonObject[] {
  const forEach = evaluateJson(dyn.for_each, scope, depth + 1, where);
  const iterator = iteratorName(dyn, type);
  const contents = dyn.content === undefined ? [{}] : bodies(dyn.content, `${where}: dynamic "${type}" content`);
  const roots = new Set([...(scope.roots ?? []), iterator]);
  const withIterator = (key: Value, value: Value): Scope => ({
    roots,
    readFile: scope.readFile,
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
  /** Variable values a calling module passes (a module block's arguments), already evaluated in the caller. */
  readonly variables?: Readonly<Record<string, Value>>;
  /** `path.module`: this module's folder relative to the root module. @default "." */
  readonly modulePath?: string;
  /** Reads a file named relative to the root module, for file() and templatefile(). @default - those functions are unknown */
  readonly readFile?: (path: string) => string | undefined;
}

/** A `module` block, one per instance of its count or for_each. */
export interface ModuleCall {
  /** `module.name`, `module.name[0]` or `module.name["key"]`. */
  readonly address: string;
  readonly file: string;
  /** The `source` argument as written (a local path, a registry address, a URL), or undefined when it is not known. */
  readonly source: string | undefined;
  /** The other arguments, evaluated in the caller: the called module's variable values. */
  readonly variables: Readonly<Record<string, Value>>;
}

/** Arguments of a module block that are Terraform's, not the called module's variables. */
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on', '//']);

/** Reads and resolves the resources of a module. */
export function resolveModule(files: readonly ModuleFile[], inputs: ModuleInputs = {}): ResolvedResource[] {
  return readModule(files, inputs).resources;
}

/** Reads and resolves the resources of a module, and the modules it calls. */
export function readModule(files: readonly ModuleFile[], inputs: ModuleInputs = {}): { resources: ResolvedResource[]; calls: ModuleCall[] } {
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
          const passed = inputs.variables && Object.prototype.hasOwnProperty.call(inputs.variables, name);
          const supplied = inputs.tfvars && Object.prototype.hasOwnProperty.call(inputs.tfvars, name);
          // A caller's argument wins; tfvars and defaults are literal by Terraform's rules, a default may not reference anything.
          const v = passed
            ? (inputs.variables?.[name] as Value)
            : supplied
              ? evaluateJson(inputs.tfvars?.[name], this, 0, `var.${name}`)
              : declared?.hasDefault
                ? evaluateJson(declared.default, this, 0, `var.${name}`)
                : new Unknown([`var.${name}`]);
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
      if (root === 'path' && (name === 'module' || name === 'root' || name === 'cwd')) return name === 'module' ? (inputs.modulePath ?? '.') : '.';
      if (root === 'count' || root === 'self' || root === 'path' || root === 'terraform' || root === 'each') return new Unknown([text]);
      return undefined;
    },
    readFile: inputs.readFile,
  };

  const out: ResolvedResource[] = [];
  for (const r of d.resources) {
    const address = `${r.type}.${r.name}`;
    const comment = isObject(r.body['//']) ? r.body['//'] : {};
    for (const [instanceAddress, scope] of instancesOf(r.body, address, `${r.file}: ${address}`, base)) {
      const values = resolveBody(r.body, scope, 0, `${r.file}: ${address}`);
      out.push({ type: r.type, name: r.name, address: instanceAddress, file: r.file, values, comment });
    }
  }
  const calls: ModuleCall[] = [];
  for (const m of d.modules) {
    const where = `${m.file}: module "${m.name}"`;
    const source = evaluateJson(m.body.source, base, 0, where);
    for (const [address, scope] of instancesOf(m.body, `module.${m.name}`, where, base)) {
      const variables: Record<string, Value> = {};
      for (const [k, v] of Object.entries(m.body)) if (!MODULE_META.has(k)) setOwn(variables, k, evaluateJson(v, scope, 0, where));
      calls.push({ address, file: m.file, source: typeof source === 'string' ? source : undefined, variables });
    }
  }
  return { resources: out, calls };
}

/** More instances than this are read as one instance whose index is unknown. */
export const MAX_EXPANDED_INSTANCES = 1000;

/** A scope where `root.key`/`root.value` (or `count.index`) are known, the rest from `base`. */
function withInstance(base: Scope, root: 'each' | 'count', values: Readonly<Record<string, Value>>): Scope {
  return {
    readFile: base.readFile,
    lookup: (path, text) => {
      if (path[0] !== root) return base.lookup(path, text);
      const name = String(path[1]);
      return Object.prototype.hasOwnProperty.call(values, name) ? path.slice(2).reduce<Value>(step, values[name]) : new Unknown([text]);
    },
  };
}

/**
 * The instances Terraform makes of a resource: one per key of a known
 * `for_each` (`type.name["key"]`), one per index of a known `count`
 * (`type.name[0]`), none when either is empty or zero, and one instance at the
 * plain address, its key or index unknown, when they are not known.
 */
function instancesOf(body: JsonObject, address: string, where: string, base: Scope): [string, Scope][] {
  if (body.for_each !== undefined) {
    const forEach = evaluateJson(body.for_each, base, 0, where);
    if (forEach instanceof Unknown || !(Array.isArray(forEach) || isObject(forEach))) {
      const unknownEach = forEach instanceof Unknown ? forEach : new Unknown([], 'for_each');
      return [[address, { readFile: base.readFile, lookup: (path, text) => (path[0] === 'each' ? unknownEach : base.lookup(path, text)) }]];
    }
    const entries: [string, Value][] = Array.isArray(forEach) ? forEach.map((v) => [String(v), v]) : Object.entries(forEach as Record<string, Value>);
    if (entries.length > MAX_EXPANDED_INSTANCES) return [[address, withInstance(base, 'each', {})]];
    return entries.map(([k, v]) => [`${address}[${JSON.stringify(k)}]`, withInstance(base, 'each', { key: k, value: v })]);
  }
  if (body.count !== undefined) {
    const count = evaluateJson(body.count, base, 0, where);
    const n = typeof count === 'number' ? count : typeof count === 'string' && count.trim() !== '' ? Number(count) : NaN;
    if (count instanceof Unknown || Number.isNaN(n)) return [[address, withInstance(base, 'count', {})]];
    if (!Number.isInteger(n) || n < 0) throw new UserError(`${where}: count is ${JSON.stringify(count)}; Terraform requires a whole number of 0 or more`);
    if (n > MAX_EXPANDED_INSTANCES) return [[address, withInstance(base, 'count', {})]];
    return Array.from({ length: n }, (_, i) => [`${address}[${i}]`, withInstance(base, 'count', { index: i })]);
  }
  return [[address, base]];
}
