import { CloudBackend, LocalBackend, NamedCloudWorkspace, type TerraformBackend, type TerraformStack } from 'cdktf';
import type { TerraformCloudSettings } from '../lib/blueprint/blueprint';

/**
 * Where a stack keeps its state. The seam where a remote backend (Terraform
 * Cloud, S3 with KMS) plugs in: pass another factory to the stack.
 */
export type BackendFactory = (stack: TerraformStack, stackName: string) => TerraformBackend;

/** Folder at the project root that holds local state, outside cdktf.out so a synth never touches it. */
export const LOCAL_STATE_DIR = 'terraform-state';

/**
 * Local state in `terraform-state/<stack>.tfstate` at the project root. The path
 * is relative to the folder Terraform runs in, `cdktf.out/stacks/<stack>/`.
 */
export const localBackend: BackendFactory = (stack, stackName) =>
  new LocalBackend(stack, { path: `../../../${LOCAL_STATE_DIR}/${stackName}.tfstate` });

/**
 * A Terraform Cloud (or Enterprise) workspace per stack, named after the stack
 * (`dcaa-audit-aws`), so plans and applies run remotely and the workspaces stack
 * can manage each one's settings.
 */
export function cloudBackend(settings: TerraformCloudSettings): BackendFactory {
  return (stack, stackName) =>
    new CloudBackend(stack, { hostname: settings.hostname, organization: settings.organization, workspaces: new NamedCloudWorkspace(stackName, settings.project) });
}
