import type { Blueprint } from '../blueprint/blueprint';
import { AZURE_VIRTUAL_NETWORK_ID_PATTERN } from '../blueprint/schema';
import { AGENCY_GATEWAY_TYPES, type AgencyGatewayType } from '../core/defaults';
import { UserError } from '../core/errors';

/** Names a Terraform Cloud organization for every blueprint that does not name one. */
export const TFC_ORGANIZATION_ENV = 'HMS_TFC_ORGANIZATION';
/** Terraform Enterprise host for those blueprints. */
export const TFC_HOSTNAME_ENV = 'HMS_TFC_HOSTNAME';
/** The virtual network Azure applies run from, for blueprints that name none (azure.runnerNetworkId). */
export const AZURE_RUNNER_NETWORK_ENV = 'HMS_AZURE_RUNNER_NETWORK_ID';
/** The hub network with the agency's gateway, and its type, for blueprints that name none (azure.agencyGateway). */
export const AZURE_AGENCY_HUB_NETWORK_ENV = 'HMS_AZURE_AGENCY_HUB_NETWORK_ID';
export const AZURE_AGENCY_GATEWAY_ENV = 'HMS_AZURE_AGENCY_GATEWAY';

/**
 * Applies the environment's site settings to blueprints that leave them out: the
 * Terraform Cloud organization, and where Azure applies run from and the agency
 * network comes in (so that a blueprint stays the same from one site to another).
 */
export function withEnvironmentDefaults(blueprints: readonly Blueprint[], env: NodeJS.ProcessEnv = process.env): Blueprint[] {
  const organization = env[TFC_ORGANIZATION_ENV];
  const runnerNetworkId = azureNetworkId(env, AZURE_RUNNER_NETWORK_ENV);
  const agencyGateway = agencyGatewayOf(env);
  return blueprints.map((bp) => ({
    ...bp,
    terraformCloud: bp.terraformCloud ?? (organization ? { organization, hostname: env[TFC_HOSTNAME_ENV] ?? 'app.terraform.io', executionMode: 'remote' } : undefined),
    azure: {
      ...bp.azure,
      runnerNetworkId: bp.azure.runnerNetworkId ?? runnerNetworkId,
      agencyGateway: bp.azure.agencyGateway ?? agencyGateway,
    },
  }));
}

function azureNetworkId(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!AZURE_VIRTUAL_NETWORK_ID_PATTERN.test(value)) {
    throw new UserError(`${name}: ${JSON.stringify(value)} is not a virtual network id; set it to /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>, or unset it`);
  }
  return value;
}

function agencyGatewayOf(env: NodeJS.ProcessEnv): Blueprint['azure']['agencyGateway'] {
  const hubNetworkId = azureNetworkId(env, AZURE_AGENCY_HUB_NETWORK_ENV);
  const type = env[AZURE_AGENCY_GATEWAY_ENV];
  if (!hubNetworkId && !type) return undefined;
  if (!hubNetworkId || !(AGENCY_GATEWAY_TYPES as readonly string[]).includes(type ?? '')) {
    throw new UserError(
      `${AZURE_AGENCY_HUB_NETWORK_ENV} and ${AZURE_AGENCY_GATEWAY_ENV} go together: the hub network id, and ${AGENCY_GATEWAY_TYPES.join(' or ')}; received ${JSON.stringify(hubNetworkId ?? '')} and ${JSON.stringify(type ?? '')}`,
    );
  }
  return { hubNetworkId, type: type as AgencyGatewayType };
}
