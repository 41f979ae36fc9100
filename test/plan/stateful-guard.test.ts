import { formatGuardFinding, formatUnjudged, guardPlan, STATEFUL_TYPES } from '../../lib/plan/stateful-guard';
import { STATELESS_TYPES } from '../../lib/plan/stateless-types';

const change = (address: string, actions: string[], extra: Record<string, unknown> = {}) => ({
  address,
  type: address.split('.')[0],
  mode: 'managed',
  change: { actions },
  ...extra,
});
const plan = (...resource_changes: unknown[]) => ({ format_version: '1.2', resource_changes });

describe('guardPlan', () => {
  test('refuses replacing a volume, naming what forces it', () => {
    const { blocked } = guardPlan(plan(change('aws_ebs_volume.data', ['delete', 'create'], { action_reason: 'replace_because_cannot_update', change: { actions: ['delete', 'create'], replace_paths: [['availability_zone']] } })));
    expect(blocked).toEqual([
      { address: 'aws_ebs_volume.data', type: 'aws_ebs_volume', action: 'replace', reason: 'an EBS volume: its data is lost; a changed attribute cannot be updated in place (availability_zone)' },
    ]);
    expect(formatGuardFinding(blocked[0])).toMatch(/would be replaced: .* re-run with --allow-destroy aws_ebs_volume.data$/);
  });

  test('refuses deleting a key whose configuration was removed (where prevent_destroy no longer applies)', () => {
    const { blocked } = guardPlan(plan(change('aws_kms_key.k', ['delete'], { action_reason: 'delete_because_no_resource_config' })));
    expect(blocked[0]).toMatchObject({ action: 'delete', reason: expect.stringMatching(/everything encrypted under it becomes unreadable; its configuration was removed/) });
  });

  test.each([['azurerm_managed_disk.d'], ['azurerm_key_vault.kv'], ['kubernetes_persistent_volume_claim_v1.c'], ['aws_s3_bucket.state']])('guards %s', (address) => {
    expect(guardPlan(plan(change(address, ['delete']))).blocked).toHaveLength(1);
  });

  test('create-before-destroy replacement is still a replacement', () => {
    expect(guardPlan(plan(change('aws_ebs_volume.v', ['create', 'delete']))).blocked[0].action).toBe('replace');
  });

  test('an allowance by address lets one change through and records it', () => {
    const result = guardPlan(plan(change('aws_ebs_volume.a', ['delete']), change('aws_ebs_volume.b', ['delete'])), ['aws_ebs_volume.a']);
    expect(result.allowed.map((f) => f.address)).toEqual(['aws_ebs_volume.a']);
    expect(result.blocked.map((f) => f.address)).toEqual(['aws_ebs_volume.b']);
  });

  test('updates, creations, no-ops, data sources and stateless resources pass', () => {
    const result = guardPlan(
      plan(
        change('aws_ebs_volume.v', ['update']),
        change('aws_ebs_volume.w', ['create']),
        change('aws_ebs_volume.x', ['no-op']),
        { ...change('aws_ebs_volume.y', ['delete']), mode: 'data' },
        change('aws_security_group.s', ['delete']),
      ),
    );
    expect(result).toEqual({ blocked: [], allowed: [], unjudged: [] });
  });

  test('anything that is not a plan holds no changes', () => {
    const none = { blocked: [], allowed: [], unjudged: [] };
    expect(guardPlan(undefined)).toEqual(none);
    expect(guardPlan({ resource: {} })).toEqual(none);
    expect(guardPlan({ resource_changes: { 'aws_ebs_volume.v': {} } })).toEqual(none);
  });

  test('entries of unexpected shape are skipped, never a crash; the well-formed ones are still judged', () => {
    const result = guardPlan({
      resource_changes: [
        null,
        5,
        'aws_ebs_volume.v',
        { address: 7, type: 'aws_ebs_volume', change: { actions: ['delete'] } },
        { address: 'aws_ebs_volume.w', type: 'aws_ebs_volume', change: { actions: 'delete' } },
        { address: 'aws_ebs_volume.x', type: 'aws_ebs_volume', change: null },
        { address: 'aws_ebs_volume.y', type: 'aws_ebs_volume', change: { actions: ['delete', 'create'], replace_paths: [7, null, ['size', 0]] } },
      ],
    });
    expect(result.blocked).toEqual([expect.objectContaining({ address: 'aws_ebs_volume.y', action: 'replace', reason: expect.stringMatching(/\(7, null, size\.0\)$/) })]);
  });

  test('a type hms-sys has not classified is let through but named, never passed in silence', () => {
    const result = guardPlan(plan(change('aws_timestreamwrite_table.metrics', ['delete'], { action_reason: 'delete_because_no_resource_config' }), change('aws_route.r', ['delete']), change('google_sql_database_instance.db', ['delete', 'create'])));
    expect(result.blocked).toEqual([]);
    expect(result.unjudged.map((f) => `${f.action} ${f.address}`)).toEqual(['delete aws_timestreamwrite_table.metrics', 'replace google_sql_database_instance.db']);
    expect(formatUnjudged(result.unjudged[0])).toBe(
      '[stateful-guard] note: aws_timestreamwrite_table.metrics would be deleted: hms-sys does not know whether aws_timestreamwrite_table holds data; its configuration was removed. The guard let it through; read the plan before you apply',
    );
  });

  test('no type is both stateful and stateless', () => {
    expect([...STATELESS_TYPES].filter((t) => t in STATEFUL_TYPES)).toEqual([]);
  });

  test('every stateful type says what is lost', () => {
    for (const what of Object.values(STATEFUL_TYPES)) expect(what).toMatch(/: /);
  });

  // A hostile review deleted these beside our stacks and the guard let every one through.
  test.each([
    'azurerm_postgresql_flexible_server.db',
    'azurerm_mssql_database.claims',
    'azurerm_cosmosdb_account.docs',
    'aws_rds_cluster_instance.writer',
    'aws_elasticache_replication_group.sessions',
    'aws_fsx_lustre_file_system.scratch',
    'aws_opensearch_domain.search',
    'aws_cloudtrail.audit',
  ])('deleting the data store an agency keeps beside ours (%s) is refused', (address) => {
    const result = guardPlan(plan(change(address, ['delete'], { action_reason: 'delete_because_no_resource_config' })));
    expect(result.blocked.map((f) => f.address)).toEqual([address]);
  });
});
