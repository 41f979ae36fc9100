import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { ContainerRegistryCacheRule } from '@cdktf/provider-azurerm/lib/container-registry-cache-rule';
import { ContainerRegistryCredentialSet } from '@cdktf/provider-azurerm/lib/container-registry-credential-set';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { ACR_CACHE_UPSTREAMS, type UpstreamCredentials } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import type { ImageMirror } from '../k8s/target';
import type { IKeyVault } from './key-vault';
import { PrivateLink, type PrivateServiceProps } from './private-link';
import { AzureContext } from './private/azure-context';
import { PRIVATE_DNS_ZONES } from './private/dns-zones';

export interface PrivateRegistryProps extends PrivateServiceProps {
  /**
   * The repository namespace the cache mirrors, `registry/path` of the workload image
   * without its last segment, e.g. `ghcr.io/hms` for `ghcr.io/hms/dcaa-audit:v1.0`.
   * @default - no workload mirror
   */
  readonly upstreamNamespace?: string;
  /**
   * `key-vault`: a credential set reads the upstream username and token from the vault;
   * `none`: anonymous pulls.
   * @default 'key-vault'
   */
  readonly upstreamCredentials?: UpstreamCredentials;
  /** Vault that holds the upstream credential secrets. */
  readonly keyVault: IKeyVault;
  /**
   * Principals that pull images: AcrPull on the registry.
   * @default - none (a SecureCluster grants its kubelet identity itself)
   */
  readonly pullerPrincipalIds?: readonly string[];
  /**
   * Serve a network-isolated AKS cluster's own images too: the `aks-managed-mcr` cache
   * rule that AKS requires of a bring-your-own bootstrap registry.
   * @default false
   */
  readonly aksBootstrap?: boolean;
}

/**
 * The cache rule AKS requires, verbatim, of a registry that bootstraps a network-isolated
 * cluster ("This cache rule should NOT be modified").
 * @see articles/aks/network-isolated.md ("Step 3: Create the ACR and enable artifact cache")
 */
export const AKS_BOOTSTRAP_CACHE_RULE = { name: 'aks-managed-mcr', sourceRepo: 'mcr.microsoft.com/*', targetRepo: 'aks-managed-repository/*' } as const;

/** Names of the Key Vault secrets the credential set reads, which the operator stores. */
export function upstreamSecretNames(upstreamRegistry: string): { username: string; password: string } {
  const slug = upstreamRegistry.replace(/[^a-z0-9]+/g, '-');
  return { username: `${slug}-username`, password: `${slug}-password` };
}

/**
 * A Premium Azure Container Registry that is the cluster's only image source (AKS's own
 * images through the `aks-managed-mcr` rule, when it bootstraps the cluster): reachable only through a private endpoint (SC-7), no
 * admin user, no anonymous pulls, no export (exfiltration), dedicated data endpoints,
 * and an artifact cache rule that pulls the workload's repository namespace from its
 * upstream registry on first use, signing in with a credential set whose username
 * and token are Key Vault secrets the operator stores (IA-5: no credential in state).
 * Nodes pull with the kubelet identity (AcrPull), never with a password.
 *
 * Encryption at rest uses Microsoft-managed keys: a registry can only be created with a
 * customer-managed key when its key vault admits it, and this vault admits no public
 * traffic, while a registry's encryption identity is not honored as a trusted service at
 * creation (MicrosoftDocs/azure-docs#61064; Microsoft's procedure enables the vault
 * firewall only after the registry exists). The registry holds copies of container
 * images, not agency data; see docs/DEPLOYMENT-REVIEW.md.
 * @see https://learn.microsoft.com/azure/container-registry/container-registry-private-link
 * @see https://learn.microsoft.com/azure/container-registry/artifact-cache-overview
 */
export class PrivateRegistry extends Construct {
  public readonly registryId: string;
  public readonly loginServer: string;
  /** Where the workload's upstream namespace is mirrored: give it to `IKubernetesTarget.imageMirrors`. */
  public readonly mirror?: ImageMirror;
  /** What a cluster bootstrapping from this registry waits for: its private endpoint, DNS records and links, and the AKS cache rule. */
  public readonly bootstrapReady: readonly ITerraformDependable[];
  /**
   * True when the artifact cache pulls the namespace itself; false for registries it
   * cannot mirror, whose images the operator imports (`az acr import`) before the
   * Kubernetes stack runs.
   */
  public readonly cached: boolean;
  /** Secret names the operator must store when the upstream needs credentials. */
  public readonly credentialSecrets?: { readonly username: string; readonly password: string };

  constructor(scope: Construct, id: string, props: PrivateRegistryProps) {
    super(scope, id);
    const namespace = props.upstreamNamespace;
    const upstreamRegistry = namespace?.split('/')[0] ?? '';
    new PropsValidator('azure.PrivateRegistry', this.node.path)
      .check(namespace === undefined || /^[a-z0-9.-]+(:[0-9]+)?\/[a-z0-9._/-]+$|^[a-z0-9.-]+\.[a-z]+$/.test(namespace), `upstreamNamespace (${namespace}) must be registry/path, e.g. ghcr.io/hms`)
      .throwIfAny();
    this.cached = namespace !== undefined && (ACR_CACHE_UPSTREAMS as readonly string[]).includes(upstreamRegistry);
    const ctx = AzureContext.of(this);
    const registry = new ContainerRegistry(this, 'Resource', {
      name: ctx.globalName('acr', `${props.name}/registry`, 24),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'Premium',
      adminEnabled: false,
      anonymousPullEnabled: false,
      publicNetworkAccessEnabled: false,
      exportPolicyEnabled: false,
      dataEndpointEnabled: true,
      // Trusted Azure services (e.g. Defender's registry scanning) keep access.
      networkRuleBypassOption: 'AzureServices',
      lifecycle: { preventDestroy: true },
    });
    const link = new PrivateLink(this, 'PrivateLink', {
      name: `${props.name}-registry`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.privateEndpointSubnetId,
      resourceId: registry.id,
      subresource: 'registry',
      dnsZoneNames: [PRIVATE_DNS_ZONES[props.environment].containerRegistry],
      linkedNetworks: props.linkedNetworks,
    });

    const bootstrapRule =
      props.aksBootstrap &&
      new ContainerRegistryCacheRule(this, 'AksBootstrapRule', { containerRegistryId: registry.id, ...AKS_BOOTSTRAP_CACHE_RULE });
    const ruleName = (namespace ?? '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 49);
    let credentialSetId: string | undefined;
    let credentialsReadable: RoleAssignment | undefined;
    if (this.cached && (props.upstreamCredentials ?? 'key-vault') === 'key-vault') {
      this.credentialSecrets = upstreamSecretNames(upstreamRegistry);
      const credentials = new ContainerRegistryCredentialSet(this, 'Credentials', {
        name: upstreamRegistry.replace(/[^a-zA-Z0-9]+/g, '-'),
        containerRegistryId: registry.id,
        loginServer: upstreamRegistry,
        identity: { type: 'SystemAssigned' },
        authenticationCredentials: {
          usernameSecretId: `${props.keyVault.vaultUri}secrets/${this.credentialSecrets.username}`,
          passwordSecretId: `${props.keyVault.vaultUri}secrets/${this.credentialSecrets.password}`,
        },
      });
      // Secrets cannot be a role scope before they exist; the vault holds only keys and these.
      credentialsReadable = new RoleAssignment(this, 'CredentialsReadSecrets', {
        scope: props.keyVault.keyVaultId,
        roleDefinitionName: 'Key Vault Secrets User',
        principalId: credentials.identity.principalId,
      });
      credentialSetId = credentials.id;
    }
    if (this.cached) {
      // Repository-level wildcard: the workload's namespace only, not the whole upstream (CM-7(5)).
      new ContainerRegistryCacheRule(this, 'CacheRule', {
        name: ruleName.length >= 5 ? ruleName : `${ruleName}-cache`,
        containerRegistryId: registry.id,
        sourceRepo: `${namespace}/*`,
        targetRepo: `${namespace}/*`,
        credentialSetId,
        dependsOn: credentialsReadable ? [credentialsReadable] : undefined,
      });
    }
    (props.pullerPrincipalIds ?? []).forEach((principalId, i) => new RoleAssignment(this, `Pull${i}`, { scope: registry.id, roleDefinitionName: 'AcrPull', principalId }));

    this.registryId = registry.id;
    this.loginServer = registry.loginServer;
    this.mirror = namespace ? { upstream: namespace, mirror: `${registry.loginServer}/${namespace}` } : undefined;
    this.bootstrapReady = [...link.ready, ...(bootstrapRule ? [bootstrapRule] : [])];
  }
}
