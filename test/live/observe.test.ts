/**
 * hms-sys status, read live: each item against the fake API server in a
 * converged state, then with one thing broken, as a cluster shows it.
 */
import { desiredPlatform } from '../../lib/live/desired';
import { connectCluster, type ClusterConnection } from '../../lib/live/kube-client';
import { cloudStatus, statusExitCode } from '../../lib/live/platform-status';
import { formatStatus } from '../../lib/status/summarize';
import { emptyCluster, startFakeKubeApi, type FakeCluster, type FakeKubeApi } from '../support/fake-kube-api';
import { ALLOW_INGRESS, awsNode, convergedCluster, DEFAULT_DENY, deployment, DIGEST, node, workloadPod, NAMESPACE } from '../support/fake-platform';
import { exampleBlueprint } from '../support/synth';

const bp = exampleBlueprint();
const azureBp = exampleBlueprint((y) => `${y}\nclouds: [azure]\n`);
// The Kubernetes stack's outputs once applied: 10 replicas share no file storage, so the claim is not mounted.
const k8sOutputs = { namespace_name: NAMESPACE, deployment_name: 'dcaa-secure', replicas: 10, image: 'ghcr.io/hms/dcaa-audit:v1.0', claim_name: 'contract-pdfs', claim_mount_path: '' };
const shared = { ...k8sOutputs, claim_mount_path: '/data/pdfs' };

describe('live status', () => {
  let api: FakeKubeApi;
  let connection: ClusterConnection;
  beforeAll(async () => {
    api = await startFakeKubeApi(emptyCluster());
    connection = { label: 'dcaa-audit-aws', server: api.url, caData: api.caData, exec: { command: api.plugin, args: [] } };
  });
  afterAll(() => api.close());

  /** Status lines of the aws cloud against `cluster`. */
  async function statusOf(cluster: FakeCluster, outputs: Record<string, unknown> | 'not-applied' = shared, blueprint = bp) {
    Object.assign(api.cluster, cluster);
    const cloud = blueprint.clouds[0];
    const lines = await cloudStatus(blueprint, { cloud, stacks: [], connection, desired: desiredPlatform(blueprint, cloud, outputs === 'not-applied' ? undefined : outputs) }, (c) => connectCluster(c));
    return { lines, text: formatStatus(lines), code: statusExitCode(lines) };
  }

  test('a converged platform reads like the seed, with the running digest, and exits 0', async () => {
    const r = await statusOf(convergedCluster({ mountPath: '/data/pdfs' }));
    expect(r.text.split('\n')).toEqual([
      '✔ Node pool dcaa-secure created on aws (10/10 ready)',
      '✔ Volume encrypted & mounted on aws (/data/pdfs)',
      '✔ Network policy enforced on aws (egress: DENY, VPC CNI network policy agent, standard mode)',
      `✔ Workload running on aws (10/10 pods, ghcr.io/hms/dcaa-audit@${DIGEST.slice(0, 19)}…)`,
    ]);
    expect(r.code).toBe(0);
    expect(r.lines.find((l) => l.item === 'workload')?.detail).toMatchObject({ digests: [`ghcr.io/hms/dcaa-audit@${DIGEST}`] });
    // The node pool is found by its label, never by listing every node.
    expect(api.requests).toContain('GET /api/v1/nodes?labelSelector=hms-sys%2Fnode-pool%3Ddcaa-secure');
  });

  test('a partially ready pool names the node that is not Ready and why', async () => {
    const c = convergedCluster({ mountPath: '/data/pdfs' });
    c.nodes.splice(0, 3, node('ip-a', false), node('ip-b', false));
    const r = await statusOf(c);
    expect(r.text).toContain('✘ Node pool dcaa-secure created on aws (7/10 ready): 2 node(s) not Ready; ip-a: KubeletNotReady: container runtime network not ready');
    expect(r.code).toBe(1);
  });

  test('a pool with no labelled node yet says so', async () => {
    const c = convergedCluster({ mountPath: '/data/pdfs' });
    c.nodes = [];
    expect((await statusOf(c)).text).toContain('✘ Node pool dcaa-secure created on aws (0/10 ready): no node carries the label hms-sys/node-pool=dcaa-secure yet');
  });

  test('pods that cannot pull their image are the reason the workload is not running', async () => {
    const c = convergedCluster({ mountPath: '/data/pdfs' });
    c.deployments[NAMESPACE] = [deployment(10, 7)];
    c.pods[NAMESPACE][0] = workloadPod(0, { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "ghcr.io/hms/dcaa-audit:v1.0"' } });
    const r = await statusOf(c);
    expect(r.text).toMatch(/✘ Workload running on aws \(7\/10 pods, ghcr\.io\/hms\/dcaa-audit@sha256:3f1c0e5d9a4b…\): pod dcaa-secure-\S+: ImagePullBackOff \(Back-off pulling image "ghcr.io\/hms\/dcaa-audit:v1.0"\)/);
  });

  test('a volume no replica mounts is not the seed\'s "encrypted & mounted"', async () => {
    const r = await statusOf(convergedCluster(), k8sOutputs);
    expect(r.text).toContain(
      '✘ Volume encrypted & mounted on aws (/data/pdfs): claim contract-pdfs is bound and encrypted but no pod mounts it: a block volume attaches to one node, and 10 replicas cannot share it; shared file storage is needed',
    );
  });

  test('an unencrypted storage class fails with the policy rule\'s reason', async () => {
    const c = convergedCluster({ mountPath: '/data/pdfs' });
    c.storageClasses[0] = { ...c.storageClasses[0], parameters: { type: 'gp3' } };
    expect((await statusOf(c)).text).toContain('✘ Volume encrypted & mounted on aws (/data/pdfs): storage class contract-pdfs-encrypted is not known to encrypt: EBS volumes are provisioned without parameters.encrypted = "true"');
  });

  test('a claim still Pending, and one missing before the Kubernetes stack is applied', async () => {
    const c = convergedCluster({ mountPath: '/data/pdfs' });
    c.claims[NAMESPACE][0] = { ...c.claims[NAMESPACE][0], status: { phase: 'Pending' } };
    expect((await statusOf(c)).text).toContain('claim contract-pdfs is Pending, not Bound');
    const none = convergedCluster();
    none.claims = {};
    expect((await statusOf(none, 'not-applied')).text).toContain('claim dcaa-audit/contract-pdfs not found (dcaa-audit-aws-k8s is not applied yet)');
  });

  test('network policy: enforcement off, egress opened, a missing default deny, ingress beyond the agency range', async () => {
    const off = convergedCluster({ mountPath: '/data/pdfs' });
    off.daemonSets['kube-system'] = [awsNode(false)];
    expect((await statusOf(off)).text).toContain('✘ Network policy enforced on aws (egress: DENY): the VPC CNI network policy agent runs with --enable-network-policy=false: policies are stored but not enforced');

    const strict = convergedCluster({ mountPath: '/data/pdfs' });
    strict.daemonSets['kube-system'] = [awsNode(true, 'strict')];
    expect((await statusOf(strict)).text).toContain('✔ Network policy enforced on aws (egress: DENY, VPC CNI network policy agent, strict mode)');

    const open = convergedCluster({ mountPath: '/data/pdfs' });
    open.networkPolicies[NAMESPACE] = [DEFAULT_DENY, ALLOW_INGRESS, { ...DEFAULT_DENY, metadata: { name: 'allow-all-egress' }, spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{}] } }];
    expect((await statusOf(open)).text).toContain('✘ Network policy enforced on aws (egress: OPEN, VPC CNI network policy agent, standard mode): policy allow-all-egress allows egress');

    const noDeny = convergedCluster({ mountPath: '/data/pdfs' });
    noDeny.networkPolicies[NAMESPACE] = [ALLOW_INGRESS];
    expect((await statusOf(noDeny)).text).toContain('no default-deny policy (every pod, Ingress and Egress, no rules) in dcaa-audit');

    const wide = convergedCluster({ mountPath: '/data/pdfs' });
    wide.networkPolicies[NAMESPACE] = [DEFAULT_DENY, { ...ALLOW_INGRESS, spec: { ...ALLOW_INGRESS.spec, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] } }];
    expect((await statusOf(wide)).text).toContain('policy dcaa-isolated-allow-ingress admits ingress from beyond 192.168.15.0/24');
  });

  test('AKS: Cilium enforces, and its absence is a reason', async () => {
    const c = convergedCluster({ mountPath: '/data/pdfs', cloud: 'azure' });
    expect((await statusOf(c, shared, azureBp)).text).toContain('✔ Network policy enforced on azure (egress: DENY, Cilium)');
    c.daemonSets['kube-system'] = [];
    expect((await statusOf(c, shared, azureBp)).text).toContain('no cilium DaemonSet in kube-system');
  });

  test('forbidden reads become ✘ lines and exit 3: nothing can be said about convergence', async () => {
    const c = convergedCluster({ mountPath: '/data/pdfs' });
    c.forbidden = ['GET /api/v1/nodes'];
    const r = await statusOf(c);
    expect(r.text).toContain('✘ Node pool on aws: list nodes on dcaa-audit-aws: forbidden (403): nodes is forbidden: User "arn:aws-us-gov:iam::111122223333:role/ops"');
    expect(r.code).toBe(3);
    api.cluster.forbidden = [];
  });

  test('an unreachable cluster is one line that says why and where to run from, exit 3', async () => {
    const lines = await cloudStatus(bp, { cloud: 'aws', stacks: [], connection: { ...connection, server: 'https://127.0.0.1:1' }, desired: desiredPlatform(bp, 'aws', shared) }, (c) => connectCluster(c));
    expect(lines).toHaveLength(1);
    expect(formatStatus(lines)).toBe(
      '✘ Cluster dcaa-audit-aws at https://127.0.0.1:1: list nodes on dcaa-audit-aws: cannot reach https://127.0.0.1:1 (ECONNREFUSED). the connection was refused: something answers at that address that is not the API server. The EKS API endpoint of dcaa-audit is private: run from a machine in the VPC of dcaa-audit-aws (10.40.0.0/16, us-gov-west-1) or a network routed to it that uses the VPC\'s DNS resolver, such as the runner that applied dcaa-audit-aws-k8s',
    );
    expect(statusExitCode(lines)).toBe(3);
  });

  test('without a cluster in the state, the Terraform state speaks', async () => {
    const lines = await cloudStatus(bp, { cloud: 'aws', stacks: [{ stackName: 'dcaa-audit-aws', cloud: 'aws', layer: 'cloud' }], desired: desiredPlatform(bp, 'aws') }, () => {
      throw new Error('must not connect');
    });
    expect(lines).toEqual([{ ok: false, item: 'stack', cloud: 'aws', text: 'dcaa-audit-aws: not deployed', source: 'terraform-state' }]);
  });
});
