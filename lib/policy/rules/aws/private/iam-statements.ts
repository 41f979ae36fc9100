import { isObject, parseJson } from '../../../engine/values';

type JsonObject = Record<string, unknown>;


const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The policy documents of a resource: `policy`, and an aws_iam_role's inline policies. */
export function policyDocuments(values: JsonObject): { raw: unknown; doc: JsonObject | undefined }[] {
  const raws = [values.policy, ...asList(values.inline_policy).filter(isObject).map((p) => p.policy)].filter((p) => p !== undefined && p !== null);
  return raws.map((raw) => {
    const doc = parseJson(raw);
    return { raw, doc: isObject(doc) ? doc : undefined };
  });
}

export interface Statement {
  readonly allow: boolean;
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
      actions: asList(s.Action ?? s.NotAction).map((a) => String(a).trim().toLowerCase()),
      notAction: s.Action === undefined && s.NotAction !== undefined,
      resources: asList(s.Resource ?? (s.NotResource !== undefined ? '*' : undefined)).map(String),
      principal: s.Principal ?? (s.NotPrincipal !== undefined ? '*' : undefined),
      condition: s.Condition,
    }));
}

/** True when an IAM action pattern matches `action` (both lower-case; `*` and `?` wildcards). */
export function matchesAction(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(action);
}

/** True when a principal is everyone: "*", {"AWS": "*"}, or a list holding "*". */
export function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (Array.isArray(principal)) return principal.some(isEveryone);
  return isObject(principal) && Object.values(principal).some(isEveryone);
}
