/**
 * The offline review plan as a document: what `terraform test -json -verbose`
 * printed, turned into the shape of `terraform show -json` that the policy packs
 * and the stateful-resource guard read, and labelled for what it is.
 *
 * Terraform 1.11 prints, for a `run` block with `-verbose`, one `test_plan`
 * message (hashicorp/terraform internal/command/views/test.go, `TestJSON.Run`):
 * a `jsonformat.Plan` with `resource_changes`, `output_changes`, `resource_drift`,
 * `relevant_attributes` and `provider_schemas` in the form of `terraform show
 * -json`, but no `planned_values` and no `configuration` (seen with 1.11.4 here;
 * older releases printed jsonplan.MarshalForLog). Both are rebuilt here: planned
 * values from the changes, configuration references from the stack's Terraform JSON.
 */
import { isObject } from '../policy/engine/values';
import type { MockedDataSource } from './offline-mocks';

/** What a review plan is, and what it is not. Every output of `plan --offline` carries it. */
export const REVIEW_PLAN_LABEL = 'review plan: what would be created in an empty account: not a diff against deployed state';

/** The key under which a review plan's JSON says what it is. */
export const REVIEW_PLAN_KEY = 'hms_sys_review_plan';

/** `data.aws_region.x (name=us-gov-west-1)`, short enough for one line each. */
export function formatMocked(m: MockedDataSource): string {
  const values = Object.entries(m.values).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const shown = values.join(', ');
  return `${m.address} (${shown.length > 160 ? `${shown.slice(0, 157)}...` : shown || m.source})`;
}

/** A Terraform diagnostic from the JSON stream, as one line. */
export interface TestDiagnostic {
  readonly severity: string;
  readonly text: string;
}

export interface TestOutput {
  /** The `test_plan` body of the run, when Terraform got as far as a plan. */
  readonly plan?: Record<string, unknown>;
  readonly diagnostics: readonly TestDiagnostic[];
  /** `test_summary.status`: pass, fail or error; undefined when Terraform stopped before. */
  readonly status?: string;
  readonly terraformVersion?: string;
}

/** Reads the JSON lines of `terraform test -json -verbose`; lines that are not JSON are kept as diagnostics. */
export function readTestOutput(jsonl: string, runName: string): TestOutput {
  let plan: Record<string, unknown> | undefined;
  let status: string | undefined;
  let terraformVersion: string | undefined;
  const diagnostics: TestDiagnostic[] = [];
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      diagnostics.push({ severity: 'error', text: line.trim() });
      continue;
    }
    if (!isObject(message)) continue;
    if (message.type === 'version' && typeof message.terraform === 'string') terraformVersion = message.terraform;
    if (message.type === 'test_plan' && message['@testrun'] === runName && isObject(message.test_plan)) plan = message.test_plan;
    if (message.type === 'test_summary' && isObject(message.test_summary) && typeof message.test_summary.status === 'string') status = message.test_summary.status;
    if (message.type === 'diagnostic' && isObject(message.diagnostic)) {
      const d = message.diagnostic;
      const where = typeof d.address === 'string' ? ` (${d.address})` : '';
      const detail = typeof d.detail === 'string' && d.detail ? `: ${d.detail.replace(/\s+/g, ' ').trim()}` : '';
      diagnostics.push({ severity: String(d.severity ?? 'error'), text: `${String(d.summary ?? '')}${where}${detail}` });
    }
  }
  return { plan, diagnostics, status, terraformVersion };
}

/** The references of a Terraform JSON expression string: `${aws_kms_key.k.arn}` -> `aws_kms_key.k.arn`. */
export function expressionReferences(value: unknown): string[] {
  if (typeof value !== 'string' || !value.includes('${')) return [];
  const refs: string[] = [];
  for (const [, inner] of value.matchAll(/\$\{([^}]*)\}/g)) {
    for (const [ref] of inner.matchAll(/(?<![\w.-])(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?/g)) refs.push(ref);
  }
  return refs;
}

/**
 * `configuration.root_module.resources` as `terraform show -json` gives it, as far
 * as the policy engine reads it: the references of each top-level attribute.
 */
function configurationOf(stack: Record<string, unknown>): Record<string, unknown> {
  const resources: Record<string, unknown>[] = [];
  for (const [type, byName] of Object.entries(isObject(stack.resource) ? stack.resource : {})) {
    for (const [name, body] of Object.entries(isObject(byName) ? byName : {})) {
      const expressions: Record<string, unknown> = {};
      for (const [attr, value] of Object.entries(isObject(body) ? body : {})) {
        const references = expressionReferences(value);
        if (references.length > 0) expressions[attr] = { references };
      }
      resources.push({ address: `${type}.${name}`, mode: 'managed', type, name, expressions });
    }
  }
  return { root_module: { resources } };
}

/**
 * The review plan in `terraform show -json` form, labelled: `planned_values`
 * from each change's `after` (values known only after apply are absent, as in
 * Terraform's own output), `configuration` from the stack.
 */
export function reviewPlanDocument(
  testPlan: Record<string, unknown>,
  stack: Record<string, unknown>,
  mocked: readonly MockedDataSource[],
  terraformVersion?: string,
): Record<string, unknown> {
  const changes = Array.isArray(testPlan.resource_changes) ? testPlan.resource_changes.filter(isObject) : [];
  const resources = changes
    .filter((c) => isObject(c.change) && isObject(c.change.after))
    .map((c) => ({
      address: c.address,
      mode: c.mode,
      type: c.type,
      name: c.name,
      ...(c.index !== undefined ? { index: c.index } : {}),
      provider_name: c.provider_name,
      values: (c.change as Record<string, unknown>).after,
    }));
  return {
    [REVIEW_PLAN_KEY]: {
      label: REVIEW_PLAN_LABEL,
      mocked_values: mocked.map((m) => ({ address: m.address, values: m.values, source: m.source })),
    },
    format_version: typeof testPlan.plan_format_version === 'string' ? testPlan.plan_format_version : '1.2',
    ...(terraformVersion ? { terraform_version: terraformVersion } : {}),
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    output_changes: isObject(testPlan.output_changes) ? testPlan.output_changes : {},
    configuration: configurationOf(stack),
  };
}
