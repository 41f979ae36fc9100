import { createHash } from 'node:crypto';
import { EcrPullThroughCacheRule } from '@cdktf/provider-aws/lib/ecr-pull-through-cache-rule';
import { EcrRegistryScanningConfiguration } from '@cdktf/provider-aws/lib/ecr-registry-scanning-configuration';
import { EcrRepositoryCreationTemplate } from '@cdktf/provider-aws/lib/ecr-repository-creation-template';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { DataAwsSecretsmanagerSecret } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret';
import { Construct } from 'constructs';
import { PropsValidator } from '../core/errors';
import { imageSource, type PullThroughUpstream } from '../core/image-registries';
import { CustomerManagedKey } from './customer-managed-key';
import { AwsContext } from './private/aws-context';
import { policyDocument, serviceTrustPolicy } from './private/policy-document';

/** ECR repository prefixes are at most 30 characters (CreatePullThroughCacheRule `ecrRepositoryPrefix`). */
const MAX_PREFIX_LENGTH = 30;
/** Secrets for pull-through cache rules must be named under this prefix (pull-through-cache-creating-rule.html). */
export const PULL_THROUGH_SECRET_PREFIX = 'ecr-pullthroughcache/';

/** The secret a blueprint's upstream credential is expected under, unless it names one: `ecr-pullthroughcache/<prefix>`. */
export function defaultCredentialSecretName(namePrefix: string, upstream: PullThroughUpstream): string {
  return `${PULL_THROUGH_SECRET_PREFIX}${pullThroughPrefix(namePrefix, upstream.code)}`;
}

/**
 * The secret that must hold the credential for pulling `image` on a platform in `region`
 * before the cluster stack is applied, or undefined when its registry needs none.
 */
export function upstreamCredentialSecret(namePrefix: string, image: string, region: string, explicit?: string): string | undefined {
  const source = imageSource(image, region);
  if (source.kind !== 'pull-through' || !source.upstream.needsCredential) return undefined;
  return explicit ?? defaultCredentialSecretName(namePrefix, source.upstream);
}

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
  readonly credentialSecretName?: string;
}

export interface PullThroughCacheProps {
  /** Prefix of repository and secret names, usually the blueprint name. */
  readonly namePrefix: string;
  /** The upstream registries workloads pull from. */
  readonly upstreams: readonly PullThroughUpstream[];
  /**
   * Secrets Manager secrets (names under `ecr-pullthroughcache/`) holding the credential of
   * each upstream that needs one, by upstream host. They exist before the apply, hold
   * `{"username": ..., "accessToken": ...}`, and are encrypted with a customer key whose
   * policy lets ECR's pull-through service-linked role decrypt through Secrets Manager.
   * @default - `ecr-pullthroughcache/<namePrefix>/<registry>` for each upstream that needs one
   */
  readonly credentialSecretNames?: Readonly<Record<string, string>>;
}

/**
 * ECR pull-through cache for the upstream registries a private platform's workloads name:
 * pods pull `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<path>:<tag>` through the
 * `ecr.dkr` VPC endpoint, and ECR fetches the image from the upstream on first pull.
 *
 * - An upstream that needs a credential (GitHub, Docker Hub, GitLab, Chainguard) is read
 *   from an existing Secrets Manager secret under `ecr-pullthroughcache/`, referenced by
 *   name: ECR reads and decrypts it when the rule is created (CreatePullThroughCacheRule
 *   fails with SecretNotFoundException or UnableToDecryptSecretValueException otherwise),
 *   so it must hold its value before the apply, and its value never passes through
 *   Terraform. The plan refuses a secret encrypted with the AWS managed key.
 * - A repository creation template makes every cached repository encrypted with a customer
 *   key and tag-immutable; registry scanning scans them on push (RA-5, SI-7).
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-creating-secret.html
 * @see https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreatePullThroughCacheRule.html (errors)
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates-create.html
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/slr-pullthroughcache.html
 */
export class PullThroughCache extends Construct {
  public readonly registries: readonly MirroredRegistry[];
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: PullThroughCacheProps) {
    super(scope, id);
    const secretName = (u: PullThroughUpstream) => props.credentialSecretNames?.[u.host] ?? defaultCredentialSecretName(props.namePrefix, u);
    new PropsValidator('PullThroughCache', this.node.path)
      .check(props.upstreams.length > 0, 'upstreams must name at least one registry to mirror')
      .check(new Set(props.upstreams.map((u) => u.host)).size === props.upstreams.length, 'upstreams must not repeat a registry')
      .check(
        props.upstreams.every((u) => !u.needsCredential || secretName(u).startsWith(PULL_THROUGH_SECRET_PREFIX)),
        `credentialSecretNames must start with ${PULL_THROUGH_SECRET_PREFIX}, which ECR requires`,
      )
      .throwIfAny();
    const ctx = AwsContext.of(this);
    const key = new CustomerManagedKey(this, 'Key', {
      description: `Images of ${props.namePrefix} cached from upstream registries`,
      aliasName: `hms-sys/${props.namePrefix}/registry`,
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
      const name = secretName(upstream);
      // Metadata only (no value): the ARN for the rule, and proof of a customer key (SC-12, SC-28).
      const secret =
        upstream.needsCredential &&
        new DataAwsSecretsmanagerSecret(this, `${upstream.code}-credential`, {
          name,
          lifecycle: {
            postcondition: [
              {
                // Terraform JSON reads a bare string as a literal: the expression must be wrapped in ${...}.
                condition: '${self.kms_key_id != null && self.kms_key_id != ""}',
                errorMessage: `${name} is encrypted with the AWS managed key; re-create it with a customer managed KMS key whose policy lets AWSServiceRoleForECRPullThroughCache decrypt through Secrets Manager (see README, Deploying for real)`,
              },
            ],
          },
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
        credentialSecretName: secret ? name : undefined,
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
