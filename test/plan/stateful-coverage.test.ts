/**
 * The stateful-resource guard covers what our stacks hold. The stateful types are
 * derived from what our constructs create, not listed here: every blueprint option
 * that changes which resources exist is synthesized, and a type is stateful when
 * one of our constructs protects a resource of it with `prevent_destroy` (the
 * construct's own statement that losing it loses data), or when its name says it
 * holds data, keys or audit records. A new construct is checked without editing
 * this test; a type that matches the names but holds nothing needs a reason below.
 */
import { App } from 'cdktf';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardPlan, STATEFUL_TYPES } from '../../lib/plan/stateful-guard';
import { STATELESS_TYPES } from '../../lib/plan/stateless-types';
import { addBlueprintStacks } from '../../stacks/app';
import { exampleBlueprint } from '../support/synth';

/** Blueprints that between them create every resource our stacks can: both clouds, shared and block storage (static and dynamic), both state backends. */
const VARIANTS = [
  (y: string) => y,
  (y: string) => y.replace('replicas: 10', 'replicas: 1'),
  (y: string) => y.replace('replicas: 10', 'replicas: 1').replace('encryption: aes256', 'encryption: aes256\n    provisioning: dynamic'),
  (y: string) => `stateBucket:\n  bucket: agency-terraform-state\n${y}`,
  // bottlerocket-fips is refused on AWS under deny-all (no PrivateLink for ECR FIPS endpoints): Azure only.
  (y: string) => `clouds: [azure]\n${y.replace('fips-ubuntu-22.04', 'bottlerocket-fips')}`,
  (y: string) => `terraformCloud:\n  organization: agency\n  notifications: true\n${y}`,
];

/** Names of types that hold data, keys or audit records: an oracle independent of the guard's list. */
const HOLDS_DATA = /volume|disk|snapshot|_key$|kms_|key_vault|secret$|bucket|_object$|dynamodb_table|_db_|rds_|_cluster$|file_system|share|storage_account|storage_container|log_group$|log_analytics_workspace|backup|vault|namespace|repository|registry|tfe_workspace$/;

/** Types whose names match but whose deletion loses nothing that cannot be re-created from the configuration. */
const HOLDS_NOTHING: Readonly<Record<string, string>> = {
  aws_kms_alias: 'a name for a key; deleting it leaves the key and what it encrypts',
  aws_s3_bucket_policy: "the bucket's access policy; re-created from the configuration",
  aws_s3_bucket_public_access_block: 'a setting of the bucket',
  aws_s3_bucket_ownership_controls: 'a setting of the bucket',
  aws_s3_bucket_server_side_encryption_configuration: 'the default encryption of new objects; existing objects keep theirs',
  azurerm_key_vault_access_policy: 'a grant on the vault; re-created from the configuration',
  azurerm_private_dns_zone_virtual_network_link: 'a DNS link',
  azurerm_container_registry_cache_rule: 'a mapping from an upstream to a repository; the cached images stay in the registry',
  azurerm_container_registry_credential_set: 'a pointer to Key Vault secrets; the secrets stay in the vault',
  aws_backup_plan: 'a schedule; recovery points already taken stay in the vault (which is guarded)',
  aws_backup_selection: 'which resources a plan backs up; re-created from the configuration',
  aws_ecr_registry_scanning_configuration: "a setting of the registry; images and their scan results stay",
  aws_ecr_repository_creation_template: 'settings for repositories ECR creates later; existing repositories keep theirs',
  aws_efs_file_system_policy: "the file system's access policy; re-created from the configuration, the files stay",
  kubernetes_storage_class_v1: 'how new volumes are made; existing volumes keep their reclaim policy',
  kubernetes_storage_class: 'how new volumes are made; existing volumes keep their reclaim policy',
};

interface OurResource {
  readonly stack: string;
  readonly type: string;
  readonly address: string;
  readonly preventDestroy: boolean;
}

function ourResources(): OurResource[] {
  const found: OurResource[] = [];
  for (const [i, edit] of VARIANTS.entries()) {
    const bp = { ...exampleBlueprint(edit), name: `variant-${i}` };
    const { stacks } = addBlueprintStacks(new App({ outdir: join(tmpdir(), 'hms-coverage'), skipValidation: true }), [bp]);
    for (const s of stacks) {
      const tf = s.stack.toTerraform() as { resource?: Record<string, Record<string, { lifecycle?: { prevent_destroy?: boolean } }>> };
      for (const [type, byName] of Object.entries(tf.resource ?? {})) {
        for (const [name, resource] of Object.entries(byName)) {
          found.push({ stack: s.stackName, type, address: `${type}.${name}`, preventDestroy: resource.lifecycle?.prevent_destroy === true });
        }
      }
    }
  }
  return found;
}

describe('the stateful-resource guard covers what our stacks hold', () => {
  const resources = ourResources();
  const types = [...new Set(resources.map((r) => r.type))].sort();
  const stateful = types.filter((t) => resources.some((r) => r.type === t && r.preventDestroy) || (HOLDS_DATA.test(t) && !(t in HOLDS_NOTHING)));

  test('the stacks were built: clusters, volumes, keys, state, workspaces on both clouds', () => {
    for (const t of ['aws_eks_cluster', 'azurerm_kubernetes_cluster', 'aws_ebs_volume', 'azurerm_managed_disk', 'aws_kms_key', 'aws_s3_bucket', 'tfe_workspace', 'kubernetes_namespace_v1']) {
      expect(types).toContain(t);
    }
  });

  test('every stateful type our stacks create is guarded', () => {
    expect(stateful.filter((t) => !(t in STATEFUL_TYPES))).toEqual([]);
  });

  test('every type our stacks create is classified, so the guard names only an agency\'s own types as not judged', () => {
    expect(types.filter((t) => !(t in STATEFUL_TYPES) && !STATELESS_TYPES.has(t))).toEqual([]);
    expect(types.filter((t) => STATELESS_TYPES.has(t) && stateful.includes(t))).toEqual([]);
  });

  test('the guard refuses deleting and replacing each resource of those types, and lets each through when named', () => {
    const changes = resources.filter((r) => stateful.includes(r.type)).flatMap((r) => [
      { address: `module.a.${r.address}`, type: r.type, mode: 'managed', change: { actions: ['delete'] } },
      { address: `module.b.${r.address}`, type: r.type, mode: 'managed', change: { actions: ['delete', 'create'] } },
    ]);
    const plan = { format_version: '1.2', resource_changes: changes };
    expect(guardPlan(plan).blocked).toHaveLength(changes.length);
    expect(guardPlan(plan, changes.map((c) => c.address)).allowed).toHaveLength(changes.length);
  });

  test('types that match the names of data but are not guarded say why', () => {
    for (const t of types.filter((x) => HOLDS_DATA.test(x) && !(x in STATEFUL_TYPES))) expect(HOLDS_NOTHING[t]).toMatch(/\w/);
  });

  test('namespaces, which take their claims with them, carry prevent_destroy', () => {
    const namespaces = resources.filter((r) => r.type === 'kubernetes_namespace_v1');
    expect(namespaces.length).toBeGreaterThan(0);
    expect(namespaces.filter((r) => !r.preventDestroy)).toEqual([]);
  });

  test('Terraform Cloud workspaces, which hold state versions, carry prevent_destroy', () => {
    const workspaces = resources.filter((r) => r.type === 'tfe_workspace');
    expect(workspaces.length).toBeGreaterThan(0);
    expect(workspaces.filter((r) => !r.preventDestroy)).toEqual([]);
  });

  test.each([
    'aws_eks_cluster',
    'aws_cloudwatch_log_group',
    'azurerm_kubernetes_cluster',
    'azurerm_log_analytics_workspace',
    'kubernetes_namespace_v1',
    'tfe_workspace',
    'aws_s3_bucket_versioning',
    'aws_kms_replica_key',
    'aws_kms_external_key',
    'aws_rds_cluster',
    'aws_backup_vault',
    'aws_ebs_snapshot',
    'aws_efs_file_system',
    'azurerm_storage_share',
  ])('%s, named by issue 14, is guarded', (type) => {
    expect(guardPlan({ resource_changes: [{ address: `${type}.x`, type, mode: 'managed', change: { actions: ['delete'] } }] }).blocked).toHaveLength(1);
  });
});
