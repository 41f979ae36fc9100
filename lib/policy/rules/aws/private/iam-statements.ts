import type { TfResource } from '../../../engine/document';
import type { RuleContext } from '../../../engine/rule';
import { isObject, parseJson } from '../../../engine/values';

type JsonObject = Record<string, unknown>;


const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Resources that carry an identity policy: `policy`, an aws_iam_role's inline_policy blocks, a permission set's inline_policy text. */
export const IDENTITY_POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_ssoadmin_permission_set_inline_policy'];

/** One policy of a resource: its raw value, and its statements when it parses as a JSON policy. */
export interface PolicyDocument {
  readonly raw: unknown;
  readonly doc: JsonObject | undefined;
  readonly statements: readonly Statement[];
}

/** A policy text parsed, with its statements: the same text is parsed once per evaluation. */
function parsePolicy(text: string): { doc: JsonObject | undefined; statements: readonly Statement[] } {
  const parsed = parseJson(text);
  const doc = isObject(parsed) ? parsed : undefined;
  return { doc, statements: doc ? statementsOf(doc) : [] };
}

function readPolicies(r: TfResource, ctx: RuleContext): readonly PolicyDocument[] {
  const inline = r.values.inline_policy;
  const raws = [r.values.policy, ...(typeof inline === 'string' ? [inline] : asList(inline).filter(isObject).map((p) => p.policy))].filter((p) => p !== undefined && p !== null);
  return raws.map((raw) => {
    if (typeof raw === 'string') return { raw, ...ctx.memo(parsePolicy, raw) };
    // A policy written as an object (HCL jsonencode read back, a plan) is already parsed.
    const doc = isObject(raw) ? raw : undefined;
    return { raw, doc, statements: doc ? statementsOf(doc) : [] };
  });
}

/** The policy documents of a resource (`policy`, and an aws_iam_role's inline policies), parsed once per evaluation. */
export function policyDocuments(r: TfResource, ctx: RuleContext): readonly PolicyDocument[] {
  return ctx.derive(readPolicies, r);
}

export interface Statement {
  readonly allow: boolean;
  readonly deny: boolean;
  /** Actions, lower-cased (IAM matches actions case-insensitively); NotAction is read as "every action but". */
  readonly actions: string[];
  readonly notAction: boolean;
  readonly resources: string[];
  readonly principal: unknown;
  readonly condition: unknown;
}

export function statementsOf(doc: JsonObject): Statement[] {
  return asList(doc.Statement)
    .filter(isObject)
    .map((s) => ({
      allow: String(s.Effect ?? '').trim().toLowerCase() === 'allow',
      deny: String(s.Effect ?? '').trim().toLowerCase() === 'deny',
      actions: asList(s.Action ?? s.NotAction).map((a) => String(a).trim().toLowerCase()),
      notAction: s.Action === undefined && s.NotAction !== undefined,
      resources: asList(s.Resource ?? (s.NotResource !== undefined ? '*' : undefined)).map(String),
      principal: s.Principal ?? (s.NotPrincipal !== undefined ? '*' : undefined),
      condition: s.Condition,
    }));
}

/** Compiled action patterns: the same few patterns recur across every policy. */
const PATTERNS = new Map<string, RegExp>();

/** True when an IAM action pattern matches `action` (both lower-case; `*` and `?` wildcards). */
export function matchesAction(pattern: string, action: string): boolean {
  if (pattern === action || pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return false;
  let re = PATTERNS.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    if (PATTERNS.size > 4096) PATTERNS.clear();
    PATTERNS.set(pattern, re);
  }
  return re.test(action);
}

/** True when a statement has no Condition, or an empty one. */
export const hasNoCondition = (s: Statement): boolean => s.condition === undefined || s.condition === null || (isObject(s.condition) && Object.keys(s.condition).length === 0);

/** True when a principal is everyone: "*", {"AWS": "*"}, or a list holding "*". */
export function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (Array.isArray(principal)) return principal.some(isEveryone);
  return isObject(principal) && Object.values(principal).some(isEveryone);
}
