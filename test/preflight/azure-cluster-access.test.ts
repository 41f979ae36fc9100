import type { SynthesizedStack } from '../../lib/cli/synthesize';
import { AzureCliError } from '../../lib/preflight/azure-cli';
import { azureClusterAccessCheck, type AzureClusterAccessDeps } from '../../lib/preflight/azure-cluster-access';
import { exampleBlueprint } from '../support/synth';

const stack = { stackName: 'dcaa-audit-azure-k8s', cloud: 'azure', layer: 'kubernetes' } as SynthesizedStack;
const blueprint = exampleBlueprint();
const VAULT = '/subscriptions/s/resourceGroups/dcaa-audit-rg/providers/Microsoft.KeyVault/vaults/kv1';
const OUTPUTS = {
  cluster_api_url: 'https://dcaa-audit-abc.privatelink.usgovvirginia.cx.aks.containerservice.azure.us:443',
  cluster_ca_certificate: Buffer.from('-----BEGIN CERTIFICATE-----').toString('base64'),
  key_vault_id: VAULT,
  upstream_username_secret: 'ghcr-io-username',
  upstream_password_secret: 'ghcr-io-password',
};

function deps(d: Partial<AzureClusterAccessDeps> = {}, calls: string[] = []): AzureClusterAccessDeps {
  return {
    az: async (args) => {
      calls.push(args.join(' '));
      return args[0] === 'account' ? { accessToken: 'token' } : { id: args[args.length - 1] };
    },
    reach: async () => ({ ok: true, address: '10.60.0.4' }),
    review: async () => ({ status: 201, allowed: true }),
    sleep: async () => undefined,
    timeoutMs: 1000,
    pollMs: 100,
    ...d,
  };
}
const run = (d: AzureClusterAccessDeps, outputs: Record<string, unknown> | undefined = OUTPUTS) =>
  azureClusterAccessCheck(d).run({ blueprint, stack, outputsOf: (name) => (name === 'dcaa-audit-azure' ? outputs : undefined) });

describe('azureClusterAccessCheck', () => {
  test('applies to Azure Kubernetes stacks only', () => {
    const check = azureClusterAccessCheck(deps());
    expect(check.appliesTo(stack, blueprint)).toBe(true);
    expect(check.appliesTo({ ...stack, layer: 'cloud' }, blueprint)).toBe(false);
  });

  test('API reachable, cluster admin effective, credentials stored: passes, asking with an AKS token and the cluster CA', async () => {
    const calls: string[] = [];
    const reviewed: unknown[] = [];
    const outcome = await run(deps({ review: async (endpoint, ca, token) => (reviewed.push([endpoint, ca.toString(), token]), { status: 201, allowed: true }) }, calls));
    expect(outcome).toEqual({ ok: true });
    expect(reviewed).toEqual([[{ host: 'dcaa-audit-abc.privatelink.usgovvirginia.cx.aks.containerservice.azure.us', port: 443 }, '-----BEGIN CERTIFICATE-----', 'token']]);
    expect(calls).toEqual([
      'account get-access-token --resource 6dae42f8-4368-4678-94ff-3960e28e3630',
      `resource show --ids ${VAULT}/secrets/ghcr-io-username`,
      `resource show --ids ${VAULT}/secrets/ghcr-io-password`,
    ]);
  });

  test('waits while the role assignment propagates, then passes', async () => {
    let n = 0;
    const review = async () => (++n < 3 ? { status: 201, allowed: false, reason: 'no RBAC policy matched' } : { status: 201, allowed: true });
    expect(await run(deps({ review }))).toEqual({ ok: true });
    expect(n).toBe(3);
  });

  test('gives up after the timeout and says what to check', async () => {
    const outcome = await run(deps({ review: async () => ({ status: 201, allowed: false, reason: 'no RBAC policy matched' }) }));
    expect(outcome.message).toMatch(/does not yet let this principal act as cluster admin \(no RBAC policy matched\)[^]*"Azure Kubernetes Service RBAC Cluster Admin" assignment on the cluster, then run hms-sys apply again/);
  });

  test('a refused token is named at once', async () => {
    expect((await run(deps({ review: async () => ({ status: 401, allowed: false }) }))).message).toMatch(/refused this machine's Entra ID token \(401\)/);
  });

  test('an API server this machine cannot resolve or route to: where apply must run', async () => {
    const dns = await run(deps({ reach: async () => ({ ok: false, reason: 'name does not resolve', detail: 'ENOTFOUND' }) }));
    expect(dns.message).toMatch(/is not reachable: this machine does not resolve through the API server's private DNS zone\. Run hms-sys apply in the runner network/);
    const route = await run(deps({ reach: async () => ({ ok: false, address: '10.60.0.4', reason: 'timed out' }) }));
    expect(route.message).toMatch(/has no route to the cluster network \(timed out\)/);
  });

  test('missing upstream credentials: the commands that store them', async () => {
    const az: AzureClusterAccessDeps['az'] = async (args) => {
      if (args[0] === 'account') return { accessToken: 'token' };
      throw new AzureCliError(args, "ERROR: (ResourceNotFound) The Resource 'Microsoft.KeyVault/vaults/kv1/secrets/ghcr-io-password' was not found.");
    };
    const outcome = await run(deps({ az }));
    expect(outcome.message).toMatch(/Key Vault secrets that do not exist yet: ghcr-io-username, ghcr-io-password\. From the runner network, store them \(az keyvault secret set --vault-name kv1 --name ghcr-io-username/);
  });

  test('no outputs from the Azure stack: apply it first', async () => {
    expect((await run(deps(), {})).message).toMatch(/dcaa-audit-azure reported no cluster_api_url and cluster_ca_certificate in this run: apply it first/);
  });
});
