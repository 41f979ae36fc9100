import { isObject } from './values';

/**
 * The resource model every rule reads: Terraform resources with their attributes
 * as they appear in Terraform JSON (snake_case), whichever source they came from:
 * a CDKTF stack, a cdk.tf.json file, HCL converted to JSON, or a plan.
 */

/** A reason, given in code or a blueprint, to accept a rule's finding on a resource. */
export interface Acknowledgement {
  readonly ruleId: string;
  readonly reason: string;
}

export interface TfResource {
  readonly type: string;
  readonly name: string;
  /** `type.name`, the Terraform address. */
  readonly address: string;
  readonly values: Readonly<Record<string, unknown>>;
  /** The construct path (`stack/network/Resource`) when CDKTF made the resource. */
  readonly constructPath?: string;
  readonly acknowledgements: readonly Acknowledgement[];
}

export interface TfDocument {
  /** The stack name, or the file or folder scanned. */
  readonly name: string;
  readonly source: string;
  readonly resources: readonly TfResource[];
  /** Resources by Terraform type, so rules are only offered the types they apply to. */
  readonly byType: ReadonlyMap<string, readonly TfResource[]>;
}

/** Key under a resource's `//` metadata where hms-sys records acknowledgements. */
export const ACK_METADATA_KEY = 'hms-sys:acknowledgements';

export function makeDocument(name: string, source: string, resources: TfResource[]): TfDocument {
  const byType = new Map<string, TfResource[]>();
  for (const r of resources) {
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  return { name, source, resources, byType };
}

type JsonObject = Record<string, unknown>;

/**
 * Reads Terraform JSON: `resource.<type>.<name>` holding an object (cdk.tf.json)
 * or a list of objects (HCL converted by hcl2json).
 */
export function fromTerraformJson(json: unknown, name: string, source: string): TfDocument {
  const resources: TfResource[] = [];
  const byType = isObject(json) && isObject(json.resource) ? json.resource : {};
  for (const [type, byName] of Object.entries(byType)) {
    if (!isObject(byName)) continue;
    for (const [resourceName, body] of Object.entries(byName)) {
      const values = Array.isArray(body) ? body[0] : body;
      if (!isObject(values)) continue;
      const meta = isObject(values['//']) ? values['//'] : {};
      const metadata = isObject(meta.metadata) ? meta.metadata : {};
      resources.push({
        type,
        name: resourceName,
        address: `${type}.${resourceName}`,
        values,
        constructPath: typeof metadata.path === 'string' ? metadata.path : undefined,
        acknowledgements: readAcknowledgements(meta[ACK_METADATA_KEY]),
      });
    }
  }
  return makeDocument(name, source, resources);
}

function readAcknowledgements(value: unknown): Acknowledgement[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (a): a is Acknowledgement => isObject(a) && typeof a.ruleId === 'string' && typeof a.reason === 'string',
  );
}

interface PlanResource {
  address?: string;
  mode?: string;
  type?: string;
  name?: string;
  values?: JsonObject;
}

interface PlanModule {
  resources?: PlanResource[];
  child_modules?: PlanModule[];
}

interface PlanConfigResource {
  address?: string;
  expressions?: Record<string, { references?: string[] }>;
}

/**
 * Reads `terraform show -json` of a plan. Values known only after apply are
 * absent from `planned_values`; where the configuration shows a reference, the
 * reference is put back as `${address}` so rules treat it as they do in cdk.tf.json.
 */
export function fromPlanJson(plan: unknown, name: string, source: string): TfDocument {
  const root = isObject(plan) && isObject(plan.planned_values) ? (plan.planned_values.root_module as PlanModule) : undefined;
  const configResources =
    isObject(plan) && isObject(plan.configuration) && isObject(plan.configuration.root_module)
      ? ((plan.configuration.root_module as { resources?: PlanConfigResource[] }).resources ?? [])
      : [];
  const expressions = new Map(configResources.map((r) => [r.address ?? '', r.expressions ?? {}]));
  const resources: TfResource[] = [];
  const visit = (mod: PlanModule | undefined): void => {
    for (const r of mod?.resources ?? []) {
      if (r.mode !== 'managed' || !r.type || !r.name || !r.address) continue;
      const values: JsonObject = { ...(r.values ?? {}) };
      for (const [attr, expr] of Object.entries(expressions.get(r.address.replace(/\[[^\]]*\]$/, '')) ?? {})) {
        const ref = expr.references?.[0];
        if ((values[attr] === undefined || values[attr] === null) && ref) values[attr] = `\${${ref}}`;
      }
      resources.push({ type: r.type, name: r.name, address: r.address, values, acknowledgements: [] });
    }
    for (const child of mod?.child_modules ?? []) visit(child);
  };
  visit(root);
  return makeDocument(name, source, resources);
}
