/**
 * The names of the stacks hms-sys generates, in one place: `stacks/app.ts` builds
 * them, and validation finds two blueprints whose stacks would share a name before
 * synth does (CDKTF would stop with "There is already a Construct with name").
 */
import type { Cloud } from './defaults';

/** The cloud stack of a blueprint on one cloud: `<name>-aws`. */
export function cloudStackName(blueprint: string, cloud: Cloud): string {
  return `${blueprint}-${cloud}`;
}

/** The Kubernetes stack on that cloud's cluster: `<name>-aws-k8s`. */
export function kubernetesStackName(blueprint: string, cloud: Cloud): string {
  return `${cloudStackName(blueprint, cloud)}-k8s`;
}

/** The bootstrap stack of an S3 state bucket: dots become dashes, as stack names are DNS-like. */
export function stateBucketStackName(bucket: string): string {
  return `hms-sys-state-${bucket.replace(/\./g, '-')}`;
}

/** The workspaces stack of a Terraform Cloud organization (organization names are case-insensitive). */
export function workspacesStackName(organization: string): string {
  return `hms-sys-tfc-${organization.toLowerCase()}`;
}
