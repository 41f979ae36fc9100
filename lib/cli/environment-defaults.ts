/** The environment's defaults for blueprints; they live with the blueprint, which validates them. */
export { TFC_HOSTNAME_ENV, TFC_ORGANIZATION_ENV, withEnvironmentDefaults } from '../blueprint/environment';
