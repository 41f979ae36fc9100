import { BackupPlan as BackupPlanResource } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { DEFAULT_BACKUP_RETENTION_DAYS } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import type { IKmsKey } from './customer-managed-key';
import { AwsContext } from './private/aws-context';
import { serviceTrustPolicy } from './private/policy-document';

export interface BackupPlanProps {
  /** Names the vault, plan and role, usually the blueprint name. */
  readonly namePrefix: string;
  /** ARNs of what is backed up: EFS file systems, EBS volumes. */
  readonly resourceArns: readonly string[];
  /** Encrypts the recovery points. */
  readonly kmsKey: IKmsKey;
  /**
   * Days each daily recovery point is kept.
   * @default 35
   */
  readonly retentionDays?: number;
  /**
   * Refuse to destroy the vault in Terraform (it holds the recovery points).
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * Daily AWS Backup of the blueprint's data into a vault encrypted with a customer key
 * (CP-9, CP-10; compliance map: resource referenced by aws_backup_selection,
 * CKV2_AWS_9 / NIST.800.53.R5-EC2EBSInBackupPlan).
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/iam-service-roles.html
 */
export class BackupPlan extends Construct {
  public readonly vaultName: string;
  public readonly planId: string;

  constructor(scope: Construct, id: string, props: BackupPlanProps) {
    super(scope, id);
    const retention = props.retentionDays ?? DEFAULT_BACKUP_RETENTION_DAYS;
    new PropsValidator('BackupPlan', this.node.path)
      .check(props.resourceArns.length > 0, 'resourceArns must name what to back up')
      .check(Number.isInteger(retention) && retention >= 1, `retentionDays (${retention}) must be a whole number >= 1`)
      .throwIfAny();
    const ctx = AwsContext.of(this);
    const vault = new BackupVault(this, 'Vault', {
      name: `${props.namePrefix}-backups`,
      kmsKeyArn: props.kmsKey.kmsKeyArn,
      forceDestroy: false,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    const plan = new BackupPlanResource(this, 'Resource', {
      name: `${props.namePrefix}-daily`,
      rule: [{ ruleName: 'daily', targetVaultName: vault.name, schedule: 'cron(0 5 ? * * *)', lifecycle: { deleteAfter: retention } }],
    });
    const role = new IamRole(this, 'Role', { name: `${props.namePrefix}-backup`, assumeRolePolicy: serviceTrustPolicy('backup.amazonaws.com') });
    const policies = ['service-role/AWSBackupServiceRolePolicyForBackup', 'service-role/AWSBackupServiceRolePolicyForRestores'].map(
      (policy, i) => new IamRolePolicyAttachment(this, i === 0 ? 'BackupPolicy' : 'RestorePolicy', { role: role.name, policyArn: ctx.managedPolicyArn(policy) }),
    );
    new BackupSelection(this, 'Selection', {
      name: `${props.namePrefix}-data`,
      planId: plan.id,
      iamRoleArn: role.arn,
      resources: [...props.resourceArns],
      dependsOn: policies,
    });
    this.vaultName = vault.name;
    this.planId = plan.id;
  }
}
