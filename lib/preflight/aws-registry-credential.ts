import { spawnSync } from 'node:child_process';
import type { PreflightCheck, PreflightOutcome } from './preflight';

/** What `aws secretsmanager describe-secret` says, or why it could not be asked. */
export interface SecretDescription {
  readonly ok: boolean;
  /** Parsed JSON output when ok. */
  readonly secret?: { readonly VersionIdsToStages?: Readonly<Record<string, readonly string[]>> };
  /** stderr or the spawn error otherwise. */
  readonly error?: string;
  readonly missingCli?: boolean;
}

/** Runs the AWS CLI (already a prerequisite: the kubernetes provider authenticates with `aws eks get-token`). */
export function describeSecret(secretId: string, region: string): SecretDescription {
  const r = spawnSync('aws', ['secretsmanager', 'describe-secret', '--secret-id', secretId, '--region', region, '--output', 'json'], { encoding: 'utf8' });
  if (r.error) return { ok: false, missingCli: (r.error as NodeJS.ErrnoException).code === 'ENOENT', error: r.error.message };
  if (r.status !== 0) return { ok: false, error: (r.stderr || r.stdout).trim() };
  try {
    return { ok: true, secret: JSON.parse(r.stdout) };
  } catch {
    return { ok: false, error: 'the AWS CLI did not answer with JSON' };
  }
}

/**
 * Before a Kubernetes stack on EKS whose workload image comes through ECR pull-through
 * cache from a registry that needs a credential: the secret the cluster stack created
 * must hold a value, or every pull fails and the rollout times out 15 minutes later.
 */
export function awsRegistryCredentialCheck(describe: typeof describeSecret = describeSecret): PreflightCheck {
  return {
    name: 'upstream registry credential present',
    appliesTo: (stack) => stack.cloud === 'aws' && stack.layer === 'kubernetes',
    async run(context): Promise<PreflightOutcome> {
      const name = context.outputsOf(`${context.blueprint.name}-aws`)?.registry_credential_secret;
      if (typeof name !== 'string') return { ok: true };
      const put = `aws secretsmanager put-secret-value --region ${context.blueprint.aws.region} --secret-id ${name} --secret-string file://credential.json, where credential.json is {"username": "...", "accessToken": "..."} (a read-only token of the upstream registry)`;
      const r = describe(name, context.blueprint.aws.region);
      if (r.missingCli) return { ok: false, message: 'the AWS CLI (aws) is not on PATH; install it: the kubernetes provider needs it too (aws eks get-token)' };
      if (!r.ok) return { ok: false, message: `could not read secret ${name}: ${r.error}` };
      const current = Object.values(r.secret?.VersionIdsToStages ?? {}).some((stages) => stages.includes('AWSCURRENT'));
      return current ? { ok: true } : { ok: false, message: `secret ${name} has no value yet, so ECR cannot pull ${context.blueprint.workload?.image ?? 'the image'} from its upstream. Put the credential first: ${put}` };
    },
  };
}
