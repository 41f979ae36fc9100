/**
 * Defaults that come from the environment rather than from a blueprint: a
 * Terraform Cloud organization (and host) for every blueprint that names no place
 * for its state. They reach Terraform as the blueprint's own fields do, so they are
 * validated by the same schema, and a refusal names the variable.
 */
import { BlueprintError } from '../core/errors';
import type { Blueprint, TerraformCloudSettings } from './blueprint';
import { TerraformCloud } from './schema';

/** Names a Terraform Cloud organization for every blueprint that does not name one. */
export const TFC_ORGANIZATION_ENV = 'HMS_TFC_ORGANIZATION';
/** Terraform Enterprise host for those blueprints. */
export const TFC_HOSTNAME_ENV = 'HMS_TFC_HOSTNAME';

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
 * no place for their state (neither terraformCloud nor stateBucket).
 */
export function withEnvironmentDefaults(blueprints: readonly Blueprint[], env: NodeJS.ProcessEnv = process.env): Blueprint[] {
  const terraformCloud = environmentTerraformCloud(env);
  if (!terraformCloud) return [...blueprints];
  const at = (variable: string) => ({ file: `$${variable}`, line: 0, column: 0 });
  return blueprints.map((bp) =>
    bp.terraformCloud || bp.stateBucket
      ? bp
      : { ...bp, terraformCloud, locations: { ...bp.locations, 'terraformCloud.organization': at(TFC_ORGANIZATION_ENV), 'terraformCloud.hostname': at(TFC_HOSTNAME_ENV) } },
  );
}
