/**
 * Reads a Terraform Cloud workspace's latest health assessment (drift detection)
 * through the API, JSON:API documents over HTTPS with a bearer token.
 * @see https://developer.hashicorp.com/terraform/cloud-docs/api-docs/assessment-results
 */
import { ToolchainError, UserError } from '../core/errors';
import { DEFAULT_TFC_HOSTNAME } from '../core/terraform-cloud';
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


/** How Terraform names the variable that holds a host's token: dots as `_`, dashes as `__`. */
function tokenVariableFor(hostname: string): string {
  return `TF_TOKEN_${hostname.replace(/-/g, '__').replace(/\./g, '_')}`;
}

/**
 * The API token for `hostname`, sent to that host only.
 *
 * 1. `TF_TOKEN_<host>`, decoded as Terraform decodes it (`__` is `-`, `_` is `.`,
 *    case-insensitive): the token issued for exactly this host.
 *    @see https://developer.hashicorp.com/terraform/cli/config/config-file#environment-variable-credentials
 * 2. `TFE_TOKEN`, the tfe provider's variable, only for the host it pairs with:
 *    `TFE_HOSTNAME`, or app.terraform.io when that is unset.
 *    @see https://registry.terraform.io/providers/hashicorp/tfe/latest/docs#argument-reference
 *
 * A blueprint names `terraformCloud.hostname`; whoever writes a blueprint must not
 * be able to make hms-sys send the runner's TFE_TOKEN to a host of their choosing.
 */
export function tokenFor(hostname: string, env: NodeJS.ProcessEnv): string | undefined {
  const wanted = hostname.toLowerCase();
  for (const [name, value] of Object.entries(env)) {
    if (!value || !/^TF_TOKEN_/i.test(name)) continue;
    const host = name.slice('TF_TOKEN_'.length).replace(/__/g, '-').replace(/_/g, '.').toLowerCase();
    if (host === wanted) return value;
  }
  const pairedHost = (env.TFE_HOSTNAME || DEFAULT_TFC_HOSTNAME).toLowerCase();
  return pairedHost === wanted ? env.TFE_TOKEN || undefined : undefined;
}

/** What to set so that `hostname` has a token, for error messages. */
export function tokenAdvice(hostname: string): string {
  const paired = hostname.toLowerCase() === DEFAULT_TFC_HOSTNAME ? ' or TFE_TOKEN' : ` (TFE_TOKEN is sent to ${hostname} only when TFE_HOSTNAME=${hostname})`;
  return `set ${tokenVariableFor(hostname)}${paired}`;
}

/**
 * GETs an API path with the token. Redirects are not followed with it: the
 * json-output endpoints answer 307 with a signed download URL on another host
 * (Terraform Cloud's archivist), which is fetched without the token, so the token
 * never leaves `baseUrl`.
 */
async function get<T>(options: AssessmentClientOptions, path: string): Promise<T | undefined> {
  const request = async (url: string, headers: Record<string, string>, attempt = 1): Promise<Response> => {
    try {
      return await (options.fetch ?? fetch)(url, { headers, redirect: 'manual' });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      // A kept-alive connection the server closed meanwhile: a GET is safe to send once more.
      if (cause?.code === 'ECONNRESET' && attempt === 1) return request(url, headers, 2);
      throw new ToolchainError(`cannot reach ${new URL(url).origin} (${cause?.code ?? cause?.message ?? (e as Error).message}); check terraformCloud.hostname and the network path from this machine`);
    }
  };
  let response = await request(`${options.baseUrl}${path}`, { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/vnd.api+json' });
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) response = await request(new URL(location, options.baseUrl).toString(), {});
  if (response.status === 404) return undefined;
  if (response.status === 401 || response.status === 403) {
    throw new ToolchainError(`Terraform Cloud refused the token for ${path} (${response.status}); set TF_TOKEN_<host> to a token that can read the workspace`);
  }
  if (!response.ok) throw new ToolchainError(`Terraform Cloud answered ${response.status} for ${path}`);
  try {
    return (await response.json()) as T;
  } catch {
    throw new ToolchainError(`Terraform Cloud answered ${path} with something that is not JSON; check terraformCloud.hostname`);
  }
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
