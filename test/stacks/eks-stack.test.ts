import { App, Testing } from 'cdktf';
import { EksStack } from '../../stacks/eks-stack';
import { exampleBlueprint, onlyResource, resourcesOf, synthStack } from '../support/synth';

describe('EksStack', () => {
  const stack = new EksStack(Testing.app(), 'dcaa-audit-aws', { blueprint: exampleBlueprint() });
  const tf = synthStack(stack);

  test('matches the snapshot of the example blueprint', () => {
    expect(tf).toMatchSnapshot();
  });

  test('the provider targets GovCloud West and tags every resource with its blueprint', () => {
    const [aws] = tf.provider?.aws ?? [];
    expect(aws).toMatchObject({
      region: 'us-gov-west-1',
      use_fips_endpoint: false,
      default_tags: [{ tags: { 'hms-sys:blueprint': 'dcaa-audit', 'hms-sys:source': 'blueprints/dcaa-audit.yml', 'managed-by': 'hms-sys' } }],
    });
  });

  test('pins the AWS provider that the offline mirror holds', () => {
    expect(tf.terraform?.required_providers).toEqual({ aws: { source: 'aws', version: '5.100.0' } });
  });

  test('keeps state locally, outside cdktf.out', () => {
    expect(tf.terraform?.backend).toEqual({ local: { path: '../../../terraform-state/dcaa-audit-aws.tfstate' } });
  });

  test('the blueprint becomes the cluster, node pool and volume it describes', () => {
    expect(onlyResource(tf, 'aws_eks_cluster').name).toBe('dcaa-audit');
    expect(onlyResource(tf, 'aws_eks_node_group')).toMatchObject({ node_group_name: 'dcaa-secure', scaling_config: { desired_size: 10 } });
    expect(onlyResource(tf, 'aws_ebs_volume')).toMatchObject({ size: 1024, encrypted: true, tags: { Name: 'contract-pdfs' } });
  });

  test('the volume lives in the first private subnet zone, where pods can mount it', () => {
    const [firstSubnet] = Object.keys(tf.resource?.aws_subnet ?? {});
    expect(onlyResource(tf, 'aws_ebs_volume').availability_zone).toBe(`\${aws_subnet.${firstSubnet}.availability_zone}`);
  });

  test('the EBS CSI driver is installed after the nodes and may use the node and volume keys', () => {
    const addon = resourcesOf(tf, 'aws_eks_addon').find((a) => a.addon_name === 'aws-ebs-csi-driver') as Record<string, any>;
    expect(addon.depends_on.some((d: string) => d.startsWith('aws_eks_node_group.'))).toBe(true);
    expect(JSON.parse(String(resourcesOf(tf, 'aws_iam_role_policy').find((p) => p.name === 'use-customer-keys')?.policy)).Statement[0].Resource).toHaveLength(2);
  });

  test('holds no Kubernetes provider resources, so the offline AWS provider can plan it', () => {
    expect(Object.keys(tf.provider ?? {})).toEqual(['aws']);
    expect(Object.keys(tf.resource ?? {}).every((t) => t.startsWith('aws_'))).toBe(true);
  });

  test('no ARN is built with a hard-coded partition', () => {
    expect(JSON.stringify(tf)).not.toMatch(/arn:aws:/);
  });

  test('outputs what status needs, and nothing secret', () => {
    expect(Object.keys(tf.output ?? {}).sort()).toEqual(
      ['cluster_endpoint', 'cluster_name', 'node_pool_desired_size', 'node_pool_name', 'volume_id', 'volume_kms_key_arn', 'vpc_id'].sort(),
    );
  });

  test('a blueprint with "storage: none" has no volume and no volume outputs', () => {
    const bp = exampleBlueprint((y) => y.replace(/storage:[\s\S]*?(?=network:)/, 'storage: none\n'));
    const tf2 = synthStack(new EksStack(new App(), 'x-aws', { blueprint: bp }));
    expect(tf2.resource?.aws_ebs_volume).toBeUndefined();
    expect(tf2.output?.volume_id).toBeUndefined();
  });

  test('aws options reach the provider: region and FIPS endpoints', () => {
    const bp = exampleBlueprint((y) => `aws:\n  region: us-gov-east-1\n  fipsEndpoints: true\n${y}`);
    const [aws] = synthStack(new EksStack(new App(), 'x-aws', { blueprint: bp })).provider?.aws ?? [];
    expect(aws).toMatchObject({ region: 'us-gov-east-1', use_fips_endpoint: true });
  });

  test('user tags are kept and cannot override the audit tags', () => {
    // Validation refuses these keys; a Blueprint built in code still cannot override them.
    const bp = { ...exampleBlueprint(), tags: { agency: 'DCAA', 'managed-by': 'someone-else' } };
    const [aws] = synthStack(new EksStack(new App(), 'x-aws', { blueprint: bp })).provider?.aws ?? [];
    expect((aws as any).default_tags[0].tags).toMatchObject({ agency: 'DCAA', 'managed-by': 'hms-sys' });
  });
});
