/**
 * Defaults that come from the environment rather than from a blueprint: a
 * Terraform Cloud organization (and host) for every blueprint that names no place
 * for its state, and the Azure site (where applies run from, where the agency network
 * comes in), so that a blueprint stays the same from one site to another. They reach
 * Terraform as the blueprint's own fields do, so they are validated like them, and a
 * refusal names the variable.
 */
import { AGENCY_GATEWAY_TYPES, type AgencyGatewayType } from '../core/defaults';
import { BlueprintError } from '../core/errors';
import type { Blueprint, TerraformCloudSettings } from './blueprint';
import { Aws, AZURE_VIRTUAL_NETWORK_ID_PATTERN, TerraformCloud } from './schema';

/** Names a Terraform Cloud organization for every blueprint that does not name one. */
export const TFC_ORGANIZATION_ENV = 'HMS_TFC_ORGANIZATION';
/** Terraform Enterprise host for those blueprints. */
export const TFC_HOSTNAME_ENV = 'HMS_TFC_HOSTNAME';
/** The virtual network Azure applies run from, for blueprints that name none (azure.runnerNetworkId). */
export const AZURE_RUNNER_NETWORK_ENV = 'HMS_AZURE_RUNNER_NETWORK_ID';
/** The hub network with the agency's gateway, and its type, for blueprints that name none (azure.agencyGateway). */
export const AZURE_AGENCY_HUB_NETWORK_ENV = 'HMS_AZURE_AGENCY_HUB_NETWORK_ID';
export const AZURE_AGENCY_GATEWAY_ENV = 'HMS_AZURE_AGENCY_GATEWAY';

/** The agency's transit gateway, for AWS blueprints that name none (aws.transitGatewayId). */
export const AWS_TRANSIT_GATEWAY_ENV = 'HMS_AWS_TRANSIT_GATEWAY_ID';
/** The operator networks (comma-separated CIDRs), for AWS blueprints that name none (aws.operatorCidrs). */
export const AWS_OPERATOR_CIDRS_ENV = 'HMS_AWS_OPERATOR_CIDRS';

const refuse = (variable: string, message: string) => new BlueprintError([{ file: `$${variable}`, line: 0, column: 0, path: '', message: `${message} (from the environment variable ${variable})` }]);

function azureNetworkId(env: NodeJS.ProcessEnv, variable: string): string | undefined {
  const value = env[variable];
  if (value === undefined || value === '') return undefined;
  if (!AZURE_VIRTUAL_NETWORK_ID_PATTERN.test(value)) {
    throw refuse(variable, `${JSON.stringify(value)} is not a virtual network id; set it to /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>, or unset it`);
  }
  return value;
}

function agencyGatewayOf(env: NodeJS.ProcessEnv): Blueprint['azure']['agencyGateway'] {
  const hubNetworkId = azureNetworkId(env, AZURE_AGENCY_HUB_NETWORK_ENV);
  const type = env[AZURE_AGENCY_GATEWAY_ENV] || undefined;
  if (!hubNetworkId && !type) return undefined;
  if (!hubNetworkId || !(AGENCY_GATEWAY_TYPES as readonly string[]).includes(type ?? '')) {
    throw refuse(
      hubNetworkId ? AZURE_AGENCY_GATEWAY_ENV : AZURE_AGENCY_HUB_NETWORK_ENV,
      `${AZURE_AGENCY_HUB_NETWORK_ENV} and ${AZURE_AGENCY_GATEWAY_ENV} go together: the hub network id, and ${AGENCY_GATEWAY_TYPES.join(' or ')}; received ${JSON.stringify(hubNetworkId ?? '')} and ${JSON.stringify(type ?? '')}`,
    );
  }
  return { hubNetworkId, type: type as AgencyGatewayType };
}

/** The AWS site (transit gateway, operator networks) the environment names, validated by the blueprint's own rules. */
function awsSiteOf(env: NodeJS.ProcessEnv): { transitGatewayId?: string; operatorCidrs?: string[] } {
  const site: { transitGatewayId?: string; operatorCidrs?: string[] } = {};
  const transitGatewayId = env[AWS_TRANSIT_GATEWAY_ENV];
  if (transitGatewayId) {
    const result = Aws.shape.transitGatewayId.safeParse(transitGatewayId);
    if (!result.success) throw refuse(AWS_TRANSIT_GATEWAY_ENV, `${result.error.issues[0].message}; or unset it`);
    site.transitGatewayId = transitGatewayId;
  }
  const operatorCidrs = env[AWS_OPERATOR_CIDRS_ENV];
  if (operatorCidrs) {
    const list = operatorCidrs.split(',').map((c) => c.trim());
    const result = Aws.shape.operatorCidrs.safeParse(list);
    if (!result.success) throw refuse(AWS_OPERATOR_CIDRS_ENV, `${result.error.issues[0].message}; give comma-separated networks, e.g. 10.20.0.0/24,10.21.0.0/24, or unset it`);
    site.operatorCidrs = list;
  }
  return site;
}

/** The Terraform Cloud settings the environment asks for, validated; undefined when it asks for none. */
function environmentTerraformCloud(env: NodeJS.ProcessEnv): TerraformCloudSettings | undefined {
  const organization = env[TFC_ORGANIZATION_ENV];
  if (!organization) return undefined;
  const hostname = env[TFC_HOSTNAME_ENV] || undefined;
  const result = TerraformCloud.safeParse({ organization, hostname });
  if (!result.success) {
    throw new BlueprintError(
      result.error.issues.map((issue) => {
        const variable = issue.path[0] === 'hostname' ? TFC_HOSTNAME_ENV : TFC_ORGANIZATION_ENV;
        return { file: `$${variable}`, line: 0, column: 0, path: '', message: `${issue.message} (from the environment variable ${variable})` };
      }),
    );
  }
  return result.data;
}

/**
 * Applies the environment's Terraform Cloud organization to blueprints that name
 * no place for their state (neither terraformCloud nor stateBucket), its Azure
 * runner network and agency gateway, and its AWS transit gateway and operator
 * networks, to blueprints that name none.
 */
export function withEnvironmentDefaults(blueprints: readonly Blueprint[], env: NodeJS.ProcessEnv = process.env): Blueprint[] {
  const terraformCloud = environmentTerraformCloud(env);
  const runnerNetworkId = azureNetworkId(env, AZURE_RUNNER_NETWORK_ENV);
  const agencyGateway = agencyGatewayOf(env);
  const awsSite = awsSiteOf(env);
  if (!terraformCloud && !runnerNetworkId && !agencyGateway && !awsSite.transitGatewayId && !awsSite.operatorCidrs) return [...blueprints];
  const at = (variable: string) => ({ file: `$${variable}`, line: 0, column: 0 });
  return blueprints.map((bp) => {
    let out = bp;
    if (terraformCloud && !bp.terraformCloud && !bp.stateBucket) {
      out = { ...out, terraformCloud, locations: { ...out.locations, 'terraformCloud.organization': at(TFC_ORGANIZATION_ENV), 'terraformCloud.hostname': at(TFC_HOSTNAME_ENV) } };
    }
    if (runnerNetworkId && !bp.azure.runnerNetworkId) {
      out = { ...out, azure: { ...out.azure, runnerNetworkId }, locations: { ...out.locations, 'azure.runnerNetworkId': at(AZURE_RUNNER_NETWORK_ENV) } };
    }
    if (agencyGateway && !bp.azure.agencyGateway) {
      out = { ...out, azure: { ...out.azure, agencyGateway }, locations: { ...out.locations, 'azure.agencyGateway': at(AZURE_AGENCY_HUB_NETWORK_ENV) } };
    }
    if (awsSite.transitGatewayId && !bp.aws.transitGatewayId) {
      out = { ...out, aws: { ...out.aws, transitGatewayId: awsSite.transitGatewayId }, locations: { ...out.locations, 'aws.transitGatewayId': at(AWS_TRANSIT_GATEWAY_ENV) } };
    }
    if (awsSite.operatorCidrs && bp.aws.operatorCidrs.length === 0) {
      out = { ...out, aws: { ...out.aws, operatorCidrs: awsSite.operatorCidrs }, locations: { ...out.locations, 'aws.operatorCidrs': at(AWS_OPERATOR_CIDRS_ENV) } };
    }
    return out;
  });
}
