/** Terraform Cloud settings that the blueprint, the stacks and the drift client share. */

export { DEFAULT_TFC_HOSTNAME } from './defaults';

/**
 * The workspaces stack's sensitive variable for the notification webhook, and the
 * environment variable Terraform reads it from when that stack is planned or
 * applied. The URL (often carrying a secret) is never written to cdk.tf.json.
 * @see https://developer.hashicorp.com/terraform/language/values/variables#environment-variables
 */
export const NOTIFICATION_URL_VARIABLE = 'notification_url';
export const NOTIFICATION_URL_ENV = `TF_VAR_${NOTIFICATION_URL_VARIABLE}`;
