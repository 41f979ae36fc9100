import { BackupPlan } from '../../lib/aws/backup-plan';
import { PARTITION_REF } from '../support/aws-fixtures';
import { onlyResource, policyOf, resourcesOf, synthConstructs } from '../support/synth';

describe('BackupPlan', () => {
  const tf = synthConstructs((scope) => new BackupPlan(scope, 'backup', { namePrefix: 'dcaa-audit', resourceArns: ['arn:aws-us-gov:elasticfilesystem:us-gov-west-1:123456789012:file-system/fs-1'], kmsKey: { kmsKeyArn: 'arn:key' } }));

  test('daily backups kept 35 days in a vault encrypted with the customer key, protected from destroy (CP-9)', () => {
    expect(onlyResource(tf, 'aws_backup_vault')).toMatchObject({ name: 'dcaa-audit-backups', kms_key_arn: 'arn:key', force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(onlyResource(tf, 'aws_backup_plan').rule).toEqual([expect.objectContaining({ schedule: 'cron(0 5 ? * * *)', lifecycle: { delete_after: 35 } })]);
  });

  test('the selection names exactly the data, through a role AWS Backup assumes with its documented policies', () => {
    expect(onlyResource(tf, 'aws_backup_selection').resources).toEqual(['arn:aws-us-gov:elasticfilesystem:us-gov-west-1:123456789012:file-system/fs-1']);
    expect(policyOf(onlyResource(tf, 'aws_iam_role'), 'assume_role_policy').Statement[0].Principal).toEqual({ Service: 'backup.amazonaws.com' });
    expect(resourcesOf(tf, 'aws_iam_role_policy_attachment').map((a) => String(a.policy_arn).replace(PARTITION_REF, '<p>')).sort()).toEqual([
      'arn:<p>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup',
      'arn:<p>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores',
    ]);
  });

  test('refuses a plan that backs up nothing', () => {
    expect(() => synthConstructs((scope) => new BackupPlan(scope, 'b', { namePrefix: 'x', resourceArns: [], kmsKey: { kmsKeyArn: 'k' } }))).toThrow(/resourceArns must name what to back up/);
  });
});
