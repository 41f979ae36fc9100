import { changedPaths, formatDrift, readDrift } from '../../lib/drift/resource-drift';

/** A refresh-only plan as `terraform show -json` writes it (format 1.2). */
const plan = {
  format_version: '1.2',
  resource_drift: [
    {
      address: 'aws_security_group.endpoints',
      mode: 'managed',
      type: 'aws_security_group',
      change: {
        actions: ['update'],
        before: { ingress: [{ from_port: 443, cidr_blocks: ['10.40.0.0/16'] }], tags: { Name: 'x' } },
        after: { ingress: [{ from_port: 443, cidr_blocks: ['10.40.0.0/16'] }, { from_port: 22, cidr_blocks: ['0.0.0.0/0'] }], tags: { Name: 'x', Owner: 'someone' } },
      },
    },
    { address: 'aws_flow_log.vpc', mode: 'managed', type: 'aws_flow_log', change: { actions: ['delete'], before: { id: 'fl-1' }, after: null } },
    { address: 'data.aws_region.r', mode: 'data', type: 'aws_region', change: { actions: ['read'] } },
  ],
};

describe('drift', () => {
  test('names each drifted resource and the attributes that changed; deletions outside Terraform too', () => {
    expect(readDrift(plan)).toEqual([
      { address: 'aws_security_group.endpoints', type: 'aws_security_group', kind: 'changed', attributes: ['ingress', 'tags.Owner'] },
      { address: 'aws_flow_log.vpc', type: 'aws_flow_log', kind: 'deleted', attributes: [] },
    ]);
  });

  test('reads as a report', () => {
    expect(formatDrift('dcaa-audit-aws', readDrift(plan))).toEqual([
      '✘ dcaa-audit-aws: 2 resource(s) drifted',
      '    aws_security_group.endpoints: ingress, tags.Owner changed outside Terraform',
      '    aws_flow_log.vpc: deleted outside Terraform',
    ]);
    expect(formatDrift('x', [])).toEqual(['✔ x: no drift']);
  });

  test('a plan without drift, or anything else, has none', () => {
    expect(readDrift({ format_version: '1.2', resource_changes: [] })).toEqual([]);
    expect(readDrift(undefined)).toEqual([]);
  });

  test('entries of unexpected shape are skipped, and no depth of input exhausts the stack', () => {
    let deepBefore: Record<string, unknown> = { leaf: 1 };
    let deepAfter: Record<string, unknown> = { leaf: 2 };
    for (let i = 0; i < 20000; i++) {
      deepBefore = { n: deepBefore };
      deepAfter = { n: deepAfter };
    }
    const drift = readDrift({
      resource_drift: [null, 7, { address: 'a.b', type: 'a', change: 'x' }, { address: 'c.d', type: 'c', change: { actions: ['update'], before: deepBefore, after: deepAfter } }],
    });
    expect(drift.map((d) => d.address)).toEqual(['a.b', 'c.d']);
    expect(drift[1].attributes[0]).toMatch(/^(n\.){20000}leaf$/);
    expect(readDrift({ resource_drift: { 'a.b': {} } })).toEqual([]);
  });

  test('changedPaths walks nested objects and treats lists whole', () => {
    expect(changedPaths({ a: { b: 1, c: [1] } }, { a: { b: 2, c: [1] } })).toEqual(['a.b']);
    expect(changedPaths([1], [1, 2])).toEqual(['(resource)']);
  });
});
