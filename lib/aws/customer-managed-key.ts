import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { DEFAULT_KMS_DELETION_WINDOW_DAYS } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { AwsContext } from './private/aws-context';
import { policyDocument, type PolicyStatement } from './private/policy-document';

/** Anything that exposes a KMS key by ARN. */
export interface IKmsKey {
  readonly kmsKeyArn: string;
}

export interface CustomerManagedKeyProps {
  /** What the key protects; shown in the KMS console. */
  readonly description: string;
  /** Alias without the `alias/` prefix, e.g. `hms-sys/dcaa-audit/volume`. */
  readonly aliasName: string;
  /**
   * Statements added to the key policy for AWS services that use the key
   * (CloudWatch Logs, Auto Scaling). The account root statement is always present.
   * @default - none
   */
  readonly serviceStatements?: readonly PolicyStatement[];
  /**
   * Days KMS waits before deleting the key (7 to 30).
   * @default 30
   */
  readonly deletionWindowInDays?: number;
  /**
   * Refuse to destroy the key in Terraform: data encrypted under it would be lost.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * A symmetric customer-managed KMS key with yearly automatic rotation (SC-12,
 * SC-28(1)) and a key policy that names principals, never `*` (AC-6).
 */
export class CustomerManagedKey extends Construct implements IKmsKey {
  public readonly kmsKeyArn: string;
  public readonly kmsKeyId: string;
  public readonly aliasName: string;

  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id);
    const deletionWindowInDays = props.deletionWindowInDays ?? DEFAULT_KMS_DELETION_WINDOW_DAYS;
    new PropsValidator('CustomerManagedKey', this.node.path)
      .check(
        Number.isInteger(deletionWindowInDays) && deletionWindowInDays >= 7 && deletionWindowInDays <= 30,
        `deletionWindowInDays (${deletionWindowInDays}) must be a whole number from 7 to 30`,
      )
      .throwIfAny();

    const ctx = AwsContext.of(this);
    const key = new KmsKey(this, 'Resource', {
      description: props.description,
      keyUsage: 'ENCRYPT_DECRYPT',
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      enableKeyRotation: true,
      isEnabled: true,
      deletionWindowInDays,
      policy: policyDocument([
        {
          // Delegates to IAM in this account only: the documented default key policy.
          // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
          Sid: 'AccountAdministersKeyThroughIam',
          Effect: 'Allow',
          Principal: { AWS: ctx.accountRootArn },
          Action: 'kms:*',
          Resource: '*',
        },
        ...(props.serviceStatements ?? []),
      ]),
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    new KmsAlias(this, 'Alias', { name: `alias/${props.aliasName}`, targetKeyId: key.keyId });
    this.kmsKeyArn = key.arn;
    this.kmsKeyId = key.keyId;
    this.aliasName = `alias/${props.aliasName}`;
  }
}

/** Lets CloudWatch Logs in this region encrypt log groups of this account with the key. */
export function cloudWatchLogsKeyStatement(scope: Construct): PolicyStatement {
  const ctx = AwsContext.of(scope);
  return {
    Sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups',
    Effect: 'Allow',
    Principal: { Service: ctx.regionalServicePrincipal('logs') },
    Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    Resource: '*',
    Condition: {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*` },
    },
  };
}

export interface ServiceLinkedRoleKeyOptions {
  readonly sid: string;
  /** `<service principal>/<role name>`, the path of the role under `aws-service-role/`. */
  readonly roleName: string;
  /**
   * The service that calls KMS for the role, e.g. `ec2` or `secretsmanager`.
   * @default no `kms:ViaService` condition (the role may call KMS through any service)
   */
  readonly viaService?: string;
  /**
   * @default encrypt, decrypt, re-encrypt, generate data keys, describe, and grants for AWS resources
   */
  readonly actions?: readonly string[];
  /**
   * True: only grants for AWS resources (`kms:GrantIsForAWSResource`), the condition AWS
   * documents for the grant a service creates for an attached volume.
   * @default false
   */
  readonly grantsForAwsResourcesOnly?: boolean;
}

/**
 * Lets one of this account's service-linked roles use the key through one service. The
 * role is named in a condition rather than as the principal, because a key policy may not
 * name a role that does not exist yet, and service-linked roles appear on the service's
 * first use (often during this very apply).
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
export function serviceLinkedRoleKeyStatement(scope: Construct, options: ServiceLinkedRoleKeyOptions): PolicyStatement {
  const ctx = AwsContext.of(scope);
  return {
    Sid: options.sid,
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: [...(options.actions ?? ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey', 'kms:CreateGrant'])],
    Resource: '*',
    Condition: {
      ArnEquals: { 'aws:PrincipalArn': `arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/${options.roleName}` },
      StringEquals: {
        'kms:CallerAccount': ctx.accountId,
        ...(options.viaService ? { 'kms:ViaService': `${options.viaService}.${ctx.region}.${ctx.dnsSuffix}` } : {}),
      },
      ...(options.grantsForAwsResourcesOnly ? { Bool: { 'kms:GrantIsForAWSResource': 'true' } } : {}),
    },
  };
}
