/**
 * Reads blueprint files. YAML is parsed with positions so that every problem
 * names its file, line and column; all problems are reported at once.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CST, isMap, isScalar, Lexer, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { BlueprintError, type BlueprintProblem } from '../core/errors';
import { judgeVersion } from '../core/kubernetes-versions';
import { aksRuntimeRefusal } from '../azure/private/node-os';
import type { Blueprint, FieldLocation } from './blueprint';
import { findCollisions } from './collisions';
import { withEnvironmentDefaults } from './environment';
import { allowedKeysAt, issueMessage, unknownKeyMessage } from './format';
import { normalize } from './normalize';
import { SYSTEM_NAMESPACES } from '../core/namespaces';
import { BlueprintNameSchema, BlueprintSchema, systemNamespaceMessage } from './schema';

/** A blueprint is a short file; anything larger is a mistake or an attack. */
export const MAX_BLUEPRINT_BYTES = 64 * 1024;
/** Aliases a blueprint may expand; a "billion laughs" file needs millions. */
export const MAX_ALIAS_COUNT = 50;
/** Nesting deeper than any valid blueprint (which is 4 levels deep). */
export const MAX_NESTING_DEPTH = 32;
export const BLUEPRINT_EXTENSIONS = ['.yml', '.yaml'];

export interface LoadOptions {
  /**
   * The day against which Kubernetes versions are judged (support calendars).
   * @default - today
   */
  readonly today?: Date;
  /**
   * The environment whose defaults apply to every blueprint (HMS_TFC_ORGANIZATION,
   * HMS_TFC_HOSTNAME), validated like the blueprint's own fields, so that
   * `validate` refuses what synth would.
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
}

/** Fields whose position collision and cross-blueprint messages point at. */
const LOCATED_FIELDS = [['name'], ['stateBucket', 'bucket'], ['stateBucket', 'region'], ['terraformCloud', 'organization'], ['terraformCloud', 'hostname']];

/** Parses and validates one blueprint's text. Throws `BlueprintError` with every problem found. */
export function parseBlueprint(source: string | Buffer, file: string, options: LoadOptions = {}): Blueprint {
  const problems: BlueprintProblem[] = [];
  const whole = (message: string): BlueprintError => new BlueprintError([{ file, line: 0, column: 0, path: '', message }]);

  const bytes = typeof source === 'string' ? Buffer.byteLength(source) : source.length;
  if (bytes > MAX_BLUEPRINT_BYTES) {
    throw whole(`is ${bytes} bytes; a blueprint may be at most ${MAX_BLUEPRINT_BYTES} bytes. Split it into several blueprints`);
  }
  const text = typeof source === 'string' ? source : decodeText(source);
  if (text === undefined || text.includes('\u0000')) {
    throw whole('is not a UTF-8 text file; a blueprint is YAML text, e.g. blueprints/dcaa-audit.yml');
  }
  if (nestingDepth(text) > MAX_NESTING_DEPTH) {
    throw whole(`is nested more than ${MAX_NESTING_DEPTH} levels deep; a blueprint has at most 4 levels`);
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    version: '1.2',
    schema: 'core',
  });
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({ file, line: pos.line, column: pos.col, path: '', message: yamlMessage(e.code, e.message) });
  }
  problems.push(...prototypeKeys(doc, lineCounter, file));
  if (problems.length > 0) throw new BlueprintError(problems);

  if (doc.contents === null) {
    throw whole('is empty; a blueprint needs at least nodePool and network sections (see blueprints/dcaa-audit.yml)');
  }
  if (!isMap(doc.contents)) {
    const kind = isScalar(doc.contents) ? 'a single value' : 'a list';
    const pos = lineCounter.linePos(doc.contents.range?.[0] ?? 0);
    throw new BlueprintError([{ file, line: pos.line, column: pos.col, path: '', message: `the top level is ${kind}; it must be a mapping of sections: nodePool, storage, network, workload` }]);
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    throw whole(`expands too many aliases (at most ${MAX_ALIAS_COUNT}); write the values out instead of using & and * (${(e as Error).message})`);
  }

  const result = BlueprintSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    for (const issue of flattenUnions(result.error.issues)) {
      if (issue.code === 'unrecognized_keys') {
        const allowed = allowedKeysAt(BlueprintSchema, issue.path);
        for (const key of issue.keys) {
          problems.push(locate(doc, lineCounter, file, [...issue.path, key], unknownKeyMessage(key, allowed), true));
        }
      } else {
        const received = (issue as { input?: unknown }).input;
        problems.push(locate(doc, lineCounter, file, issue.path, issueMessage(issue, received), false));
      }
    }
    throw new BlueprintError(problems);
  }

  const name = result.data.name ?? basename(file, extname(file));
  // A name taken from the file obeys the same rule as "name:" (pattern and length): stacks, IAM roles and namespaces are named after it.
  const fileName = result.data.name ? undefined : BlueprintNameSchema.safeParse(name);
  if (fileName && !fileName.success) {
    throw whole(`the file name ${JSON.stringify(name)} cannot name stacks: ${fileName.error.issues[0].message}; rename the file or set "name:" in it`);
  }
  if (!result.data.name && SYSTEM_NAMESPACES.includes(name)) {
    throw whole(`the file name ${systemNamespaceMessage(name)}: rename the file or set "name:" in it`);
  }
  // Support calendars move with the clock, so versions are judged here, on the day, not in the schema.
  const warnings: BlueprintProblem[] = [];
  for (const cloud of result.data.clouds) {
    const verdict = judgeVersion(cloud, result.data.kubernetesVersion, options.today ?? new Date());
    const at = (message: string) => locate(doc, lineCounter, file, ['kubernetesVersion'], message, false);
    if (verdict.refusal) problems.push(at(verdict.refusal));
    // Judged with the calendars, not in the schema, so that both refusals of a version show.
    const runtimeRefusal = cloud === 'azure' ? aksRuntimeRefusal(result.data.nodePool.runtime, result.data.kubernetesVersion) : undefined;
    if (runtimeRefusal) problems.push(at(runtimeRefusal));
    if (verdict.warning) warnings.push(at(verdict.warning));
  }
  if (problems.length > 0) throw new BlueprintError(problems);
  const locations: Record<string, FieldLocation> = { name: { file, line: 0, column: 0 } };
  for (const path of LOCATED_FIELDS.filter((p) => doc.hasIn(p))) {
    const { line, column } = locate(doc, lineCounter, file, path, '', false);
    locations[path.join('.')] = { file, line, column };
  }
  return { ...normalize(result.data, name, file, warnings), locations };
}

/**
 * A key named `__proto__` sets an object's prototype when JavaScript copies it,
 * so the value would vanish without a word (a tag dropped silently): refused
 * wherever it appears, with its position.
 */
/**
 * Keys and aliases the YAML reader would silently misread, each at its line:
 * `__proto__` (dropped by JavaScript), `<<` (a merge key in YAML 1.1 only; YAML 1.2
 * reads it as a key named "<<"), and an alias whose anchor is not set before it.
 */
function prototypeKeys(doc: Document, lc: LineCounter, file: string): BlueprintProblem[] {
  const problems: BlueprintProblem[] = [];
  const at = (range: readonly number[] | null | undefined, path: string, message: string) => {
    const pos = lc.linePos(range?.[0] ?? 0);
    problems.push({ file, line: pos.line, column: pos.col, path, message });
  };
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        at(pair.key.range, '__proto__', 'a key named "__proto__" cannot be used: JavaScript reads it as an object\'s prototype, so its value would be lost; rename it');
      }
      if (isScalar(pair.key) && pair.key.value === '<<') {
        at(pair.key.range, '<<', 'merge keys ("<<: *anchor") are not part of YAML 1.2, which blueprints use; write the keys out');
      }
    },
    Alias(_key, alias) {
      if (!alias.resolve(doc)) at(alias.range, `*${alias.source}`, `the alias *${alias.source} has no anchor &${alias.source} before it; define the anchor first, or write the value out`);
    },
  });
  return problems;
}

type SchemaIssue = ReturnType<typeof BlueprintSchema.safeParse>['error'] extends infer E ? (E extends { issues: (infer I)[] } ? I : never) : never;

/**
 * `storage` is a volume or "none": for a mapping, report what is wrong inside
 * the volume (unknown keys, bad sizes) rather than "matches neither".
 */
function flattenUnions(issues: readonly SchemaIssue[]): SchemaIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || !isPlainObject((issue as { input?: unknown }).input)) return [issue];
    const branch = issue.errors.find((errors) => !errors.some((e) => e.path.length === 0 && (e.code === 'invalid_value' || e.code === 'invalid_type')));
    if (!branch) return [issue];
    return flattenUnions(branch.map((e) => ({ ...e, path: [...issue.path, ...e.path] }) as SchemaIssue));
  });
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and validates one blueprint file. */
export function loadBlueprintFile(path: string, displayPath = path, options: LoadOptions = {}): Blueprint {
  return parseBlueprint(readBlueprintBytes(path, displayPath), displayPath, options);
}

const OPEN_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist; check the path, or list blueprints with `ls blueprints/`',
  ELOOP: 'is a loop of symbolic links; point it at a .yml file',
  EACCES: 'cannot be read (permission denied)',
  EISDIR: 'is not a file; pass a .yml blueprint or a folder of them',
};

/**
 * A blueprint's bytes, read only from a regular file and never more than the
 * limit allows: opened without blocking (a FIFO named x.yml does not hang), checked
 * on the open descriptor (a link to /dev/zero, whose size reads 0, is not a file),
 * and read in a bounded loop (a file that grows after the check is cut off).
 */
function readBlueprintBytes(path: string, displayPath: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw fileError(displayPath, OPEN_PROBLEMS[code] ?? `cannot be opened (${code})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw fileError(displayPath, 'is not a file; pass a .yml blueprint or a folder of them');
    if (stat.size > MAX_BLUEPRINT_BYTES) throw fileError(displayPath, `is ${stat.size} bytes; a blueprint may be at most ${MAX_BLUEPRINT_BYTES} bytes`);
    const buffer = Buffer.alloc(MAX_BLUEPRINT_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Loads every blueprint named, expanding folders to their .yml/.yaml files.
 * Problems from all files are reported together; two blueprints may not share a name.
 */
export function loadBlueprints(paths: readonly string[], cwd = process.cwd(), options: LoadOptions = {}): Blueprint[] {
  const files = paths.flatMap((p) => expandPath(resolve(cwd, p)));
  const problems: BlueprintProblem[] = [];
  const loaded: Blueprint[] = [];
  for (const file of files) {
    try {
      loaded.push(loadBlueprintFile(file, displayPath(cwd, file), options));
    } catch (e) {
      if (e instanceof BlueprintError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new BlueprintError(problems);
  const withDefaults = withEnvironmentDefaults(loaded, options.env ?? process.env);
  const collisions = findCollisions(withDefaults);
  if (collisions.length > 0) throw new BlueprintError(collisions);
  return withDefaults;
}

/** The blueprint files a path stands for: itself, or a folder's .yml/.yaml files in name order. */
export function expandPath(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return [path]; // loadBlueprintFile reports it
  }
  if (!stat.isDirectory()) return [path];
  const files = readdirSync(path)
    .filter((f) => BLUEPRINT_EXTENSIONS.includes(extname(f)))
    .sort()
    .map((f) => join(path, f));
  if (files.length === 0) throw fileError(path, 'holds no .yml or .yaml blueprints');
  return files;
}

/** Paths under the working folder are shown relative to it, others as given. */
function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, resolve(cwd, file));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function fileError(file: string, message: string): BlueprintError {
  return new BlueprintError([{ file, line: 0, column: 0, path: '', message }]);
}

function decodeText(buffer: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return undefined;
  }
}

/**
 * Flow and indentation depth, measured before parsing so a deep file cannot
 * exhaust the stack. Measured on the tokens of YAML's own lexer, which is a loop,
 * not a recursion: a `[` in a comment or a quoted string is text, not nesting,
 * and neither is the indentation of a comment line.
 */
function nestingDepth(text: string): number {
  let flow = 0;
  let max = 0;
  let lineStart = true;
  let indent = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'newline') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart && type === 'space') {
      indent = token.length;
      continue;
    }
    if (lineStart && type !== 'comment') max = Math.max(max, Math.floor(indent / 2));
    lineStart = false;
    if (type === 'flow-seq-start' || type === 'flow-map-start') max = Math.max(max, ++flow);
    else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0) flow--;
  }
  return max;
}

/** Points at the value for a wrong value, at the key for an unknown key, at the parent for a missing one. */
function locate(doc: Document, lc: LineCounter, file: string, path: readonly PropertyKey[], message: string, atKey: boolean): BlueprintProblem {
  const dotted = path.map(String).join('.');
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth).map(String);
    const offset = depth === path.length && !atKey ? valueOffset(doc, prefix) : keyOffset(doc, prefix);
    if (offset !== undefined) {
      const pos = lc.linePos(offset);
      return { file, line: pos.line, column: pos.col, path: dotted, message };
    }
  }
  return { file, line: 1, column: 1, path: dotted, message };
}

function valueOffset(doc: Document, path: string[]): number | undefined {
  const node = path.length === 0 ? doc.contents : (doc.getIn(path, true) as Node | undefined);
  return node && typeof node === 'object' && 'range' in node && node.range ? node.range[0] : keyOffset(doc, path);
}

function keyOffset(doc: Document, path: string[]): number | undefined {
  if (path.length === 0) return doc.contents?.range?.[0];
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same mapping; keep one';
    case 'MULTIPLE_DOCS':
      return 'holds several YAML documents (---); put each blueprint in its own file';
    case 'TAG_RESOLVE_FAILED':
      return `${first}; blueprints use plain YAML values, without !tags`;
    default:
      return `is not valid YAML: ${first}`;
  }
}
