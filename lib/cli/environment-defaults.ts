import type { Blueprint } from '../blueprint/blueprint';

/** Names a Terraform Cloud organization for every blueprint that does not name one. */
export const TFC_ORGANIZATION_ENV = 'HMS_TFC_ORGANIZATION';
/** Terraform Enterprise host for those blueprints. */
export const TFC_HOSTNAME_ENV = 'HMS_TFC_HOSTNAME';

/** Applies the environment's Terraform Cloud organization to blueprints that leave it out. */
export function withEnvironmentDefaults(blueprints: readonly Blueprint[], env: NodeJS.ProcessEnv = process.env): Blueprint[] {
  const organization = env[TFC_ORGANIZATION_ENV];
  if (!organization) return [...blueprints];
  return blueprints.map((bp) =>
    bp.terraformCloud ? bp : { ...bp, terraformCloud: { organization, hostname: env[TFC_HOSTNAME_ENV] ?? 'app.terraform.io', executionMode: 'remote' } },
  );
}
