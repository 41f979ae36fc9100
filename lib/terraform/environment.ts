/**
 * Finds the Terraform CLI and a local provider mirror, and writes the CLI
 * configuration that makes `terraform init` use the mirror instead of the
 * registry. This is how stacks are validated and planned on machines without
 * internet access.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ToolchainError } from '../core/errors';

/** The AWS provider version that `@cdktf/provider-aws` 20.1.0 binds. */
export const AWS_PROVIDER_VERSION = '5.100.0';
/** Set this to a filesystem mirror folder (holding registry.terraform.io/) to override discovery. */
export const MIRROR_ENV = 'HMS_TF_PROVIDER_MIRROR';

/** Where Terraform and distributions conventionally keep local provider mirrors. */
export const MIRROR_CANDIDATES = [
  '/opt/tf-plugins',
  join(homedir(), '.terraform.d', 'plugins'),
  '/usr/local/share/terraform/plugins',
  '/usr/share/terraform/plugins',
];

export interface TerraformEnvironment {
  readonly version: string;
  /** Mirror folder that holds `registry.terraform.io/hashicorp/aws/<version>`, if any. */
  readonly mirror?: string;
  /** Environment variables for child `terraform` processes. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The oldest Terraform hms-sys drives: `mock_provider` in `terraform test` (1.7)
 * backs the offline review plan and the tests. The S3 backend's `use_lockfile`
 * (a blueprint's `stateBucket`) needs 1.10, which the README states; Terraform
 * itself refuses the setting on an older version at init.
 */
export const MINIMUM_TERRAFORM_VERSION = '1.7.0';

/** Compares dotted release numbers (`1.11.2` > `1.7.0`); pre-release suffixes are ignored. */
function atLeast(version: string, minimum: string): boolean {
  const parts = (v: string) => v.split(/[.-]/).slice(0, 3).map((n) => Number.parseInt(n, 10) || 0);
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

const INSTALL_HINT = `Install Terraform ${MINIMUM_TERRAFORM_VERSION} or newer from your agency mirror or https://developer.hashicorp.com/terraform/install, then run the command again.`;

export function terraformVersion(env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env });
  if (result.error || result.status !== 0) {
    throw new ToolchainError(`terraform is not on PATH (or does not run). ${INSTALL_HINT}`);
  }
  // Terraform before 0.13 prints text, not JSON, for `version -json`.
  let version: unknown;
  try {
    version = (JSON.parse(result.stdout) as { terraform_version?: unknown }).terraform_version;
  } catch {
    version = undefined;
  }
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new ToolchainError(`terraform on PATH is too old to say its version as JSON (it printed ${JSON.stringify(result.stdout.split('\n')[0].slice(0, 80))}). ${INSTALL_HINT}`);
  }
  if (!atLeast(version, MINIMUM_TERRAFORM_VERSION)) {
    throw new ToolchainError(`terraform ${version} on PATH is older than ${MINIMUM_TERRAFORM_VERSION}. ${INSTALL_HINT}`);
  }
  return version;
}

export function findProviderMirror(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env[MIRROR_ENV];
  const candidates = explicit ? [explicit] : MIRROR_CANDIDATES;
  return candidates.find((dir) => existsSync(join(dir, 'registry.terraform.io', 'hashicorp', 'aws', AWS_PROVIDER_VERSION)));
}

/**
 * Prepares `workDir/terraform.tfrc` for the mirror when there is one; without a
 * mirror Terraform uses its own configuration and the public registry.
 */
export function terraformEnvironment(workDir: string, env: NodeJS.ProcessEnv = process.env): TerraformEnvironment {
  const version = terraformVersion(env);
  const mirror = findProviderMirror(env);
  const childEnv: NodeJS.ProcessEnv = { ...env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  if (mirror) {
    mkdirSync(workDir, { recursive: true });
    const config = join(workDir, 'terraform.tfrc');
    writeFileSync(config, mirrorCliConfig(mirror));
    childEnv.TF_CLI_CONFIG_FILE = config;
  }
  return { version, mirror, env: childEnv };
}

/** A Terraform CLI configuration that installs registry providers from `mirror` only. */
export function mirrorCliConfig(mirror: string): string {
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirror)}`,
    '    include = ["registry.terraform.io/*/*"]',
    '  }',
    '  direct {',
    '    exclude = ["registry.terraform.io/*/*"]',
    '  }',
    '}',
    '',
  ].join('\n');
}
