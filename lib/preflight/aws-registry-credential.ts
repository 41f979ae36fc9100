import { spawnSync } from 'node:child_process';
import type * as PullThroughCacheModule from '../aws/pull-through-cache';
import { lazyNamespace } from '../core/lazy';
import type { PreflightCheck, PreflightOutcome } from './preflight';

/**
 * `hms-sys apply` imports every preflight check, whatever the blueprint's clouds; the
 * pull-through cache construct module loads @cdktf/provider-aws, which an Azure-only
 * agency does not install. Loaded when an AWS stack's check runs, so the secret's name
 * comes from the one function the construct names it with.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pullThroughCache: typeof PullThroughCacheModule = lazyNamespace(() => require('../aws/pull-through-cache'));

/** What `aws secretsmanager describe-secret` says, or why it could not be asked. */
export interface SecretDescription {
  readonly ok: boolean;
  /** Parsed JSON output when ok. */
  readonly secret?: { readonly KmsKeyId?: string; readonly VersionIdsToStages?: Readonly<Record<string, readonly string[]>> };
  /** stderr or the spawn error otherwise. */
  readonly error?: string;
  readonly missingCli?: boolean;
}

/** Runs the AWS CLI (already a prerequisite: the kubernetes provider authenticates with `aws eks get-token`). */
export function describeSecret(secretId: string, region: string): SecretDescription {
  const r = spawnSync('aws', ['secretsmanager', 'describe-secret', '--secret-id', secretId, '--region', region, '--output', 'json'], { encoding: 'utf8', env: process.env });
  if (r.error) return { ok: false, missingCli: (r.error as NodeJS.ErrnoException).code === 'ENOENT', error: r.error.message };
  if (r.status !== 0) return { ok: false, error: (r.stderr || r.stdout).trim() };
  try {
    return { ok: true, secret: JSON.parse(r.stdout) };
  } catch {
    return { ok: false, error: 'the AWS CLI did not answer with JSON' };
  }
}

/**
 * Before the cluster stack on AWS, when the workload image comes through ECR pull-through
 * cache from a registry that needs a credential: the secret must exist, hold a value and
 * be encrypted with a customer key, because ECR reads it when the cache rule is created
 * (CreatePullThroughCacheRule fails with SecretNotFoundException otherwise) and on every
 * first pull. Says how to create it when it is not there.
 */
export function awsRegistryCredentialCheck(describe: typeof describeSecret = describeSecret): PreflightCheck {
  return {
    name: 'upstream registry credential present',
    appliesTo: (stack) => stack.cloud === 'aws' && stack.layer === 'cloud',
    async run({ blueprint }): Promise<PreflightOutcome> {
      const name = blueprint.workload && pullThroughCache.upstreamCredentialSecret(blueprint.name, blueprint.workload.image, blueprint.aws.region, blueprint.aws.registryCredentialSecret);
      if (!name) return { ok: true };
      const region = blueprint.aws.region;
      const create = `aws secretsmanager create-secret --region ${region} --name ${name} --kms-key-id <customer managed key> --secret-string file://credential.json, where credential.json is {"username": "...", "accessToken": "..."} (a read-only token of the upstream registry) and the key's policy lets AWSServiceRoleForECRPullThroughCache decrypt through Secrets Manager`;
      const r = describe(name, region);
      if (r.missingCli) return { ok: false, message: 'the AWS CLI (aws) is not on PATH; install it: the kubernetes provider needs it too (aws eks get-token)' };
      if (!r.ok) {
        return /ResourceNotFoundException/.test(r.error ?? '')
          ? { ok: false, message: `secret ${name} does not exist, and ECR needs it to pull ${blueprint.workload?.image}. Create it first: ${create}` }
          : { ok: false, message: `could not read secret ${name}: ${r.error}` };
      }
      if (!r.secret?.KmsKeyId) return { ok: false, message: `secret ${name} is encrypted with the AWS managed key; re-create it under a customer managed key (SC-12, SC-28): ${create}` };
      const current = Object.values(r.secret.VersionIdsToStages ?? {}).some((stages) => stages.includes('AWSCURRENT'));
      return current
        ? { ok: true }
        : { ok: false, message: `secret ${name} has no value yet, so ECR cannot pull ${blueprint.workload?.image}. Put it first: aws secretsmanager put-secret-value --region ${region} --secret-id ${name} --secret-string file://credential.json` };
    },
  };
}
