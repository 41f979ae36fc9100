/**
 * Before the Azure Kubernetes stack: can this machine use the cluster the Azure stack
 * just made? Its API server is private (a private DNS zone linked to the runner network,
 * reached over the peering); it authorizes with Azure RBAC, whose role assignments take
 * minutes to reach the cluster; and the workload image comes through the registry
 * cache, whose upstream credentials the operator stores in Key Vault by hand.
 */
import { request } from 'node:https';
import { AKS_ENTRA_SERVER_ID } from '../azure/private/aks-entra';
import { azureCli, AzureCliError, type AzureCli } from './azure-cli';
import { checkReachable, type Reachability } from './endpoint-reachable';
import type { PreflightCheck, PreflightOutcome } from './preflight';

/** Role assignments reach AKS's authorizer in a few minutes; give them this long. */
export const RBAC_PROPAGATION_TIMEOUT_MS = 10 * 60 * 1000;
export const RBAC_PROPAGATION_POLL_MS = 15 * 1000;

/** Asks the API server whether the caller may do everything (a SelfSubjectAccessReview). */
export type AccessReview = (endpoint: ApiEndpoint, caPem: Buffer, token: string) => Promise<{ status: number; allowed: boolean; reason?: string }>;

/** Where the API server listens: the cluster's kube_config host, `https://<private fqdn>:443`. */
export interface ApiEndpoint {
  readonly host: string;
  readonly port: number;
}

function endpointOf(url: unknown): ApiEndpoint | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const u = new URL(url);
    return u.hostname ? { host: u.hostname, port: u.port ? Number(u.port) : 443 } : undefined;
  } catch {
    return undefined;
  }
}

export interface AzureClusterAccessDeps {
  readonly az: AzureCli;
  readonly reach: (host: string, port: number) => Promise<Reachability>;
  readonly review: AccessReview;
  readonly sleep: (ms: number) => Promise<void>;
  readonly timeoutMs: number;
  readonly pollMs: number;
}

const DEFAULT_DEPS: AzureClusterAccessDeps = {
  az: azureCli,
  reach: checkReachable,
  review: selfSubjectAccessReview,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  timeoutMs: RBAC_PROPAGATION_TIMEOUT_MS,
  pollMs: RBAC_PROPAGATION_POLL_MS,
};

const fail = (message: string): PreflightOutcome => ({ ok: false, message });

/** The check `hms-sys apply` runs before each Azure Kubernetes stack. */
export function azureClusterAccessCheck(deps: AzureClusterAccessDeps = DEFAULT_DEPS): PreflightCheck {
  return {
    name: 'AKS API reachable, cluster admin granted, registry credentials stored',
    appliesTo: (stack) => stack.cloud === 'azure' && stack.layer === 'kubernetes',
    run: async ({ blueprint, stack, outputsOf }) => {
      const cloudStack = stack.stackName.replace(/-k8s$/, '');
      const out = outputsOf(cloudStack);
      const endpoint = endpointOf(out?.cluster_api_url);
      const ca = typeof out?.cluster_ca_certificate === 'string' ? out.cluster_ca_certificate : undefined;
      if (!endpoint || !ca) return fail(`${cloudStack} reported no cluster_api_url and cluster_ca_certificate in this run: apply it first (hms-sys apply ${blueprint.name} applies it before ${stack.stackName})`);
      const reach = await deps.reach(endpoint.host, endpoint.port);
      if (!reach.ok) {
        const why =
          reach.reason === 'name does not resolve'
            ? "this machine does not resolve through the API server's private DNS zone"
            : `this machine has no route to the cluster network (${reach.reason}${reach.detail ? `, ${reach.detail}` : ''})`;
        return fail(`the private API server ${endpoint.host}:${endpoint.port} is not reachable: ${why}. Run hms-sys apply in the runner network (azure.runnerNetworkId), which ${cloudStack} peers and links to that zone`);
      }
      try {
        const token = (await deps.az(['account', 'get-access-token', '--resource', AKS_ENTRA_SERVER_ID])) as { accessToken?: string };
        const access = await waitForClusterAdmin(endpoint, Buffer.from(ca, 'base64'), String(token?.accessToken ?? ''), deps);
        if (!access.ok) return access;
        return await upstreamCredentials(out ?? {}, deps);
      } catch (e) {
        if (e instanceof AzureCliError) return fail(`${e.message}; sign in with az login`);
        throw e;
      }
    },
  };
}

async function waitForClusterAdmin(endpoint: ApiEndpoint, ca: Buffer, token: string, deps: AzureClusterAccessDeps): Promise<PreflightOutcome> {
  const host = endpoint.host;
  const deadline = Date.now() + deps.timeoutMs;
  let last: Awaited<ReturnType<AccessReview>>;
  for (;;) {
    last = await deps.review(endpoint, ca, token);
    if (last.status === 201 && last.allowed) return { ok: true };
    if (last.status === 401) return fail(`the API server ${host} refused this machine's Entra ID token (401): sign in with az login as the principal that applied the Azure stack`);
    if (Date.now() + deps.pollMs > deadline) break;
    await deps.sleep(deps.pollMs);
  }
  return fail(
    `the cluster does not yet let this principal act as cluster admin (${last.reason ?? `HTTP ${last.status}`}) ${Math.round(deps.timeoutMs / 60000)} minutes after the role assignment: Azure RBAC assignments usually reach AKS within minutes; check the "Azure Kubernetes Service RBAC Cluster Admin" assignment on the cluster, then run hms-sys apply again (the Azure stack will have nothing to change)`,
  );
}

async function upstreamCredentials(out: Readonly<Record<string, unknown>>, deps: AzureClusterAccessDeps): Promise<PreflightOutcome> {
  const vault = typeof out.key_vault_id === 'string' ? out.key_vault_id : undefined;
  const secrets = [out.upstream_username_secret, out.upstream_password_secret].filter((s): s is string => typeof s === 'string');
  if (!vault || secrets.length === 0) return { ok: true };
  const missing: string[] = [];
  for (const name of secrets) {
    try {
      // Through Azure Resource Manager: secret metadata, never its value, and no data-plane call.
      await deps.az(['resource', 'show', '--ids', `${vault}/secrets/${name}`]);
    } catch (e) {
      if (e instanceof AzureCliError && e.notFound) missing.push(name);
      else throw e;
    }
  }
  if (missing.length === 0) return { ok: true };
  const vaultName = vault.split('/').pop();
  return fail(
    `the registry cache signs in to the upstream registry with Key Vault secrets that do not exist yet: ${missing.join(', ')}. From the runner network, store them (az keyvault secret set --vault-name ${vaultName} --name ${missing[0]} --value <...> --expires <date>; your principal needs Key Vault Secrets Officer on the vault), then run hms-sys apply again`,
  );
}

/** POST a SelfSubjectAccessReview for every verb on every resource, trusting only the cluster's CA. */
export function selfSubjectAccessReview(endpoint: ApiEndpoint, caPem: Buffer, token: string): Promise<{ status: number; allowed: boolean; reason?: string }> {
  const body = JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: '*', group: '*', resource: '*' } } });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: endpoint.host, port: endpoint.port, method: 'POST', path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', ca: caPem, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, timeout: 10_000 },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          try {
            const parsed = JSON.parse(text) as { status?: { allowed?: boolean; reason?: string }; message?: string };
            resolve({ status: res.statusCode ?? 0, allowed: parsed.status?.allowed === true, reason: parsed.status?.reason ?? parsed.message });
          } catch {
            resolve({ status: res.statusCode ?? 0, allowed: false, reason: text.slice(0, 200) });
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}
