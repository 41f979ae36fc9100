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

/** A control character or a backslash: the first makes a string invalid, the second needs unescaping. */
const SPECIAL_IN_STRING = /[\u0000-\u001f\\]/;
/** A JSON number (RFC 8259), anchored. */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

/**
 * Parses `text` (the contents of `file`), keeping repeated block properties.
 * Most files repeat no property: JSON.parse reads those, and the careful parser
 * below runs only when the text holds more property names than the parsed value
 * (a repetition JSON.parse dropped), when it is nested too deeply, or when
 * JSON.parse refuses it (for a located message).
 */
export function parseTerraformJsonText(text: string, file: string): Json {
  let fast: Json | undefined;
  try {
    fast = JSON.parse(text) as Json;
  } catch {
    return parseCarefully(text, file);
  }
  const parsed = shapeOf(fast);
  return parsed.depth <= MAX_JSON_DEPTH && parsed.properties === propertyNamesIn(text) ? fast : parseCarefully(text, file);
}

/** Property names written in valid JSON text: strings followed by a colon. */
function propertyNamesIn(text: string): number {
  let count = 0;
  let i = text.indexOf('"');
  while (i >= 0) {
    // Outside strings, every quote opens one; find the quote that closes it.
    let j = i + 1;
    for (;;) {
      j = text.indexOf('"', j);
      if (j < 0) return -1;
      let slashes = 0;
      while (text.charCodeAt(j - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
      j++;
    }
    let k = j + 1;
    for (let c = text.charCodeAt(k); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++k));
    if (text.charCodeAt(k) === 58) count++;
    i = text.indexOf('"', k);
  }
  return count;
}

/** Own properties in a parsed value, and its nesting depth, walked without recursion. */
function shapeOf(value: Json): { properties: number; depth: number } {
  let properties = 0;
  let depth = 0;
  const stack: [Json, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [Json, number];
    if (typeof v !== 'object' || v === null) continue;
    if (d > depth) depth = d;
    if (d > MAX_JSON_DEPTH) break;
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null) stack.push([x, d + 1]);
    } else {
      const keys = Object.keys(v);
      properties += keys.length;
      for (const k of keys) {
        const x = v[k];
        if (typeof x === 'object' && x !== null) stack.push([x, d + 1]);
      }
    }
  }
  return { properties, depth };
}

function parseCarefully(text: string, file: string): Json {
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
    const start = i + 1;
    let escaped = false;
    let j = start;
    for (;;) {
      j = text.indexOf('"', j);
      if (j < 0) {
        i = n;
        return fail('a string that does not end');
      }
      // A quote preceded by an odd number of backslashes is escaped.
      let slashes = 0;
      while (text.charCodeAt(j - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
      escaped = true;
      j++;
    }
    const raw = text.slice(start, j);
    const special = SPECIAL_IN_STRING.exec(raw);
    if (special !== null) {
      if (special[0] !== '\\') {
        i = start + special.index;
        return fail('a control character inside a string');
      }
      escaped = true;
    }
    i = j + 1;
    if (!escaped) return raw;
    // JSON.parse of the exact token handles every escape correctly, and refuses a control character after the first escape.
    try {
      return JSON.parse(text.slice(start - 1, j + 1)) as string;
    } catch {
      i = start;
      return fail('an invalid escape or a control character inside a string');
    }
  };
  const readScalar = (): Json => {
    const c = text.charCodeAt(i);
    if (c === 116 && text.startsWith('true', i)) return (i += 4), true;
    if (c === 102 && text.startsWith('false', i)) return (i += 5), false;
    if (c === 110 && text.startsWith('null', i)) return (i += 4), null;
    const m = NUMBER.exec(text.slice(i, i + 64));
    if (!m) return fail(`unexpected ${JSON.stringify(text.slice(i, i + 10))}`);
    i += m[0].length;
    return Number(m[0]);
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
      if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      else obj[key] = value;
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
