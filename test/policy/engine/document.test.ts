import { fromPlanJson, fromTerraformJson } from '../../../lib/policy/engine/document';

describe('fromTerraformJson', () => {
  test('reads cdk.tf.json resources with construct paths and acknowledgements', () => {
    const doc = fromTerraformJson(
      {
        resource: {
          aws_ebs_volume: {
            volume_1: {
              '//': { metadata: { path: 'stack/volume/Resource' }, 'hms-sys:acknowledgements': [{ ruleId: 'HMS-EBS-2', reason: 'AWS key is enough here' }] },
              encrypted: true,
            },
          },
        },
      },
      'stack',
      'cdk.tf.json',
    );
    expect(doc.resources[0]).toMatchObject({
      address: 'aws_ebs_volume.volume_1',
      constructPath: 'stack/volume/Resource',
      acknowledgements: [{ ruleId: 'HMS-EBS-2', reason: 'AWS key is enough here' }],
    });
    expect(doc.byType.get('aws_ebs_volume')).toHaveLength(1);
  });

  test('reads HCL converted to JSON, where each resource body is a list', () => {
    const doc = fromTerraformJson({ resource: { aws_vpc: { main: [{ cidr_block: '10.0.0.0/16' }] } } }, 'm', 'main.tf');
    expect(doc.resources[0].values).toEqual({ cidr_block: '10.0.0.0/16' });
  });

  test('ignores data sources, and refuses a resource section that is not a block, as Terraform does', () => {
    expect(fromTerraformJson({ data: { x: {} } }, 'm', 'f').resources).toEqual([]);
    expect(() => fromTerraformJson({ resource: 'nonsense' }, 'm', 'f')).toThrow(/f: resource: a block must be an object or a list of objects/);
  });
});

describe('fromPlanJson', () => {
  const plan = {
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [
          { address: 'aws_vpc.main', mode: 'managed', type: 'aws_vpc', name: 'main', values: { cidr_block: '10.0.0.0/16' } },
          { address: 'aws_flow_log.main', mode: 'managed', type: 'aws_flow_log', name: 'main', values: { traffic_type: 'ALL' } },
          { address: 'data.aws_region.r', mode: 'data', type: 'aws_region', name: 'r', values: {} },
        ],
        child_modules: [{ resources: [{ address: 'module.m.aws_ebs_volume.v', mode: 'managed', type: 'aws_ebs_volume', name: 'v', values: { encrypted: false } }] }],
      },
    },
    configuration: {
      root_module: { resources: [{ address: 'aws_flow_log.main', expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } } }] },
    },
  };
  const doc = fromPlanJson(plan, 'plan', 'plan.json');

  test('reads managed resources of the root and child modules, not data sources', () => {
    expect(doc.resources.map((r) => r.address)).toEqual(['aws_vpc.main', 'aws_flow_log.main', 'module.m.aws_ebs_volume.v']);
  });

  test('restores references for values known only after apply', () => {
    expect(doc.byType.get('aws_flow_log')?.[0].values.vpc_id).toBe('${aws_vpc.main.id}');
  });
});
