/**
 * A parser for the Terraform (HCL native syntax) expressions that appear inside
 * `${...}` in Terraform JSON and in HCL converted by hcl2json, so that literal
 * locals, variables with defaults, `jsonencode({...})` policies and dynamic
 * blocks can be read instead of being treated as opaque text. It follows
 * https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md (expressions,
 * templates, operator precedence). Heredocs and template directives (`%{`) are
 * not read: they parse to an `opaque` node, which evaluates to unknown.
 *
 * The only other HCL expression parser on npm is HCL's Go parser compiled to
 * WASM (inside @cdktf/hcl2json): asynchronous, about 1.7 ms a call, and its AST
 * loses which object key goes with which value. Rules and the synth gate are
 * synchronous, so this small parser does the job. Nesting is capped, so no
 * input can exhaust the call stack.
 */

export type Expr =
  | { readonly kind: 'literal'; readonly value: null | boolean | number | string }
  | { readonly kind: 'template'; readonly parts: readonly Expr[] }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
  | { readonly kind: 'object'; readonly items: readonly (readonly [Expr, Expr])[] }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'attr'; readonly target: Expr; readonly name: string }
  | { readonly kind: 'index'; readonly target: Expr; readonly key: Expr }
  | { readonly kind: 'splat'; readonly target: Expr; readonly each: readonly Step[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly expand: boolean }
  | { readonly kind: 'unary'; readonly op: '!' | '-'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'conditional'; readonly condition: Expr; readonly then: Expr; readonly otherwise: Expr }
  | {
      readonly kind: 'for';
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Expr;
      readonly keyExpr?: Expr;
      readonly valueExpr: Expr;
      readonly condition?: Expr;
      readonly grouped: boolean;
    }
  | { readonly kind: 'opaque'; readonly source: string };

/** An attribute or index step applied to each element of a splat. */
export type Step = { readonly attr: string } | { readonly index: Expr };

/** Expressions nested deeper than this are not read (they evaluate to unknown). */
export const MAX_EXPRESSION_DEPTH = 64;

class ParseError extends Error {}

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '=>', '...', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':', '=', ',', '.', '(', ')', '[', ']', '{', '}'];

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly src: string) {}

  private skip(): void {
    for (;;) {
      const c = this.src[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.i++;
      else if (c === '#' || (c === '/' && this.src[this.i + 1] === '/')) {
        while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
      } else if (c === '/' && this.src[this.i + 1] === '*') {
        const end = this.src.indexOf('*/', this.i + 2);
        if (end < 0) throw new ParseError('unclosed comment');
        this.i = end + 2;
      } else return;
    }
  }

  private peekOp(): string | undefined {
    this.skip();
    return OPERATORS.find((op) => this.src.startsWith(op, this.i));
  }

  private eat(op: string): boolean {
    if (this.peekOp() !== op) return false;
    this.i += op.length;
    return true;
  }

  private expect(op: string): void {
    if (!this.eat(op)) throw new ParseError(`expected ${op}`);
  }

  private identifier(): string | undefined {
    this.skip();
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.i, this.i + 256));
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  private peekKeyword(word: string): boolean {
    this.skip();
    return new RegExp(`^${word}(?![A-Za-z0-9_-])`).test(this.src.slice(this.i, this.i + word.length + 1));
  }

  private enter(): void {
    if (++this.depth > MAX_EXPRESSION_DEPTH) throw new ParseError('nested too deeply');
  }

  atEnd(): boolean {
    this.skip();
    return this.i >= this.src.length;
  }

  expression(): Expr {
    this.enter();
    try {
      const condition = this.binary(0);
      if (!this.eat('?')) return condition;
      const then = this.expression();
      this.expect(':');
      const otherwise = this.expression();
      return { kind: 'conditional', condition, then, otherwise };
    } finally {
      this.depth--;
    }
  }

  private binary(minPrecedence: number): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.peekOp();
      const precedence = op === undefined ? undefined : BINARY_PRECEDENCE[op];
      if (op === undefined || precedence === undefined || precedence <= minPrecedence) return left;
      this.i += op.length;
      left = { kind: 'binary', op, left, right: this.binary(precedence) };
    }
  }

  private unary(): Expr {
    const op = this.peekOp();
    if (op === '!' || op === '-') {
      this.i += 1;
      this.enter();
      try {
        return { kind: 'unary', op, operand: this.unary() };
      } finally {
        this.depth--;
      }
    }
    return this.postfix(this.term());
  }

  private postfix(start: Expr): Expr {
    let e = start;
    for (;;) {
      this.skip();
      if (this.src.startsWith('[*]', this.i) || this.src.startsWith('.*', this.i)) {
        this.i += this.src[this.i] === '[' ? 3 : 2;
        const each: Step[] = [];
        for (;;) {
          this.skip();
          if (this.src[this.i] === '.' && this.src[this.i + 1] !== '.') {
            this.i++;
            each.push({ attr: this.identifier() ?? this.number() });
          } else if (this.src[this.i] === '[' && this.src[this.i + 1] !== '*') {
            this.i++;
            each.push({ index: this.expression() });
            this.expect(']');
          } else break;
        }
        e = { kind: 'splat', target: e, each };
      } else if (this.src[this.i] === '.' && this.src[this.i + 1] !== '.') {
        this.i++;
        this.skip();
        const name = this.identifier();
        // Legacy index syntax: list.0
        e = name === undefined ? { kind: 'index', target: e, key: { kind: 'literal', value: Number(this.number()) } } : { kind: 'attr', target: e, name };
      } else if (this.src[this.i] === '[') {
        this.i++;
        const key = this.expression();
        this.expect(']');
        e = { kind: 'index', target: e, key };
      } else return e;
    }
  }

  private number(): string {
    this.skip();
    const m = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.src.slice(this.i, this.i + 64));
    if (!m) throw new ParseError('expected a number');
    this.i += m[0].length;
    return m[0];
  }

  private term(): Expr {
    this.skip();
    const c = this.src[this.i];
    if (c === undefined) throw new ParseError('unexpected end');
    if (c >= '0' && c <= '9') return { kind: 'literal', value: Number(this.number()) };
    if (c === '"') return this.quoted();
    if (c === '<' && this.src.startsWith('<<', this.i)) throw new ParseError('heredoc');
    if (c === '(') {
      this.i++;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (c === '[') return this.tupleOrFor();
    if (c === '{') return this.objectOrFor();
    const name = this.identifier();
    if (name === undefined) throw new ParseError(`unexpected ${c}`);
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    this.skip();
    if (this.src[this.i] === '(' || this.src.startsWith('::', this.i)) return this.call(name);
    return { kind: 'variable', name };
  }

  private call(first: string): Expr {
    let name = first;
    // Provider-defined functions: provider::aws::arn_parse
    while (this.src.startsWith('::', this.i)) {
      this.i += 2;
      name += `::${this.identifier() ?? ''}`;
    }
    this.expect('(');
    const args: Expr[] = [];
    let expand = false;
    while (!this.eat(')')) {
      args.push(this.expression());
      if (this.eat('...')) expand = true;
      if (!this.eat(',')) {
        this.expect(')');
        break;
      }
    }
    return { kind: 'call', name, args, expand };
  }

  private tupleOrFor(): Expr {
    this.expect('[');
    if (this.peekKeyword('for')) return this.forExpr(']');
    const items: Expr[] = [];
    while (!this.eat(']')) {
      items.push(this.expression());
      if (!this.eat(',')) {
        this.expect(']');
        break;
      }
    }
    return { kind: 'tuple', items };
  }

  private objectOrFor(): Expr {
    this.expect('{');
    if (this.peekKeyword('for')) return this.forExpr('}');
    const items: [Expr, Expr][] = [];
    while (!this.eat('}')) {
      const save = this.i;
      const bare = this.identifier();
      let key: Expr;
      if (bare !== undefined && (this.peekOp() === '=' || this.peekOp() === ':')) key = { kind: 'literal', value: bare };
      else {
        this.i = save;
        key = this.expression();
      }
      if (!this.eat('=')) this.expect(':');
      items.push([key, this.expression()]);
      this.eat(',');
    }
    return { kind: 'object', items };
  }

  private forExpr(close: string): Expr {
    this.identifier(); // for
    const first = this.identifier();
    if (first === undefined) throw new ParseError('expected a for variable');
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.eat(',')) {
      keyVar = first;
      valueVar = this.identifier() ?? '';
    }
    if (this.identifier() !== 'in') throw new ParseError('expected in');
    const collection = this.expression();
    this.expect(':');
    let keyExpr: Expr | undefined;
    let valueExpr = this.expression();
    if (close === '}') {
      this.expect('=>');
      keyExpr = valueExpr;
      valueExpr = this.expression();
    }
    const grouped = this.eat('...');
    const condition = this.peekKeyword('if') ? (this.identifier(), this.expression()) : undefined;
    this.expect(close);
    return { kind: 'for', keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouped };
  }

  /** A quoted template: "text ${expr} text". */
  private quoted(): Expr {
    this.i++; // opening quote
    const parts: Expr[] = [];
    let text = '';
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined) throw new ParseError('unclosed string');
      if (c === '"') {
        this.i++;
        break;
      }
      if (c === '\\') {
        const next = this.src[this.i + 1];
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (next in simple) {
          text += simple[next];
          this.i += 2;
        } else if (next === 'u' || next === 'U') {
          const len = next === 'u' ? 4 : 8;
          text += String.fromCodePoint(parseInt(this.src.slice(this.i + 2, this.i + 2 + len), 16));
          this.i += 2 + len;
        } else throw new ParseError('bad escape');
        continue;
      }
      if ((c === '$' || c === '%') && this.src[this.i + 1] === c && this.src[this.i + 2] === '{') {
        text += `${c}{`;
        this.i += 3;
        continue;
      }
      if (c === '%' && this.src[this.i + 1] === '{') throw new ParseError('template directive');
      if (c === '$' && this.src[this.i + 1] === '{') {
        if (text) parts.push({ kind: 'literal', value: text });
        text = '';
        this.i += 2;
        this.eat('~');
        parts.push(this.expression());
        this.eat('~');
        this.expect('}');
        continue;
      }
      text += c;
      this.i++;
    }
    if (text || parts.length === 0) parts.push({ kind: 'literal', value: text });
    return parts.length === 1 && parts[0].kind === 'literal' ? parts[0] : { kind: 'template', parts };
  }
}

/** Parses one expression, or returns an opaque node for what this parser does not read. */
export function parseExpression(source: string): Expr {
  const p = new Parser(source);
  try {
    const e = p.expression();
    if (!p.atEnd()) return { kind: 'opaque', source };
    return e;
  } catch (e) {
    if (e instanceof ParseError || e instanceof RangeError) return { kind: 'opaque', source };
    throw e;
  }
}

/**
 * Parses a Terraform JSON string value, which is a template: `"${var.x}"`,
 * `"arn:${local.partition}:iam::..."`, or plain text. `$${` and `%%{` are escapes.
 */
export function parseTemplate(text: string): Expr {
  const parts: Expr[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    // Copy the text up to the next `$` or `%` at once.
    const next = nextMarker(text, i);
    if (next > i) {
      literal += text.slice(i, next);
      i = next;
      if (i >= text.length) break;
    }
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      literal += `${c}{`;
      i += 3;
      continue;
    }
    if (c === '%' && text[i + 1] === '{') return { kind: 'opaque', source: text };
    if (c === '$' && text[i + 1] === '{') {
      const end = closingBrace(text, i + 2);
      if (end < 0) return { kind: 'opaque', source: text };
      if (literal) parts.push({ kind: 'literal', value: literal });
      literal = '';
      const inner = text.slice(i + 2, end).replace(/^~/, '').replace(/~$/, '');
      parts.push(parseExpression(inner));
      i = end + 1;
      continue;
    }
    literal += c;
    i++;
  }
  if (literal || parts.length === 0) parts.push({ kind: 'literal', value: literal });
  return parts.length === 1 ? parts[0] : { kind: 'template', parts };
}

/** The index of the next `$` or `%` at or after `from`, or the length of the text. */
function nextMarker(text: string, from: number): number {
  const dollar = text.indexOf('$', from);
  const percent = text.indexOf('%', from);
  if (dollar < 0) return percent < 0 ? text.length : percent;
  return percent < 0 || dollar < percent ? dollar : percent;
}

/** The index of the `}` closing an interpolation opened before `start`, skipping strings and nested braces. */
function closingBrace(text: string, start: number, nesting = 0): number {
  if (nesting > MAX_EXPRESSION_DEPTH) return -1;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      else if (c === '$' && text[i + 1] === '{') {
        // an interpolation inside a quoted string inside the expression
        const inner = closingBrace(text, i + 2, nesting + 1);
        if (inner < 0) return -1;
        i = inner;
      }
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
