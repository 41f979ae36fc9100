import type { AzureEnvironment } from '../../core/defaults';

/**
 * Private DNS zones of the private endpoints hms-sys creates, per Azure cloud. A name
 * outside its zone resolves to the service's public address, which private-only
 * services refuse, so each zone is linked to every network that must reach the service.
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns#government
 */
export const PRIVATE_DNS_ZONES: Readonly<Record<AzureEnvironment, { keyVault: string; containerRegistry: string; file: string; monitor: readonly string[] }>> = {
  public: {
    keyVault: 'privatelink.vaultcore.azure.net',
    containerRegistry: 'privatelink.azurecr.io',
    file: 'privatelink.file.core.windows.net',
    monitor: [
      'privatelink.monitor.azure.com',
      'privatelink.oms.opinsights.azure.com',
      'privatelink.ods.opinsights.azure.com',
      'privatelink.agentsvc.azure-automation.net',
      'privatelink.blob.core.windows.net',
    ],
  },
  usgovernment: {
    keyVault: 'privatelink.vaultcore.usgovcloudapi.net',
    containerRegistry: 'privatelink.azurecr.us',
    file: 'privatelink.file.core.usgovcloudapi.net',
    monitor: [
      'privatelink.monitor.azure.us',
      'privatelink.oms.opinsights.azure.us',
      'privatelink.ods.opinsights.azure.us',
      'privatelink.agentsvc.azure-automation.us',
      'privatelink.blob.core.usgovcloudapi.net',
    ],
  },
};

/**
 * The zone of a private AKS API server that hms-sys brings itself (instead of
 * `System`), so that it can be linked to the runner network.
 * @see articles/aks/private-clusters.md ("Configure a private DNS zone": privatelink.<region>.azmk8s.io)
 */
export function aksApiServerDnsZone(environment: AzureEnvironment, location: string): string {
  return environment === 'usgovernment' ? `privatelink.${location}.cx.aks.containerservice.azure.us` : `privatelink.${location}.azmk8s.io`;
}

/** Public DNS suffix of Key Vault names, which CNAME to the privatelink zone. */
export const KEY_VAULT_DNS_SUFFIX: Readonly<Record<AzureEnvironment, string>> = {
  public: 'vault.azure.net',
  usgovernment: 'vault.usgovcloudapi.net',
};
