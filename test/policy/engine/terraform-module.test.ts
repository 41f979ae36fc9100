import { fromTerraformJson } from '../../../lib/policy/engine/document';
import { MAX_EXPANDED_INSTANCES } from '../../../lib/policy/engine/terraform-module';

const read = (json: unknown) => fromTerraformJson(json, 'm', 'main.tf.json').resources;

describe('count', () => {
  const resources = read({
    variable: { replicas: { default: 2 }, unknown_count: {} },
    resource: {
      aws_s3_bucket: { state: { count: '${var.replicas}', bucket: 'state-${count.index}' } },
      aws_s3_bucket_versioning: { state: { count: 2, bucket: '${aws_s3_bucket.state[count.index].id}', versioning_configuration: { status: 'Enabled' } } },
      aws_ebs_volume: { none: { count: 0, encrypted: false }, maybe: { count: '${var.unknown_count}', size: '${count.index}' } },
    },
  });
  const at = (address: string) => resources.find((r) => r.address === address);

  test('a known count makes one instance per index, count.index known, as Terraform plans it', () => {
    expect(resources.filter((r) => r.type === 'aws_s3_bucket').map((r) => [r.address, r.values.bucket])).toEqual([
      ['aws_s3_bucket.state[0]', 'state-0'],
      ['aws_s3_bucket.state[1]', 'state-1'],
    ]);
  });

  test('references through count.index name the instance', () => {
    expect(at('aws_s3_bucket_versioning.state[1]')?.values.bucket).toBe('${aws_s3_bucket.state[1].id}');
  });

  test('count = 0 makes no instance (Terraform creates nothing)', () => {
    expect(resources.some((r) => r.address.startsWith('aws_ebs_volume.none'))).toBe(false);
  });

  test('an unknown count is one instance at the plain address, its index unknown', () => {
    expect(at('aws_ebs_volume.maybe')?.values.size).toBe('${count.index}');
  });

  test('a count Terraform refuses is refused; a count too large to expand is read once, its index unknown', () => {
    expect(() => read({ resource: { aws_ebs_volume: { v: { count: -1 } } } })).toThrow(/count is -1; Terraform requires a whole number of 0 or more/);
    expect(() => read({ resource: { aws_ebs_volume: { v: { count: 1.5 } } } })).toThrow(/whole number/);
    const many = read({ resource: { aws_ebs_volume: { v: { count: MAX_EXPANDED_INSTANCES + 1, size: '${count.index}' } } } });
    expect(many.map((r) => [r.address, r.values.size])).toEqual([['aws_ebs_volume.v', '${count.index}']]);
  });
});

describe('for_each', () => {
  test('a known for_each makes one instance per key; an empty one makes none', () => {
    const resources = read({ resource: { aws_ebs_volume: { v: { for_each: { a: 1, b: 2 }, size: '${each.value}' }, none: { for_each: [], size: 1 } } } });
    expect(resources.map((r) => [r.address, r.values.size])).toEqual([
      ['aws_ebs_volume.v["a"]', 1],
      ['aws_ebs_volume.v["b"]', 2],
    ]);
  });
});
