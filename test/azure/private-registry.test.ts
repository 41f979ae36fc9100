import { PrivateRegistry, type PrivateRegistryProps } from '../../lib/azure/private-registry';
import { FAKE_VAULT } from '../support/azure-fixtures';
import { onlyResource, resourcesOf, synthConstructs } from '../support/synth';

const BASE: PrivateRegistryProps = {
  name: 'demo',
  resourceGroupName: 'rg',
  location: 'usgovvirginia',
  environment: 'usgovernment',
  privateEndpointSubnetId: 'subnet-pe',
  linkedNetworks: [{ name: 'cluster', virtualNetworkId: 'vnet' }],
  upstreamNamespace: 'ghcr.io/hms',
  upstreamCredentials: 'key-vault',
  keyVault: FAKE_VAULT,
  pullerPrincipalIds: ['kubelet-principal'],
};

describe('azure.PrivateRegistry', () => {
  let registry!: PrivateRegistry;
  const tf = synthConstructs((scope) => {
    registry = new PrivateRegistry(scope, 'acr', BASE);
  });
  const acr = onlyResource(tf, 'azurerm_container_registry');

  test('Premium, no admin user, no anonymous pull, no export, no public network, protected from destroy', () => {
    expect(acr).toMatchObject({
      sku: 'Premium',
      admin_enabled: false,
      anonymous_pull_enabled: false,
      public_network_access_enabled: false,
      export_policy_enabled: false,
      data_endpoint_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
  });

  test('reached through a private endpoint in the Azure Government registry zone', () => {
    expect(onlyResource(tf, 'azurerm_private_endpoint').private_service_connection).toMatchObject({ subresource_names: ['registry'] });
    expect(onlyResource(tf, 'azurerm_private_dns_zone').name).toBe('privatelink.azurecr.us');
  });

  test("a cache rule for the workload's namespace only, signed in with a credential set that reads Key Vault secrets", () => {
    const rule = onlyResource(tf, 'azurerm_container_registry_cache_rule');
    expect(rule).toMatchObject({ name: 'ghcr-io-hms', source_repo: 'ghcr.io/hms/*', target_repo: 'ghcr.io/hms/*' });
    expect(rule.credential_set_id).toMatch(/azurerm_container_registry_credential_set\.\w+\.id/);
    expect(onlyResource(tf, 'azurerm_container_registry_credential_set')).toMatchObject({
      login_server: 'ghcr.io',
      identity: { type: 'SystemAssigned' },
      authentication_credentials: { username_secret_id: 'https://kv.vault.usgovcloudapi.net/secrets/ghcr-io-username', password_secret_id: 'https://kv.vault.usgovcloudapi.net/secrets/ghcr-io-password' },
    });
    expect(rule.depends_on).toEqual([expect.stringMatching(/CredentialsReadSecrets/)]);
  });

  test('the kubelet pulls (AcrPull); the credential set reads secrets (Key Vault Secrets User); nothing else', () => {
    expect(resourcesOf(tf, 'azurerm_role_assignment').map((r) => [r.role_definition_name, r.principal_id])).toEqual(
      expect.arrayContaining([
        ['AcrPull', 'kubelet-principal'],
        ['Key Vault Secrets User', expect.stringMatching(/credential_set\.\w+\.identity\[0\]\.principal_id/)],
      ]),
    );
    expect(resourcesOf(tf, 'azurerm_role_assignment')).toHaveLength(2);
  });

  test('the mirror maps the upstream namespace onto the registry', () => {
    expect(registry.mirror?.upstream).toBe('ghcr.io/hms');
    expect(registry.mirror?.mirror).toMatch(/\/ghcr\.io\/hms$/);
    expect(registry.credentialSecrets).toEqual({ username: 'ghcr-io-username', password: 'ghcr-io-password' });
  });

  test("a bootstrap registry for a network-isolated AKS cluster carries AKS's rule verbatim, and the cluster waits for it", () => {
    let ready = 0;
    const tf2 = synthConstructs((scope) => {
      ready = new PrivateRegistry(scope, 'acr', { ...BASE, upstreamNamespace: undefined, pullerPrincipalIds: undefined, aksBootstrap: true }).bootstrapReady.length;
    });
    expect(onlyResource(tf2, 'azurerm_container_registry_cache_rule')).toMatchObject({ name: 'aks-managed-mcr', source_repo: 'mcr.microsoft.com/*', target_repo: 'aks-managed-repository/*' });
    expect(tf2.resource?.azurerm_container_registry_credential_set).toBeUndefined();
    // The endpoint with its records, the zone link, and the rule.
    expect(ready).toBe(3);
  });

  test('anonymous upstreams need no credential set', () => {
    const tf2 = synthConstructs((scope) => new PrivateRegistry(scope, 'acr', { ...BASE, upstreamCredentials: 'none' }));
    expect(tf2.resource?.azurerm_container_registry_credential_set).toBeUndefined();
    expect(onlyResource(tf2, 'azurerm_container_registry_cache_rule').credential_set_id).toBeUndefined();
  });

  test('a registry the cache cannot mirror gets no rule, and says the image must be imported', () => {
    let cached: boolean | undefined;
    const tf2 = synthConstructs((scope) => {
      cached = new PrivateRegistry(scope, 'acr', { ...BASE, upstreamNamespace: 'registry.agency.gov/apps' }).cached;
    });
    expect(cached).toBe(false);
    expect(tf2.resource?.azurerm_container_registry_cache_rule).toBeUndefined();
  });
});
