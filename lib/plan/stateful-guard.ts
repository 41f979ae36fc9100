/**
 * The stateful-resource guard: a plan-time check over `terraform show -json` that
 * refuses to delete or replace a resource holding data or keys unless the user
 * names it in an allowance. `prevent_destroy` protects only while the resource is
 * in the configuration; the guard also catches a resource whose configuration
 * was removed, and resources an agency adds without the lifecycle setting.
 */
import { isObject } from '../policy/engine/values';
import { STATELESS_TYPES } from './stateless-types';

/**
 * Resource types whose deletion loses data, audit records, or the keys that make
 * data readable. `test/plan/stateful-coverage.test.ts` derives the stateful types
 * from what hms-sys's own stacks create and fails when one is missing here; agency
 * types that commonly sit next to ours are listed too.
 */
export const STATEFUL_TYPES: Readonly<Record<string, string>> = {
  // Block, file and object storage.
  aws_ebs_volume: 'an EBS volume: its data is lost',
  aws_ebs_snapshot: 'an EBS snapshot: the backup it holds is lost',
  aws_efs_file_system: 'an EFS file system: its data is lost',
  aws_s3_bucket: 'an S3 bucket (e.g. Terraform state): its objects are lost',
  aws_s3_bucket_versioning: 'S3 bucket versioning: deleting it suspends versioning, so earlier versions of objects (e.g. of Terraform state) are no longer kept',
  aws_s3_object: 'an S3 object: its content is lost',
  azurerm_managed_disk: 'a managed disk: its data is lost',
  azurerm_snapshot: 'a disk snapshot: the backup it holds is lost',
  azurerm_storage_account: 'a storage account (e.g. Terraform state, Azure Files or flow logs): its data is lost',
  azurerm_storage_share: 'an Azure Files share: its files are lost',
  azurerm_storage_container: 'a blob container: its blobs are lost',
  // Databases.
  aws_dynamodb_table: 'a DynamoDB table (e.g. the state lock): its items are lost',
  aws_db_instance: 'a database instance: its data is lost',
  aws_rds_cluster: 'an Aurora or RDS cluster: its data is lost',
  aws_rds_cluster_instance: 'an Aurora or RDS cluster instance: the last one holds the data of its cluster',
  aws_docdb_cluster: 'a DocumentDB cluster: its data is lost',
  aws_neptune_cluster: 'a Neptune cluster: its data is lost',
  aws_redshift_cluster: 'a Redshift cluster: its data is lost',
  aws_elasticache_replication_group: 'an ElastiCache replication group: its data is lost',
  aws_elasticache_cluster: 'an ElastiCache cluster: its data is lost',
  aws_memorydb_cluster: 'a MemoryDB cluster: its data is lost',
  aws_opensearch_domain: 'an OpenSearch domain: its indices are lost',
  aws_elasticsearch_domain: 'an Elasticsearch domain: its indices are lost',
  azurerm_postgresql_flexible_server: 'a PostgreSQL server: its databases are lost',
  azurerm_postgresql_server: 'a PostgreSQL server: its databases are lost',
  azurerm_mysql_flexible_server: 'a MySQL server: its databases are lost',
  azurerm_mssql_server: 'a SQL server: its databases are lost',
  azurerm_mssql_database: 'a SQL database: its data is lost',
  azurerm_mssql_managed_instance: 'a SQL managed instance: its databases are lost',
  azurerm_cosmosdb_account: 'a Cosmos DB account: its databases are lost',
  azurerm_redis_cache: 'a Redis cache: its data is lost',
  // File systems agencies add next to ours.
  aws_fsx_lustre_file_system: 'an FSx for Lustre file system: its data is lost',
  aws_fsx_ontap_file_system: 'an FSx for ONTAP file system: its data is lost',
  aws_fsx_openzfs_file_system: 'an FSx for OpenZFS file system: its data is lost',
  aws_fsx_windows_file_system: 'an FSx for Windows file system: its data is lost',
  azurerm_netapp_volume: 'an Azure NetApp Files volume: its data is lost',
  // Keys and secrets.
  aws_kms_key: 'a KMS key: everything encrypted under it becomes unreadable',
  aws_kms_replica_key: 'a KMS replica key: data encrypted under it in its region becomes unreadable',
  aws_kms_external_key: 'a KMS key with imported material: everything encrypted under it becomes unreadable',
  aws_kms_replica_external_key: 'a KMS replica of a key with imported material: data encrypted under it becomes unreadable',
  aws_secretsmanager_secret: 'a Secrets Manager secret: its value is lost after the recovery window',
  azurerm_key_vault: 'a Key Vault: every key in it goes',
  azurerm_key_vault_key: 'a Key Vault key: disks encrypted with it become unreadable',
  azurerm_key_vault_secret: 'a Key Vault secret: its value is lost after soft delete',
  azurerm_disk_encryption_set: 'a disk encryption set: disks that use it cannot be read',
  // Backups and images.
  aws_backup_vault: 'a backup vault: its recovery points are lost',
  azurerm_recovery_services_vault: 'a Recovery Services vault: its backups are lost',
  azurerm_data_protection_backup_vault: 'a backup vault: its recovery points are lost',
  aws_ecr_repository: 'an ECR repository: its images are lost',
  azurerm_container_registry: 'a container registry: its images are lost',
  // Clusters and what runs in them.
  aws_eks_cluster: 'an EKS cluster: every workload, object and claim in it goes with it',
  azurerm_kubernetes_cluster: 'an AKS cluster: every workload, object and claim in it goes with it',
  kubernetes_namespace: 'a namespace: every object in it, its persistent volume claims included, is deleted',
  kubernetes_namespace_v1: 'a namespace: every object in it, its persistent volume claims included, is deleted',
  kubernetes_persistent_volume_claim: 'a persistent volume claim: its volume may be deleted',
  kubernetes_persistent_volume_claim_v1: 'a persistent volume claim: its volume may be deleted',
  kubernetes_persistent_volume: 'a persistent volume: its disk may be deleted',
  kubernetes_persistent_volume_v1: 'a persistent volume: its disk may be deleted',
  // Audit records (AU-9, AU-11): deleting the container deletes the records.
  aws_cloudwatch_log_group: 'a CloudWatch log group: the audit or flow logs in it are deleted (AU-9, AU-11)',
  azurerm_log_analytics_workspace: 'a Log Analytics workspace: the audit logs in it are deleted (AU-9, AU-11)',
  aws_cloudtrail: 'a CloudTrail trail: API activity is no longer recorded (AU-2, AU-12)',
  // Where state lives.
  tfe_workspace: 'a Terraform Cloud workspace: its state versions are deleted',
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
  /**
   * Deletions and replacements of types hms-sys has not classified (an agency's own
   * resources): let through, since a list cannot know every type, but said, so that
   * nobody reads silence as "the guard judged this safe".
   */
  readonly unjudged: readonly GuardFinding[];
}

/** Plan JSON comes from files and APIs: take only what has the documented shape. */
function record(value: unknown): Record<string, unknown> | undefined {
  return isObject(value) ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const REASONS: Readonly<Record<string, string>> = {
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

/**
 * Checks every planned change (`resource_changes` of `terraform show -json`);
 * `allowances` are addresses the user allows to be deleted or replaced. Entries
 * that do not have the documented shape hold no deletion and are skipped.
 * @see https://developer.hashicorp.com/terraform/internals/json-format#change-representation
 */
export function guardPlan(plan: unknown, allowances: readonly string[] = []): GuardResult {
  const changes = record(plan)?.resource_changes;
  const blocked: GuardFinding[] = [];
  const allowed: GuardFinding[] = [];
  const unjudged: GuardFinding[] = [];
  for (const entry of Array.isArray(changes) ? changes : []) {
    const c = record(entry);
    const change = record(c?.change);
    const actions = strings(change?.actions);
    const { address, type, mode } = c ?? {};
    if (mode === 'data' || typeof type !== 'string' || typeof address !== 'string' || !actions.includes('delete')) continue;
    const what = STATEFUL_TYPES[type];
    if (!what && STATELESS_TYPES.has(type)) continue;
    const action = actions.includes('create') ? 'replace' : 'delete';
    const cause = REASONS[typeof c?.action_reason === 'string' ? c.action_reason : ''] ?? (action === 'replace' ? 'Terraform plans to replace it' : 'Terraform plans to delete it');
    const replacePaths = Array.isArray(change?.replace_paths) ? change.replace_paths : [];
    const paths = replacePaths.map((p) => (Array.isArray(p) ? p.map(String).join('.') : String(p))).filter(Boolean);
    const forcedBy = paths.length > 0 ? ` (${paths.join(', ')})` : '';
    if (!what) {
      unjudged.push({ address, type, action, reason: `hms-sys does not know whether ${type} holds data; ${cause}${forcedBy}` });
      continue;
    }
    const finding: GuardFinding = { address, type, action, reason: `${what}; ${cause}${forcedBy}` };
    (allowances.includes(address) ? allowed : blocked).push(finding);
  }
  return { blocked, allowed, unjudged };
}

export function formatGuardFinding(f: GuardFinding): string {
  return `[stateful-guard] ${f.address} would be ${f.action === 'replace' ? 'replaced' : 'deleted'}: ${f.reason}. If that is intended, re-run with --allow-destroy ${f.address}`;
}

export function formatUnjudged(f: GuardFinding): string {
  return `[stateful-guard] note: ${f.address} would be ${f.action === 'replace' ? 'replaced' : 'deleted'}: ${f.reason}. The guard let it through; read the plan before you apply`;
}

export function formatAllowance(f: GuardFinding): string {
  return `allowed: ${f.address} will be ${f.action === 'replace' ? 'replaced' : 'deleted'} (--allow-destroy): ${f.reason}`;
}
