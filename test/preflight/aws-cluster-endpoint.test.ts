import type { Blueprint } from '../../lib/blueprint/blueprint';
import type { SynthesizedStack } from '../../lib/cli/synthesize';
import { awsClusterEndpointCheck } from '../../lib/preflight/aws-cluster-endpoint';
import { PREFLIGHT_CHECKS } from '../../lib/preflight/checks';
import type { Reachability } from '../../lib/preflight/endpoint-reachable';
import { runPreflight } from '../../lib/preflight/preflight';
import { closedPort, listeningServer } from '../support/net';

const k8s = { stackName: 'dcaa-audit-aws-k8s', layer: 'kubernetes', cloud: 'aws' } as SynthesizedStack;
const blueprint = (aws: Partial<Blueprint['aws']> = {}) =>
  ({ name: 'dcaa-audit', aws: { region: 'us-gov-west-1', vpcCidr: '10.40.0.0/16', operatorCidrs: [], clusterAdminArns: [], ...aws } }) as unknown as Blueprint;
const context = (endpoint: string | undefined, bp = blueprint()) => ({
  blueprint: bp,
  stack: k8s,
  outputsOf: (name: string) => (name === 'dcaa-audit-aws' && endpoint !== undefined ? { cluster_endpoint: endpoint } : undefined),
});

describe('awsClusterEndpointCheck', () => {
  let port: number;
  let close: () => Promise<void>;
  beforeAll(async () => ({ port, close } = await listeningServer()));
  afterAll(() => close());

  test('is registered for hms-sys apply, and runs before Kubernetes stacks on AWS only', () => {
    expect(PREFLIGHT_CHECKS.map((c) => c.name)).toContain('EKS API endpoint reachable');
    const check = awsClusterEndpointCheck();
    expect(check.appliesTo(k8s, blueprint())).toBe(true);
    expect(check.appliesTo({ ...k8s, layer: 'cloud' }, blueprint())).toBe(false);
    expect(check.appliesTo({ ...k8s, cloud: 'azure' }, blueprint())).toBe(false);
  });

  test('passes when the endpoint the cluster stack reported answers', async () => {
    expect(await awsClusterEndpointCheck().run(context(`https://127.0.0.1:${port}`))).toEqual({ ok: true });
  });

  test('asks the EKS API on 443 at the host the cluster stack reported', async () => {
    const asked: [string, number][] = [];
    const reach = async (host: string, p: number): Promise<Reachability> => (asked.push([host, p]), { ok: true });
    await awsClusterEndpointCheck(reach).run(context('https://abcdef.gr7.us-gov-west-1.eks.amazonaws.com'));
    expect(asked).toEqual([['abcdef.gr7.us-gov-west-1.eks.amazonaws.com', 443]]);
  });

  test('an endpoint that does not answer stops apply, saying why and where apply must run from', async () => {
    const reach = async (): Promise<Reachability> => ({ ok: false, address: '10.40.3.17', reason: 'timed out', detail: 'no answer within 5000 ms' });
    await expect(
      runPreflight([awsClusterEndpointCheck(reach)], context('https://abcdef.gr7.us-gov-west-1.eks.amazonaws.com', blueprint({ operatorCidrs: ['10.90.0.0/24'], transitGatewayId: 'tgw-0123456789abcdef0' }))),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(
        /^preflight for dcaa-audit-aws-k8s failed: EKS API endpoint reachable: abcdef\.gr7\.us-gov-west-1\.eks\.amazonaws\.com resolves to 10\.40\.3\.17, but nothing answers on 443 .*no route to the VPC, or the cluster security group does not admit it\. The cluster API is private\. Run hms-sys apply from a machine in aws\.operatorCidrs \(now: 10\.90\.0\.0\/24\), routed through transit gateway tgw-0123456789abcdef0, .*Nothing was applied to dcaa-audit-aws-k8s\.$/s,
      ),
    });
  });

  test('without operators or a transit gateway it says that only machines inside the VPC have a route', async () => {
    const reach = async (): Promise<Reachability> => ({ ok: false, address: '10.40.3.17', reason: 'timed out' });
    const outcome = await awsClusterEndpointCheck(reach).run(context('https://abcdef.gr7.us-gov-west-1.eks.amazonaws.com'));
    expect(outcome.message).toMatch(/aws\.operatorCidrs \(now: none\), connected to the VPC \(aws\.transitGatewayId is not set, so only machines inside the VPC have a route\)/);
  });

  test('a name that does not resolve points at DNS, since EKS publishes private endpoints publicly', async () => {
    const reach = async (): Promise<Reachability> => ({ ok: false, reason: 'name does not resolve', detail: 'ENOTFOUND' });
    const outcome = await awsClusterEndpointCheck(reach).run(context('https://abcdef.gr7.us-gov-west-1.eks.amazonaws.com'));
    expect(outcome.message).toMatch(/does not resolve \(ENOTFOUND\): EKS publishes private endpoints in public DNS/);
  });

  test('a closed port is a failure too, end to end', async () => {
    expect(await awsClusterEndpointCheck().run(context(`https://127.0.0.1:${await closedPort()}`))).toMatchObject({ ok: false, message: expect.stringMatching(/connection refused/) });
  });

  test('without the endpoint from the cluster stack, says to apply that first', async () => {
    expect(await awsClusterEndpointCheck().run(context(undefined))).toEqual({
      ok: false,
      message: 'dcaa-audit-aws reported no cluster_endpoint; apply dcaa-audit-aws first (hms-sys apply dcaa-audit applies it before its Kubernetes stack)',
    });
  });
});
