/**
 * hms-sys verify against the fake API server: the probes' verdicts on a healthy
 * platform and on one fault at a time, and what is left behind (nothing).
 */
import { desiredPlatform } from '../../../lib/live/desired';
import { connectCluster, type KubeClient } from '../../../lib/live/kube-client';
import { formatVerifyJunit, formatVerifyText, verifyExitCode } from '../../../lib/live/verify/report';
import { ProbeCleanup } from '../../../lib/live/verify/run-probe';
import { removeExpiredProbes, verifyPlatform } from '../../../lib/live/verify/verify-platform';
import { startFakeKubeApi, type FakeKubeApi } from '../../support/fake-kube-api';
import { convergedCluster } from '../../support/fake-platform';
import { probeOutcomes, type Fault } from '../../support/fake-probes';
import { exampleBlueprint } from '../../support/synth';

const bp = exampleBlueprint();
const outputs = { namespace_name: 'dcaa-audit', deployment_name: 'dcaa-secure', replicas: 10, claim_name: 'contract-pdfs', claim_mount_path: '/data/pdfs' };

describe('verifyPlatform', () => {
  let api: FakeKubeApi;
  let client: KubeClient;
  beforeAll(async () => {
    api = await startFakeKubeApi(convergedCluster({ nodes: 3, replicas: 3, mountPath: '/data/pdfs' }));
    client = connectCluster({ label: 'dcaa-audit-aws', server: api.url, caData: api.caData, exec: { command: api.plugin, args: [] } });
  });
  afterAll(() => api.close());

  async function verify(faults: Fault[], desiredOutputs: Record<string, unknown> = outputs, timeoutMs = 30_000) {
    Object.assign(api.cluster, convergedCluster({ nodes: 3, replicas: 3, mountPath: '/data/pdfs' }));
    api.cluster.probe = probeOutcomes(faults);
    api.cluster.podStartPolls = 1;
    api.requests.length = 0;
    const cleanup = new ProbeCleanup(client);
    const results = await verifyPlatform(client, cleanup, desiredPlatform(bp, 'aws', desiredOutputs), { runId: 'r1', image: 'busybox:1.37.0', egressTarget: '1.1.1.1:443', timeoutMs, pollMs: 20 });
    const leftovers = await cleanup.run();
    const report = { blueprint: 'dcaa-audit', results, problems: [], leftovers };
    return { results, report, text: formatVerifyText(report), code: verifyExitCode(report), byId: Object.fromEntries(results.map((r) => [r.id, r])) };
  }

  test('a healthy platform proves every promise, exit 0, and nothing is left behind', async () => {
    const r = await verify([]);
    expect(r.text.split('\n').filter((l) => !l.startsWith('    '))).toEqual([
      '✔ FIPS mode on every node of the pool on aws (NIST 800-53 SC-13)',
      '✔ Egress denied on aws (NIST 800-53 SC-7, SC-7(5), AC-4)',
      '✔ Ingress fenced on aws (NIST 800-53 SC-7, AC-4)',
      '✔ Volume mounted as declared on every replica on aws (NIST 800-53 SC-28, AC-6)',
      '4 of 4 promise(s) proven on dcaa-audit',
    ]);
    expect(r.code).toBe(0);
    // One FIPS probe per node of the pool, one volume probe per node running a replica.
    expect(r.byId.fips.evidence).toHaveLength(3);
    // DNS is denied by the blueprint (allowDns false), so the egress probe tries it too.
    expect(r.byId.egress.evidence).toEqual(['from dcaa-audit: tcp 1.1.1.1:443 blocked; dns blocked;']);
    expect(api.requests.filter((q) => q.startsWith('POST /apis/batch/v1/namespaces/dcaa-audit/jobs'))).toHaveLength(3 + 1 + 3);
    expect(api.requests.filter((q) => q.startsWith('DELETE /apis/batch/v1/namespaces/')).length).toBe(8);
    expect(api.requests).toContain('DELETE /api/v1/namespaces/hms-sys-probe-r1');
    expect(api.cluster.jobs['dcaa-audit']).toEqual([]);
    expect(api.cluster.namespaces.map((n) => n.metadata.name)).toEqual(['dcaa-audit']);
    expect(r.report.leftovers).toEqual([]);
  });

  test('one node out of FIPS mode fails the promise, naming the node and SC-13, exit 1', async () => {
    const r = await verify(['non-fips-node']);
    expect(r.text).toContain('✘ FIPS mode on every node of the pool on aws (NIST 800-53 SC-13): a node is not in FIPS mode: node ip-10-40-0-12.us-gov-west-1.compute.internal: fips_enabled=0');
    expect(r.code).toBe(1);
  });

  test('egress that reaches the public address and ingress from another namespace both fail', async () => {
    const r = await verify(['egress-open', 'ingress-open']);
    expect(r.byId.egress).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('tcp 1.1.1.1:443 reached') });
    expect(r.byId.ingress).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('10.40.0.100:8080 reached') });
    expect(r.code).toBe(1);
  });

  test('a probe with no network at all proves nothing: an error, not a pass', async () => {
    const r = await verify(['no-network']);
    expect(r.byId.ingress).toMatchObject({ outcome: 'error', reason: expect.stringContaining('a refusal proves nothing') });
    expect(r.code).toBe(3);
  });

  test('a probe image that cannot be pulled is an error naming the image, and the probes are still removed', async () => {
    const r = await verify(['image-pull']);
    expect(r.byId.fips).toMatchObject({ outcome: 'error', reason: expect.stringContaining('ImagePullBackOff: Back-off pulling image "busybox:1.37.0"') });
    expect(r.code).toBe(3);
    expect(api.cluster.jobs['dcaa-audit']).toEqual([]);
  });

  test('a probe that never finishes times out as an error', async () => {
    const r = await verify(['never-starts'], outputs, 300);
    expect(r.byId.egress).toMatchObject({ outcome: 'error', reason: expect.stringMatching(/gave no result within 0 s: Pending/) });
  });

  test('a volume declared writable that is read-only fails; a block volume no replica mounts fails', async () => {
    expect((await verify(['volume-read-only'])).byId.volume).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('the volume is not writable as declared') });
    const unmounted = await verify([], { ...outputs, claim_mount_path: '' });
    expect(unmounted.byId.volume).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('no replica mounts contract-pdfs: a block volume attaches to one node') });
  });

  test('JUnit: one case per promise, a broken one a failure with its control', async () => {
    const xml = formatVerifyJunit((await verify(['egress-open'])).report);
    expect(xml).toContain('<testsuite name="dcaa-audit on aws" tests="4" failures="1" errors="0">');
    expect(xml).toMatch(/<testcase classname="dcaa-audit.aws" name="Egress denied \(SC-7, SC-7\(5\), AC-4\)" time="[\d.]+"><failure message="a pod of the workload namespace reached out: /);
  });

  test('probe namespaces left by a killed run are removed once expired, fresh ones kept', async () => {
    api.cluster.namespaces.push(
      { metadata: { name: 'hms-sys-probe-old', labels: { 'hms-sys/probe': 'ingress', 'hms-sys/expires': '1000' } } },
      { metadata: { name: 'hms-sys-probe-new', labels: { 'hms-sys/probe': 'ingress', 'hms-sys/expires': '9999999999' } } },
    );
    expect(await removeExpiredProbes(client)).toEqual(['hms-sys-probe-old']);
    expect(api.cluster.namespaces.map((n) => n.metadata.name)).toContain('hms-sys-probe-new');
  });
});
