import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, type TerraformBackend, type TerraformStack } from 'cdktf';
import { dirname, join } from 'node:path';
import type { S3StateSettings, TerraformCloudSettings } from '../lib/blueprint/blueprint';

/**
 * Where a stack keeps its state. The seam where a remote backend (Terraform
 * Cloud, S3 with KMS) plugs in: pass another factory to the stack.
 */
export type BackendFactory = (stack: TerraformStack, stackName: string) => TerraformBackend;

/** Folder at the project root that holds local state, outside cdktf.out so a synth never touches it. */
export const LOCAL_STATE_DIR = 'terraform-state';

/** Where local state lives for the stacks of an output folder: `terraform-state/` beside it. */
export function localStateDirFor(outdir: string): string {
  return join(dirname(outdir), LOCAL_STATE_DIR);
}

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

/**
 * State in the S3 bucket a bootstrap stack made: one object per stack under
 * `hms-sys/`, encrypted with the bucket's customer key, locked with an S3 lock
 * file (Terraform 1.10 and later).
 */
export function s3Backend(settings: S3StateSettings): BackendFactory {
  return (stack, stackName) => {
    const backend = new S3Backend(stack, { bucket: settings.bucket, key: `hms-sys/${stackName}.tfstate`, region: settings.region, encrypt: true });
    // CDKTF 0.21 predates use_lockfile; the override puts it in the backend block.
    backend.addOverride('use_lockfile', true);
    return backend;
  };
}
