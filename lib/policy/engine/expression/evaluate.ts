/**
 * Evaluates parsed Terraform expressions as far as the configuration alone
 * allows. Known parts become JSON values; what depends on another resource, a
 * data source, a variable without a default or a function hms-sys does not
 * evaluate stays an `Unknown` that remembers the references it came from.
 * Collections keep their known elements, so `jsonencode({ Principal = "*",
 * Resource = aws_s3_bucket.b.arn })` is still a readable policy.
 */
import { setOwn } from '../values';
import { MAX_EXPRESSION_DEPTH, parseTemplate, type Expr } from './parse';

/** A value known only at plan or apply time; `refs` are the references it depends on. */
export class Unknown {
  constructor(
    readonly refs: readonly string[],
    /** The expression text, when no reference explains why it is unknown. */
    readonly source?: string,
    /** Text with its unknown parts written as `${reference}`: a template that is partly known (a policy document, an ARN). */
    readonly text?: string,
  ) {}
}

export type Value = null | boolean | number | string | Unknown | readonly Value[] | { readonly [key: string]: Value };

export type PathSegment = string | number;

/** Where names come from: `var`, `local`, resources, data sources, `each`, `count`. */
export interface Scope {
  /** The value at `path` (its first segment is the root name), or undefined when the scope does not know the name. */
  lookup(path: readonly PathSegment[], text: string): Value | undefined;
  /** Root names this scope resolves besides var, local, count, each, self, path and terraform (a dynamic block's iterator). */
  readonly roots?: ReadonlySet<string>;
  /**
   * The text of a file named relative to the root module (file(), templatefile()),
   * or undefined when it cannot be read; without it those functions are unknown.
   */
  readonly readFile?: (path: string) => string | undefined;
}

const isRecord = (v: Value): v is { readonly [key: string]: Value } => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);

function unknownOf(values: readonly Value[], source?: string): Unknown {
  const refs = new Set<string>();
  const visit = (v: Value, depth: number) => {
    if (depth > MAX_EXPRESSION_DEPTH) return;
    if (v instanceof Unknown) v.refs.forEach((r) => refs.add(r));
    else if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (isRecord(v)) Object.values(v).forEach((x) => visit(x, depth + 1));
  };
  values.forEach((v) => visit(v, 0));
  return new Unknown([...refs], refs.size === 0 ? source : undefined);
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: Value, depth = 0): boolean {
  if (v instanceof Unknown) return true;
  if (depth > MAX_EXPRESSION_DEPTH) return true;
  if (Array.isArray(v)) return v.some((x) => containsUnknown(x, depth + 1));
  if (isRecord(v)) return Object.values(v).some((x) => containsUnknown(x, depth + 1));
  return false;
}

/** Walks one step into a value. */
export function step(value: Value, segment: PathSegment): Value {
  if (value instanceof Unknown) return value;
  if (Array.isArray(value)) {
    const n = typeof segment === 'number' ? segment : Number(segment);
    return Number.isInteger(n) && n >= 0 && n < value.length ? value[n] : new Unknown([], `index ${segment}`);
  }
  if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, String(segment))) return value[String(segment)];
  return new Unknown([], `.${segment}`);
}

const toText = (v: Value): string | Unknown => {
  if (v instanceof Unknown) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return '';
  return new Unknown([], 'a collection used as text');
};

const truthy = (v: Value): boolean | Unknown => (v instanceof Unknown ? v : v === true || v === 'true');
const numeric = (v: Value): number | Unknown => (v instanceof Unknown ? v : typeof v === 'number' ? v : Number(v));

/** A value as JSON text, with unknown parts written as `${reference}` (as cdk.tf.json writes them). */
export function renderUnknown(u: Unknown): string {
  if (u.text !== undefined) return u.text;
  return u.refs.length > 0 ? u.refs.map((r) => `\${${r}}`).join('') : `\${${u.source ?? '(unknown)'}}`;
}

function jsonEncode(v: Value, depth = 0): Value {
  if (depth > MAX_EXPRESSION_DEPTH) return new Unknown([], 'jsonencode nested too deeply');
  const plain = (x: Value, d: number): unknown => {
    if (x instanceof Unknown) return renderUnknown(x);
    if (Array.isArray(x)) return x.map((y) => plain(y, d + 1));
    if (isRecord(x)) return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, plain(y, d + 1)]));
    return x;
  };
  return JSON.stringify(plain(v, depth));
}

function listOf(v: Value): readonly Value[] | Unknown {
  if (v instanceof Unknown) return v;
  if (Array.isArray(v)) return v;
  if (isRecord(v)) return Object.values(v);
  return new Unknown([], 'not a collection');
}

type Fn = (args: readonly Value[]) => Value;

/** Pure functions evaluated over known arguments; any unknown argument makes the result unknown. */
const STRICT_FUNCTIONS: Record<string, Fn> = {
  tostring: ([v]) => toText(v),
  tonumber: ([v]) => (typeof v === 'number' ? v : Number(v)),
  tobool: ([v]) => v === true || v === 'true',
  length: ([v]) => (typeof v === 'string' ? v.length : (() => { const l = listOf(v); return l instanceof Unknown ? l : l.length; })()),
  lower: ([v]) => String(v).toLowerCase(),
  upper: ([v]) => String(v).toUpperCase(),
  trimspace: ([v]) => String(v).trim(),
  join: ([sep, list]) => (Array.isArray(list) ? list.map((x) => String(x)).join(String(sep)) : new Unknown([], 'join')),
  split: ([sep, s]) => String(s).split(String(sep)),
  keys: ([v]) => (isRecord(v) ? Object.keys(v).sort() : new Unknown([], 'keys')),
  values: ([v]) => (isRecord(v) ? Object.keys(v).sort().map((k) => v[k]) : new Unknown([], 'values')),
  contains: ([list, x]) => Array.isArray(list) && list.some((y) => JSON.stringify(y) === JSON.stringify(x)),
  element: ([list, i]) => (Array.isArray(list) && list.length > 0 ? list[Number(i) % list.length] : new Unknown([], 'element')),
  base64encode: ([v]) => Buffer.from(String(v), 'utf8').toString('base64'),
  base64decode: ([v]) => Buffer.from(String(v), 'base64').toString('utf8'),
  jsondecode: ([v]) => {
    try {
      return JSON.parse(String(v)) as Value;
    } catch {
      return new Unknown([], 'jsondecode of text that is not JSON');
    }
  },
  replace: ([s, from, to]) => (typeof from === 'string' && !from.startsWith('/') ? String(s).split(from).join(String(to)) : new Unknown([], 'replace')),
  min: (args) => Math.min(...args.map(Number)),
  max: (args) => Math.max(...args.map(Number)),
  abs: ([v]) => Math.abs(Number(v)),
  range: (args) => {
    const [start, end, stepBy] = args.length === 1 ? [0, Number(args[0]), 1] : [Number(args[0]), Number(args[1]), Number(args[2] ?? 1)];
    if (!(stepBy !== 0 && Math.abs((end - start) / stepBy) <= 1024)) return new Unknown([], 'range');
    const out: number[] = [];
    for (let x = start; stepBy > 0 ? x < end : x > end; x += stepBy) out.push(x);
    return out;
  },
};

/** Functions that keep known parts of partly unknown arguments. */
const PARTIAL_FUNCTIONS: Record<string, Fn> = {
  jsonencode: ([v]) => jsonEncode(v),
  tolist: ([v]) => listOf(v),
  toset: ([v]) => (Array.isArray(v) ? [...new Map(v.map((x) => [JSON.stringify(x), x])).values()] : listOf(v)),
  tomap: ([v]) => v,
  concat: (args) => (args.every(Array.isArray) ? args.flatMap((a) => a as Value[]) : unknownOf(args, 'concat')),
  merge: (args) => (args.every((a) => isRecord(a) || a === null) ? Object.assign({}, ...args.filter(isRecord)) : unknownOf(args, 'merge')),
  flatten: ([v]) => {
    if (!Array.isArray(v)) return listOf(v);
    const out: Value[] = [];
    const stack: Value[] = [...v].reverse();
    while (stack.length > 0) {
      const x = stack.pop() as Value;
      if (Array.isArray(x)) stack.push(...[...x].reverse());
      else out.push(x);
    }
    return out;
  },
  compact: ([v]) => (Array.isArray(v) ? v.filter((x) => x !== null && x !== '') : listOf(v)),
  distinct: ([v]) => (Array.isArray(v) ? [...new Map(v.map((x) => [JSON.stringify(x), x])).values()] : listOf(v)),
  coalesce: (args) => {
    for (const a of args) {
      if (a instanceof Unknown) return a;
      if (a !== null && a !== '') return a;
    }
    return null;
  },
  lookup: ([map, key, fallback]) => {
    if (map instanceof Unknown || key instanceof Unknown) return unknownOf([map, key]);
    if (isRecord(map) && Object.prototype.hasOwnProperty.call(map, String(key))) return map[String(key)];
    return fallback === undefined ? new Unknown([], 'lookup of a missing key') : fallback;
  },
  try: (args) => args.find((a) => !(a instanceof Unknown && a.refs.length === 0)) ?? new Unknown([], 'try'),
  can: ([v]) => !(v instanceof Unknown && v.refs.length === 0),
  format: ([spec, ...args]) => {
    if (typeof spec !== 'string') return unknownOf([spec, ...args], 'format');
    let n = 0;
    let unknown: Unknown | undefined;
    const out = spec.replace(/%(%|[-+ 0#]*\d*(?:\.\d+)?[sdvqft])/g, (_m, verb: string) => {
      if (verb === '%') return '%';
      const a = args[n++];
      if (a instanceof Unknown) {
        unknown = a;
        return renderUnknown(a);
      }
      return verb.endsWith('q') ? JSON.stringify(a) : String(toText(a ?? null));
    });
    return unknown ? unknownOf([unknown, ...args]) : out;
  },
};

const BINARY: Record<string, (a: Value, b: Value) => Value> = {
  '==': (a, b) => JSON.stringify(a) === JSON.stringify(b),
  '!=': (a, b) => JSON.stringify(a) !== JSON.stringify(b),
  '<': (a, b) => Number(a) < Number(b),
  '<=': (a, b) => Number(a) <= Number(b),
  '>': (a, b) => Number(a) > Number(b),
  '>=': (a, b) => Number(a) >= Number(b),
  '+': (a, b) => Number(a) + Number(b),
  '-': (a, b) => Number(a) - Number(b),
  '*': (a, b) => Number(a) * Number(b),
  '/': (a, b) => Number(a) / Number(b),
  '%': (a, b) => Number(a) % Number(b),
};

/** Evaluates `expr` in `scope`. Never throws for any input expression. */
export function evaluateExpression(expr: Expr, scope: Scope, depth = 0): Value {
  if (depth > MAX_EXPRESSION_DEPTH) return new Unknown([], 'an expression nested too deeply');
  const ev = (e: Expr) => evaluateExpression(e, scope, depth + 1);
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'opaque':
      return new Unknown([], expr.source);
    case 'template': {
      const parts = expr.parts.map(ev);
      // "${x}" alone keeps x's type; text around it makes a string.
      if (parts.length === 1) return parts[0];
      const texts = parts.map(toText);
      const unknowns = texts.filter((t): t is Unknown => t instanceof Unknown);
      if (unknowns.length === 0) return texts.join('');
      // Keep the known text: `arn:${partition}:iam::...`, a JSON policy with references inside.
      const merged = unknownOf(unknowns, 'a template');
      return new Unknown(merged.refs, merged.source, texts.map((t) => (t instanceof Unknown ? renderUnknown(t) : t)).join(''));
    }
    case 'tuple':
      return expr.items.map(ev);
    case 'object': {
      const out: Record<string, Value> = {};
      for (const [k, v] of expr.items) {
        const key = ev(k);
        if (key instanceof Unknown || (typeof key !== 'string' && typeof key !== 'number')) return unknownOf([key], 'an object with a computed key');
        setOwn(out, String(key), ev(v));
      }
      return out;
    }
    case 'variable':
    case 'attr':
    case 'index':
      return traverse(expr, scope, depth);
    case 'splat': {
      const target = ev(expr.target);
      if (target instanceof Unknown) return target;
      const list = Array.isArray(target) ? target : target === null ? [] : [target];
      return list.map((item) =>
        expr.each.reduce<Value>((v, s) => {
          if ('attr' in s) return step(v, s.attr);
          const key = ev(s.index);
          return key instanceof Unknown ? key : step(v, key as PathSegment);
        }, item),
      );
    }
    case 'call': {
      const args = expr.args.map(ev);
      const expanded = expr.expand && args.length > 0 ? [...args.slice(0, -1), ...(Array.isArray(args[args.length - 1]) ? (args[args.length - 1] as Value[]) : [args[args.length - 1]])] : args;
      // base64encode of a partly known template: keep its text readable, so secrets and markers in user data are still seen.
      if ((expr.name === 'base64encode' || expr.name === 'base64gzip') && expanded[0] instanceof Unknown && expanded[0].text !== undefined) return expanded[0];
      if ((expr.name === 'file' || expr.name === 'templatefile') && scope.readFile) return readTemplateFile(expr.name, expanded, scope, depth);
      const partial = PARTIAL_FUNCTIONS[expr.name];
      if (partial) return partial(expanded);
      const strict = STRICT_FUNCTIONS[expr.name];
      if (strict && !expanded.some((a) => containsUnknown(a))) {
        try {
          return strict(expanded);
        } catch {
          return new Unknown([], `${expr.name}(...)`);
        }
      }
      return unknownOf(expanded, `${expr.name}(...)`);
    }
    case 'unary': {
      const v = ev(expr.operand);
      if (v instanceof Unknown) return v;
      return expr.op === '!' ? !truthy(v) : -numeric(v);
    }
    case 'binary': {
      const left = ev(expr.left);
      // && and || short-circuit on a known side, as Terraform 1.x does not, but the value is the same.
      if (expr.op === '&&' || expr.op === '||') {
        const right = ev(expr.right);
        const l = truthy(left);
        const r = truthy(right);
        if (expr.op === '&&' && (l === false || r === false)) return false;
        if (expr.op === '||' && (l === true || r === true)) return true;
        if (l instanceof Unknown || r instanceof Unknown) return unknownOf([left, right]);
        return expr.op === '&&' ? l && r : l || r;
      }
      const right = ev(expr.right);
      if (containsUnknown(left) || containsUnknown(right)) return unknownOf([left, right]);
      return BINARY[expr.op](left, right);
    }
    case 'conditional': {
      const condition = truthy(ev(expr.condition));
      if (condition instanceof Unknown) {
        // Either branch may be taken: keep the references of the condition and of both branches.
        return unknownOf([condition, ev(expr.then), ev(expr.otherwise)]);
      }
      return condition ? ev(expr.then) : ev(expr.otherwise);
    }
    case 'for':
      return evaluateFor(expr, scope, depth);
  }
}

/**
 * file(path) and templatefile(path, vars) of a file the scope can read: the
 * text, or the template evaluated with only `vars` in scope, as Terraform does.
 */
function readTemplateFile(name: 'file' | 'templatefile', args: readonly Value[], scope: Scope, depth: number): Value {
  const [path, vars] = args;
  if (typeof path !== 'string') return unknownOf([path], `${name}(...)`);
  const text = scope.readFile?.(path);
  if (text === undefined) return new Unknown([], `${name}(${JSON.stringify(path)})`);
  if (name === 'file') return text;
  if (vars instanceof Unknown) return vars;
  const names = isRecord(vars) ? vars : {};
  const inner: Scope = {
    readFile: scope.readFile,
    lookup: (p, t) => (Object.prototype.hasOwnProperty.call(names, String(p[0])) ? p.slice(1).reduce<Value>(step, names[String(p[0])]) : new Unknown([], t)),
  };
  return evaluateExpression(parseTemplate(text), inner, depth + 1);
}

function evaluateFor(expr: Extract<Expr, { kind: 'for' }>, scope: Scope, depth: number): Value {
  const collection = evaluateExpression(expr.collection, scope, depth + 1);
  if (collection instanceof Unknown) return collection;
  const entries: [PathSegment, Value][] = Array.isArray(collection)
    ? collection.map((v, i) => [i, v])
    : isRecord(collection)
      ? Object.keys(collection).sort().map((k) => [k, collection[k]])
      : [];
  const results: [Value, Value][] = [];
  for (const [k, v] of entries.slice(0, 1024)) {
    const inner: Scope = {
      readFile: scope.readFile,
      lookup: (path, text) => {
        if (path[0] === expr.valueVar) return path.slice(1).reduce<Value>(step, v);
        if (expr.keyVar !== undefined && path[0] === expr.keyVar) return path.slice(1).reduce<Value>(step, k);
        return scope.lookup(path, text);
      },
    };
    if (expr.condition) {
      const keep = truthy(evaluateExpression(expr.condition, inner, depth + 1));
      if (keep instanceof Unknown) return keep;
      if (!keep) continue;
    }
    results.push([expr.keyExpr ? evaluateExpression(expr.keyExpr, inner, depth + 1) : k, evaluateExpression(expr.valueExpr, inner, depth + 1)]);
  }
  if (!expr.keyExpr) return results.map(([, v]) => v);
  const out: Record<string, Value> = {};
  for (const [k, v] of results) {
    if (k instanceof Unknown) return k;
    const key = String(k);
    if (expr.grouped) out[key] = [...((out[key] as Value[] | undefined) ?? []), v];
    else setOwn(out, key, v);
  }
  return out;
}

/** A chain of names, attributes and indexes from a root name, looked up in the scope. */
function traverse(expr: Expr, scope: Scope, depth: number): Value {
  const chain: Expr[] = [];
  let root: Expr = expr;
  while (root.kind === 'attr' || root.kind === 'index') {
    chain.unshift(root);
    root = root.target;
  }
  if (root.kind !== 'variable') {
    // (expr).attr or [..][0]: evaluate the base, then step.
    return chain.reduce<Value>((v, e) => {
      if (e.kind === 'attr') return step(v, e.name);
      const key = evaluateExpression((e as Extract<Expr, { kind: 'index' }>).key, scope, depth + 1);
      return key instanceof Unknown ? unknownOf([v, key]) : step(v, key as PathSegment);
    }, evaluateExpression(root, scope, depth + 1));
  }
  const path: PathSegment[] = [root.name];
  let text = root.name;
  let keyUnknown: Unknown | undefined;
  for (const e of chain) {
    if (e.kind === 'attr') {
      path.push(e.name);
      text += `.${e.name}`;
      continue;
    }
    const key = evaluateExpression((e as Extract<Expr, { kind: 'index' }>).key, scope, depth + 1);
    if (key instanceof Unknown || (typeof key !== 'string' && typeof key !== 'number')) {
      // aws_s3_bucket.state[count.index].id: which instance is unknown, the resource is not.
      keyUnknown = key instanceof Unknown ? key : new Unknown([], 'an index that is not a string or number');
      text += '[*]';
      continue;
    }
    if (!keyUnknown) path.push(key);
    text += typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
  }
  if (keyUnknown) {
    // var.ports[each.key]: the variable is known, the key is what is unknown.
    const base = scope.lookup(path, text);
    return base === undefined ? new Unknown([text]) : unknownOf([keyUnknown, base]);
  }
  const found = scope.lookup(path, text);
  return found === undefined ? new Unknown([text]) : found;
}
