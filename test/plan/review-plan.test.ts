/**
 * The review plan document: read from `terraform test -json -verbose` output (in
 * the shape Terraform 1.11.4 prints here: a `test_plan` message without
 * planned_values or configuration), labelled, and checked like a real plan.
 */
import { checkPlan } from '../../lib/plan/check-plan';
import type { MockedDataSource } from '../../lib/plan/offline-mocks';
import { expressionReferences, formatMocked, readTestOutput, REVIEW_PLAN_KEY, reviewPlanDocument } from '../../lib/plan/review-plan';

const KEY_ARN = '${aws_kms_key.key.arn}';

/** The stack's Terraform JSON: a cluster whose secrets key exists only after apply, and an unencrypted volume. */
const STACK = {
  resource: {
    aws_eks_cluster: { cluster: { name: 'c', encryption_config: { resources: ['secrets'], provider: { key_arn: KEY_ARN } }, role_arn: '${aws_iam_role.cluster.arn}' } },
    aws_ebs_volume: { records: { availability_zone: 'us-gov-west-1a', size: 100, encrypted: false } },
  },
};

/** What `terraform test -json -verbose` printed, one JSON message a line. */
function stream(changes: object[], extra: object[] = []): string {
  return [
    { '@level': 'info', '@message': 'Terraform 1.11.4', type: 'version', terraform: '1.11.4', ui: '1.2' },
    { '@level': 'info', '@message': '  "review"... pass', '@testrun': 'review', type: 'test_run', test_run: { run: 'review', progress: 'complete', status: 'pass' } },
    { '@level': 'info', '@message': '-verbose flag enabled, printing plan', '@testrun': 'review', type: 'test_plan', test_plan: { plan_format_version: '1.2', resource_changes: changes, output_changes: {}, relevant_attributes: [], provider_schemas: {} } },
    ...extra,
    { '@level': 'info', '@message': 'Success! 1 passed, 0 failed.', type: 'test_summary', test_summary: { status: 'pass', passed: 1, failed: 0, errored: 0, skipped: 0 } },
  ]
    .map((m) => JSON.stringify(m))
    .join('\n');
}

const CHANGES = [
  {
    address: 'aws_eks_cluster.cluster',
    mode: 'managed',
    type: 'aws_eks_cluster',
    name: 'cluster',
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: ['create'],
      before: null,
      after: { name: 'c', encryption_config: [{ resources: ['secrets'], provider: [{}] }] },
      after_unknown: { arn: true, role_arn: true, encryption_config: [{ resources: [false], provider: [{ key_arn: true }] }] },
    },
  },
  {
    address: 'aws_ebs_volume.records',
    mode: 'managed',
    type: 'aws_ebs_volume',
    name: 'records',
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: { actions: ['create'], before: null, after: { availability_zone: 'us-gov-west-1a', size: 100, encrypted: false }, after_unknown: { id: true, kms_key_id: true } },
  },
];

const MOCKED: MockedDataSource[] = [{ address: 'data.aws_region.here', values: { name: 'us-gov-west-1' }, source: 'hms-sys mock' }];

describe('review plan', () => {
  const output = readTestOutput(stream(CHANGES), 'review');
  const plan = reviewPlanDocument(output.plan ?? {}, STACK, MOCKED, output.terraformVersion);
  const check = checkPlan(plan, 'records', 'records (review plan)', []);
  const failed = (ruleId: string, address: string) => check.policy.findings.filter((f) => f.ruleId === ruleId && f.resource === address && f.blocking);

  test('reads the plan of its run and the Terraform version from the JSON stream', () => {
    expect(output.status).toBe('pass');
    expect(output.terraformVersion).toBe('1.11.4');
    expect(output.plan?.resource_changes).toHaveLength(2);
    expect(readTestOutput(stream(CHANGES), 'another-run').plan).toBeUndefined();
  });

  test('is labelled as what would be created in an empty account, with every mocked value', () => {
    expect((plan[REVIEW_PLAN_KEY] as any).label).toBe('review plan: what would be created in an empty account: not a diff against deployed state');
    expect((plan[REVIEW_PLAN_KEY] as any).mocked_values).toEqual([{ address: 'data.aws_region.here', values: { name: 'us-gov-west-1' }, source: 'hms-sys mock' }]);
    expect(formatMocked(MOCKED[0])).toBe('data.aws_region.here (name=us-gov-west-1)');
  });

  test('has the planned values and configuration references that a plan from terraform show -json has', () => {
    const resources = (plan.planned_values as any).root_module.resources;
    expect(resources.map((r: any) => r.address)).toEqual(['aws_eks_cluster.cluster', 'aws_ebs_volume.records']);
    const cluster = (plan.configuration as any).root_module.resources.find((r: any) => r.address === 'aws_eks_cluster.cluster');
    expect(cluster.expressions.role_arn).toEqual({ references: ['aws_iam_role.cluster.arn'] });
  });

  test('the policy packs refuse an unencrypted volume on it (HMS-EBS-1), and the counts say what it creates', () => {
    expect(failed('HMS-EBS-1', 'aws_ebs_volume.records')).toHaveLength(1);
    expect(check.passed).toBe(false);
    expect(check.counts).toEqual({ add: 2, change: 0, destroy: 0 });
  });

  test('a key known only after apply, nested in a block, is unknown to the packs, not missing (no HMS-EKS-3)', () => {
    expect(check.policy.findings.filter((f) => f.ruleId === 'HMS-EKS-3')).toEqual([]);
  });

  test('a failed run is read as its diagnostics, one line each', () => {
    const failedRun = readTestOutput(
      [
        JSON.stringify({ type: 'diagnostic', diagnostic: { severity: 'error', summary: '"arn" (tawolova) is an invalid ARN: arn: invalid prefix', detail: '', address: 'data.aws_iam_policy_document.x' } }),
        JSON.stringify({ type: 'test_summary', test_summary: { status: 'fail' } }),
        'not JSON',
      ].join('\n'),
      'review',
    );
    expect(failedRun.plan).toBeUndefined();
    expect(failedRun.status).toBe('fail');
    expect(failedRun.diagnostics).toEqual([
      { severity: 'error', text: '"arn" (tawolova) is an invalid ARN: arn: invalid prefix (data.aws_iam_policy_document.x)' },
      { severity: 'error', text: 'not JSON' },
    ]);
  });

  test('references are read from Terraform JSON expressions, not from literals', () => {
    expect(expressionReferences('${aws_kms_key.key.arn}')).toEqual(['aws_kms_key.key.arn']);
    expect(expressionReferences('arn:${data.aws_partition.p.partition}:iam::x')).toEqual(['data.aws_partition.p.partition']);
    expect(expressionReferences('${jsonencode({a = aws_iam_role.r.arn})}')).toEqual(['aws_iam_role.r.arn']);
    expect(expressionReferences('amazonaws.com')).toEqual([]);
  });
});
