/**
 * The stateful-resource guard: a plan-time check over `terraform show -json` that
 * refuses to delete or replace a resource holding data or keys unless the user
 * names it in an allowance. `prevent_destroy` protects only while the resource is
 * in the configuration; the guard also catches a resource whose configuration
 * was removed, and resources an agency adds without the lifecycle setting.
 */

/** Resource types whose deletion loses data, or the keys that make data readable. */
export const STATEFUL_TYPES: Readonly<Record<string, string>> = {
  aws_ebs_volume: 'an EBS volume: its data is lost',
  aws_kms_key: 'a KMS key: everything encrypted under it becomes unreadable',
  aws_s3_bucket: 'an S3 bucket (e.g. Terraform state): its objects are lost',
  aws_dynamodb_table: 'a DynamoDB table (e.g. the state lock): its items are lost',
  aws_db_instance: 'a database instance: its data is lost',
  aws_efs_file_system: 'an EFS file system: its data is lost',
  aws_backup_vault: 'a backup vault: its recovery points are lost',
  aws_secretsmanager_secret: 'a Secrets Manager secret (e.g. an upstream registry credential): its value is lost',
  aws_ecr_repository: 'an ECR repository: its images are lost',
  aws_eks_cluster: 'an EKS cluster: its Kubernetes objects and secrets are lost',
  azurerm_managed_disk: 'a managed disk: its data is lost',
  azurerm_key_vault: 'a Key Vault: every key in it goes',
  azurerm_key_vault_key: 'a Key Vault key: disks encrypted with it become unreadable',
  azurerm_disk_encryption_set: 'a disk encryption set: disks that use it cannot be read',
  azurerm_storage_account: 'a storage account (e.g. Terraform state or flow logs): its data is lost',
  kubernetes_persistent_volume_claim: 'a persistent volume claim: its volume may be deleted',
  kubernetes_persistent_volume_claim_v1: 'a persistent volume claim: its volume may be deleted',
  kubernetes_persistent_volume: 'a persistent volume: its disk may be deleted',
  kubernetes_persistent_volume_v1: 'a persistent volume: its disk may be deleted',
};

export interface GuardFinding {
  readonly address: string;
  readonly type: string;
  /** `delete` or `replace`. */
  readonly action: 'delete' | 'replace';
  /** Why, in the user's terms: what is lost, and what Terraform said forces it. */
  readonly reason: string;
}

export interface GuardResult {
  readonly blocked: readonly GuardFinding[];
  /** Deletions the user allowed by name, recorded as evidence. */
  readonly allowed: readonly GuardFinding[];
}

interface ResourceChange {
  address?: string;
  type?: string;
  mode?: string;
  action_reason?: string;
  change?: { actions?: string[]; replace_paths?: unknown[][] };
}

const REASONS: Record<string, string> = {
  replace_because_cannot_update: 'a changed attribute cannot be updated in place',
  replace_because_tainted: 'the resource is tainted',
  replace_by_request: 'replacement was requested (-replace)',
  replace_by_triggers: 'a replace_triggered_by reference changed',
  delete_because_no_resource_config: 'its configuration was removed',
  delete_because_no_module: 'its module was removed',
  delete_because_count_index: 'its count index is gone',
  delete_because_each_key: 'its for_each key is gone',
  delete_because_wrong_repetition: 'it switched between count and for_each',
};

/** Checks every planned change; `allowances` are addresses the user allows to be deleted or replaced. */
export function guardPlan(plan: unknown, allowances: readonly string[] = []): GuardResult {
  const changes = (typeof plan === 'object' && plan !== null ? (plan as { resource_changes?: ResourceChange[] }).resource_changes : undefined) ?? [];
  const blocked: GuardFinding[] = [];
  const allowed: GuardFinding[] = [];
  for (const c of changes) {
    const actions = c.change?.actions ?? [];
    if (c.mode === 'data' || !c.type || !c.address || !actions.includes('delete')) continue;
    const what = STATEFUL_TYPES[c.type];
    if (!what) continue;
    const action = actions.includes('create') ? 'replace' : 'delete';
    const cause = REASONS[c.action_reason ?? ''] ?? (action === 'replace' ? 'Terraform plans to replace it' : 'Terraform plans to delete it');
    const paths = (c.change?.replace_paths ?? []).map((p) => p.join('.')).filter(Boolean);
    const forcedBy = paths.length > 0 ? ` (${paths.join(', ')})` : '';
    const finding: GuardFinding = { address: c.address, type: c.type, action, reason: `${what}; ${cause}${forcedBy}` };
    (allowances.includes(c.address) ? allowed : blocked).push(finding);
  }
  return { blocked, allowed };
}

export function formatGuardFinding(f: GuardFinding): string {
  return `[stateful-guard] ${f.address} would be ${f.action === 'replace' ? 'replaced' : 'deleted'}: ${f.reason}. If that is intended, re-run with --allow-destroy ${f.address}`;
}

export function formatAllowance(f: GuardFinding): string {
  return `allowed: ${f.address} will be ${f.action === 'replace' ? 'replaced' : 'deleted'} (--allow-destroy): ${f.reason}`;
}
