import { createHash } from 'node:crypto';
import { EcrPullThroughCacheRule } from '@cdktf/provider-aws/lib/ecr-pull-through-cache-rule';
import { EcrRegistryScanningConfiguration } from '@cdktf/provider-aws/lib/ecr-registry-scanning-configuration';
import { EcrRepositoryCreationTemplate } from '@cdktf/provider-aws/lib/ecr-repository-creation-template';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { Construct } from 'constructs';
import { PropsValidator } from '../core/errors';
import type { PullThroughUpstream } from '../core/image-registries';
import { CustomerManagedKey, serviceLinkedRoleKeyStatement } from './customer-managed-key';
import { AwsContext } from './private/aws-context';
import { policyDocument, serviceTrustPolicy } from './private/policy-document';

/** ECR repository prefixes are at most 30 characters (CreatePullThroughCacheRule `ecrRepositoryPrefix`). */
const MAX_PREFIX_LENGTH = 30;
/** Secrets for pull-through cache rules must be named under this prefix (pull-through-cache-creating-rule.html). */
export const PULL_THROUGH_SECRET_PREFIX = 'ecr-pullthroughcache/';

/** `<namePrefix>/<code>`, shortened with a stable hash when it would exceed 30 characters. */
export function pullThroughPrefix(namePrefix: string, code: string): string {
  const full = `${namePrefix}/${code}`;
  if (full.length <= MAX_PREFIX_LENGTH) return full;
  const hash = createHash('sha256').update(namePrefix).digest('hex').slice(0, 4);
  return `${namePrefix.slice(0, MAX_PREFIX_LENGTH - code.length - 6).replace(/-+$/, '')}-${hash}/${code}`;
}

/** One upstream mirrored into the account's private registry. */
export interface MirroredRegistry {
  readonly upstream: PullThroughUpstream;
  /** `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>`: the image path pods pull. */
  readonly mirror: string;
  /** The ECR repositories the cache creates: `arn:...:repository/<prefix>/*`. */
  readonly repositoryArnPattern: string;
  /** The secret that holds the upstream credential, when the upstream needs one. */
  readonly credentialSecretArn?: string;
  readonly credentialSecretName?: string;
}

export interface PullThroughCacheProps {
  /** Prefix of repository and secret names, usually the blueprint name. */
  readonly namePrefix: string;
  /** The upstream registries workloads pull from. */
  readonly upstreams: readonly PullThroughUpstream[];
}

/**
 * ECR pull-through cache for the upstream registries a private platform's workloads name:
 * pods pull `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<path>:<tag>` through the
 * `ecr.dkr` VPC endpoint, and ECR fetches the image from the upstream on first pull.
 *
 * - An upstream that needs a credential (GitHub, Docker Hub, GitLab, Chainguard) gets a
 *   Secrets Manager secret named `ecr-pullthroughcache/<prefix>`, encrypted with a customer
 *   key that ECR's pull-through service-linked role may use through Secrets Manager. The
 *   secret is created empty: its value (`{"username": ..., "accessToken": ...}`) is put
 *   outside Terraform, so it is never in a blueprint, a plan or the state.
 * - A repository creation template makes every cached repository encrypted with the same
 *   customer key and tag-immutable; registry scanning scans them on push (RA-5, SI-7).
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-creating-secret.html
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates-create.html
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/slr-pullthroughcache.html
 */
export class PullThroughCache extends Construct {
  public readonly registries: readonly MirroredRegistry[];
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: PullThroughCacheProps) {
    super(scope, id);
    new PropsValidator('PullThroughCache', this.node.path)
      .check(props.upstreams.length > 0, 'upstreams must name at least one registry to mirror')
      .check(new Set(props.upstreams.map((u) => u.host)).size === props.upstreams.length, 'upstreams must not repeat a registry')
      .throwIfAny();
    const ctx = AwsContext.of(this);
    const key = new CustomerManagedKey(this, 'Key', {
      description: `Cached images and upstream registry credentials of ${props.namePrefix}`,
      aliasName: `hms-sys/${props.namePrefix}/registry`,
      serviceStatements: [
        // ECR reads the upstream credential with its pull-through service-linked role,
        // whose policy allows secretsmanager:GetSecretValue but no KMS: the key grants it.
        serviceLinkedRoleKeyStatement(this, {
          sid: 'PullThroughCacheReadsCredentials',
          roleName: 'pullthroughcache.ecr.amazonaws.com/AWSServiceRoleForECRPullThroughCache',
          viaService: 'secretsmanager',
          actions: ['kms:Decrypt', 'kms:DescribeKey'],
        }),
      ],
    });
    const repositories = (prefix: string) => `arn:${ctx.partition}:ecr:${ctx.region}:${ctx.accountId}:repository/${prefix}/*`;
    const prefixes = props.upstreams.map((u) => pullThroughPrefix(props.namePrefix, u.code));

    // Repository creation templates that encrypt with a customer key need a role ECR assumes.
    const templateRole = new IamRole(this, 'TemplateRole', {
      name: `${props.namePrefix}-ecr-templates`,
      assumeRolePolicy: serviceTrustPolicy('ecr.amazonaws.com'),
    });
    const templatePolicy = new IamRolePolicy(this, 'TemplateRolePolicy', {
      role: templateRole.id,
      name: 'encrypt-cached-repositories',
      policy: policyDocument([
        { Effect: 'Allow', Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'], Resource: key.kmsKeyArn },
        { Effect: 'Allow', Action: ['ecr:TagResource'], Resource: prefixes.map(repositories) },
      ]),
    });

    this.registries = props.upstreams.map((upstream, i) => {
      const prefix = prefixes[i];
      const secret =
        upstream.needsCredential &&
        new SecretsmanagerSecret(this, `${upstream.code}-credential`, {
          name: `${PULL_THROUGH_SECRET_PREFIX}${prefix}`,
          description: `Credential ECR uses to pull from ${upstream.host}. Put {"username": "...", "accessToken": "..."} with aws secretsmanager put-secret-value; never in Terraform`,
          kmsKeyId: key.kmsKeyArn,
          recoveryWindowInDays: 30,
        });
      new EcrRepositoryCreationTemplate(this, `${upstream.code}-template`, {
        prefix,
        description: `Images cached from ${upstream.host}`,
        appliedFor: ['PULL_THROUGH_CACHE'],
        // A cached tag never changes under a running workload (CM-2, SI-7).
        imageTagMutability: 'IMMUTABLE',
        encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: key.kmsKeyArn }],
        customRoleArn: templateRole.arn,
        dependsOn: [templatePolicy],
      });
      new EcrPullThroughCacheRule(this, `${upstream.code}-rule`, {
        ecrRepositoryPrefix: prefix,
        upstreamRegistryUrl: upstream.upstreamUrl,
        credentialArn: secret ? secret.arn : undefined,
      });
      return {
        upstream,
        mirror: `${ctx.accountId}.dkr.ecr.${ctx.region}.${ctx.dnsSuffix}/${prefix}`,
        repositoryArnPattern: repositories(prefix),
        credentialSecretArn: secret ? secret.arn : undefined,
        credentialSecretName: secret ? `${PULL_THROUGH_SECRET_PREFIX}${prefix}` : undefined,
      };
    });

    // One registry-wide setting per account and region: scans cached images on push.
    // @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning-basic.html
    new EcrRegistryScanningConfiguration(this, 'Scanning', {
      scanType: 'BASIC',
      rule: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilter: prefixes.map((p) => ({ filter: `${p}/*`, filterType: 'WILDCARD' })) }],
    });
    this.kmsKeyArn = key.kmsKeyArn;
  }
}
