import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, type TerraformBackend, type TerraformStack } from 'cdktf';
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
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
 * Local state in `terraform-state/<stack>.tfstate` beside the App's output folder:
 * `cdktf synth` writes `cdktf.out/stacks/<stack>/` at the project root (cdktf.json
 * `output`), and Terraform resolves the path from that folder. For an output
 * folder elsewhere, use {@link localBackendIn}.
 */
export const localBackend: BackendFactory = (stack, stackName) =>
  new LocalBackend(stack, { path: `../../../${LOCAL_STATE_DIR}/${stackName}.tfstate` });

/** Where the stacks go and where their local state stays, as `hms-sys` knows them at synth time. */
export interface LocalStateLayout {
  /** The output folder whose `stacks/<stack>/` folders Terraform runs in (`--out`). */
  readonly outdir: string;
  /** The folder that holds every stack's local state: `terraform-state/` of the project. */
  readonly stateDir: string;
}

/**
 * Local state in `<stateDir>/<stack>.tfstate` whatever the output folder is: the
 * path is computed from the stack's real folder (`<outdir>/stacks/<stack>`), so
 * `--out a/b/c` still finds the project's state. Relative, not absolute, so that
 * cdk.tf.json stays valid when the project is checked out elsewhere. Terraform
 * reads a relative `path` from the root module's folder, the stack's folder that
 * hms-sys runs it in (https://developer.hashicorp.com/terraform/language/backend/local,
 * `path`; the Terraform stage plans from that folder with this state).
 */
export function localBackendIn(layout: LocalStateLayout): BackendFactory {
  return (stack, stackName) => new LocalBackend(stack, { path: localStatePath(layout, stackName) });
}

/**
 * A path with every symbolic link in its existing part resolved; the part that does
 * not exist yet (an output folder about to be written) is appended as given.
 */
function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
  }
}

/**
 * The backend path of a stack's local state, relative to its folder, with forward
 * slashes. From the real folders: Terraform runs in the stack's folder and the
 * kernel resolves `..` from where that folder really is, so an `--out` reached
 * through a symbolic link would otherwise put the state beside the link's target.
 */
export function localStatePath(layout: LocalStateLayout, stackName: string): string {
  const stackFolder = join(realPath(layout.outdir), 'stacks', stackName);
  return relative(stackFolder, join(realPath(layout.stateDir), `${stackName}.tfstate`)).split(sep).join('/');
}

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
