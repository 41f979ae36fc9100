/**
 * Reads a Terraform Cloud workspace's latest health assessment (drift detection)
 * through the API, JSON:API documents over HTTPS with a bearer token.
 * @see https://developer.hashicorp.com/terraform/cloud-docs/api-docs/assessment-results
 */
import { UserError } from '../core/errors';
import { readDrift, type DriftedResource } from './resource-drift';

export interface AssessmentClientOptions {
  /** `https://app.terraform.io`, or a Terraform Enterprise address. */
  readonly baseUrl: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
}

export interface Assessment {
  readonly workspace: string;
  readonly drifted: boolean;
  readonly succeeded: boolean;
  readonly createdAt?: string;
  readonly errorMessage?: string;
  readonly drift: readonly DriftedResource[];
}

interface JsonApi<T> {
  data?: { id?: string; attributes?: T };
}

/** The token Terraform itself would use for `hostname` (TF_TOKEN_app_terraform_io), or TFE_TOKEN. */
export function tokenFor(hostname: string, env: NodeJS.ProcessEnv): string | undefined {
  return env[`TF_TOKEN_${hostname.replace(/\./g, '_').replace(/-/g, '__')}`] ?? env.TFE_TOKEN;
}

async function get<T>(options: AssessmentClientOptions, path: string): Promise<T | undefined> {
  const response = await (options.fetch ?? fetch)(`${options.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/vnd.api+json' },
  });
  if (response.status === 404) return undefined;
  if (response.status === 401 || response.status === 403) {
    throw new UserError(`Terraform Cloud refused the token for ${path} (${response.status}); set TF_TOKEN_<host> or TFE_TOKEN to a token that can read the workspace`);
  }
  if (!response.ok) throw new UserError(`Terraform Cloud answered ${response.status} for ${path}`);
  return (await response.json()) as T;
}

/** The latest assessment of `workspace`, or undefined when it has none yet. */
export async function latestAssessment(options: AssessmentClientOptions, organization: string, workspace: string): Promise<Assessment | undefined> {
  const ws = await get<JsonApi<unknown>>(options, `/api/v2/organizations/${encodeURIComponent(organization)}/workspaces/${encodeURIComponent(workspace)}`);
  if (!ws?.data?.id) throw new UserError(`Terraform Cloud has no workspace ${workspace} in ${organization}; apply the workspaces stack (hms-sys-tfc-${organization.toLowerCase()}) first`);
  const result = await get<JsonApi<{ drifted?: boolean; succeeded?: boolean; 'created-at'?: string; 'error-msg'?: string }>>(
    options,
    `/api/v2/workspaces/${ws.data.id}/current-assessment-result`,
  );
  if (!result?.data?.id) return undefined;
  const attributes = result.data.attributes ?? {};
  const drifted = attributes.drifted === true;
  const plan = drifted ? await get<unknown>(options, `/api/v2/assessment-results/${result.data.id}/json-output`) : undefined;
  return {
    workspace,
    drifted,
    succeeded: attributes.succeeded === true,
    createdAt: attributes['created-at'],
    errorMessage: attributes['error-msg'] ?? undefined,
    drift: plan ? readDrift(plan) : [],
  };
}
