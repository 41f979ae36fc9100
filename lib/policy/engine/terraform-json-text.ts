/**
 * Parses the text of a Terraform JSON file the way Terraform reads it, which
 * `JSON.parse` does not: HCL's JSON syntax keeps every definition of a property
 * name ("Preserve multiple definitions of the same property name",
 * https://github.com/hashicorp/hcl/blob/main/json/spec.md). Two `"ingress"`
 * properties in one body are two blocks, and two `"resource"` properties at the
 * top are both read; `JSON.parse` would keep only the last and hide the first
 * from every rule. A repeated property whose values are objects (or lists of
 * objects) is therefore read as a list of both; a repeated property holding
 * anything else is refused, as Terraform refuses it ("Duplicate argument",
 * hcl json/structure.go).
 *
 * The parser is iterative: no input depth can exhaust the call stack.
 */
import { UserError } from '../../core/errors';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Deeper than this is not configuration anyone writes; refuse it rather than walk it. */
export const MAX_JSON_DEPTH = 512;

interface Frame {
  readonly container: Json[] | Record<string, Json>;
  /** The property name awaiting its value, in an object. */
  key?: string;
}

const isBlockValue = (v: Json): boolean =>
  (typeof v === 'object' && v !== null && !Array.isArray(v)) || (Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x)));

/** Parses `text` (the contents of `file`), keeping repeated block properties. */
export function parseTerraformJsonText(text: string, file: string): Json {
  let i = 0;
  const n = text.length;
  const fail = (what: string, prefix = 'not valid JSON'): never => {
    const line = text.slice(0, i).split('\n').length;
    throw new UserError(`${file}:${line}: ${prefix}: ${what}; pass Terraform JSON (cdk.tf.json, *.tf.json) or the output of \`terraform show -json\``);
  };
  const skip = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const readString = (): string => {
    // JSON.parse of the exact token handles every escape correctly.
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) i++;
      else if (c < 32) fail('a control character inside a string');
      i++;
    }
    if (i >= n) fail('a string that does not end');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readScalar = (): Json => {
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) return fail(`unexpected ${JSON.stringify(text.slice(i, i + 10))}`);
    i += m[0].length;
    return JSON.parse(m[0]) as Json;
  };

  const stack: Frame[] = [];
  let root: Json | undefined;
  let done = false;
  const put = (value: Json) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      done = true;
      return;
    }
    if (Array.isArray(top.container)) {
      top.container.push(value);
      return;
    }
    const obj = top.container;
    const key = top.key as string;
    top.key = undefined;
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
      // defineProperty: a "__proto__" property stays data, never a prototype.
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const existing = obj[key];
    if (!isBlockValue(existing) || !isBlockValue(value)) fail(`the property ${JSON.stringify(key)} is set twice (Terraform refuses a duplicate argument)`);
    obj[key] = [...(Array.isArray(existing) ? existing : [existing]), ...(Array.isArray(value) ? value : [value])];
  };
  /** After a value: a comma (not before a closing bracket), or the closing bracket itself. */
  const separator = () => {
    if (done) return;
    skip();
    if (text[i] === ',') {
      i++;
      skip();
      if (text[i] === '}' || text[i] === ']') fail('a trailing comma');
    } else if (text[i] !== '}' && text[i] !== ']') fail(`expected , but found ${text[i] === undefined ? 'the end' : JSON.stringify(text[i])}`);
  };

  while (!done) {
    skip();
    if (i >= n) fail('the text ends early');
    const top = stack[stack.length - 1];
    const c = text[i];
    const inObject = top !== undefined && !Array.isArray(top.container);
    if ((c === '}' && inObject && top.key === undefined) || (c === ']' && top !== undefined && !inObject)) {
      i++;
      stack.pop();
      put(top.container as Json);
      separator();
      continue;
    }
    if (inObject && top.key === undefined) {
      if (c !== '"') fail('expected a property name in double quotes');
      top.key = readString();
      skip();
      if (text[i] !== ':') fail('expected : after a property name');
      i++;
      continue;
    }
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_JSON_DEPTH) fail(`nested deeper than ${MAX_JSON_DEPTH} levels`, 'refused');
      i++;
      stack.push({ container: c === '[' ? [] : {} });
      continue;
    }
    put(c === '"' ? readString() : readScalar());
    separator();
  }
  skip();
  if (i < n) fail('more text after the JSON value');
  return root as Json;
}
