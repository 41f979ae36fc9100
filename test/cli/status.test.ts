import { readFileSync } from 'node:fs';
import { exampleProject as project, runCli } from '../support/cli';
import { startFakeKubeApi, type FakeKubeApi } from '../support/fake-kube-api';
import { convergedCluster, node } from '../support/fake-platform';
import { liveProject, runLive, runLiveInProcess } from '../support/live-project';

describe('hms-sys status', () => {
  test('says clearly when nothing is deployed yet, exit 1, and leaves no cdktf.out behind', async () => {
    const dir = project();
    const r = await runCli(['status', 'dcaa-audit'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'nothing is deployed for dcaa-audit yet: no state in terraform-state/ for dcaa-audit-aws, dcaa-audit-aws-k8s, dcaa-audit-azure, dcaa-audit-azure-k8s. Deploy with `hms-sys apply dcaa-audit`.',
    );
  });

  test('--json says the same to machines', async () => {
    const r = await runCli(['status', 'dcaa-audit', '--json'], project());
    expect(JSON.parse(r.stdout)).toMatchObject({ blueprint: 'dcaa-audit', deployed: false, converged: false, lines: [] });
  });

  test('an unknown name lists the blueprints and stacks there are, and the nearest name', async () => {
    const r = await runCli(['status', 'dcaa-audt'], project());
    expect(r).toMatchObject({
      code: 1,
      stderr: [
        'hms-sys status: no blueprint, stack or node pool named "dcaa-audt" (did you mean dcaa-audit?) in blueprints/.',
        'blueprints: dcaa-audit',
        'stacks: dcaa-audit-aws, dcaa-audit-aws-k8s, dcaa-audit-azure, dcaa-audit-azure-k8s',
        'Name a blueprint (all its stacks), a stack (that stack) or a blueprint file (.yml).',
      ].join('\n'),
    });
  });

  test('a stack name reads its blueprint on that cloud only; the hint points to hms-sys apply', async () => {
    const r = await runCli(['status', 'dcaa-audit-azure-k8s'], project());
    expect(r).toMatchObject({
      code: 1,
      stderr: 'nothing is deployed for dcaa-audit yet: no state in terraform-state/ for dcaa-audit-azure, dcaa-audit-azure-k8s. Deploy with `hms-sys apply dcaa-audit`.',
    });
  });

  test('a shared stack runs no cluster: status refuses it, saying what to name', async () => {
    const r = await runCli(['status', 'hms-sys-state-dcaa-terraform-state'], project((y) => `stateBucket:\n  bucket: dcaa-terraform-state\n${y}`));
    expect(r).toMatchObject({ code: 1, stderr: 'hms-sys status: hms-sys-state-dcaa-terraform-state is shared by dcaa-audit and runs no cluster; name a blueprint or one of its stacks' });
  });

  test('--json and --events - cannot share stdout', async () => {
    const r = await runCli(['status', 'dcaa-audit', '--json', '--events', '-'], project());
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('--json and --events - both write to stdout') });
  });
});

describe('hms-sys status, live (fake API server, fake terraform, fake aws get-token)', () => {
  let api: FakeKubeApi;
  beforeAll(async () => {
    api = await startFakeKubeApi(convergedCluster({ mountPath: '/data/pdfs' }));
  });
  afterAll(() => api.close());

  test('status dcaa-secure (the node pool) and status dcaa-audit (the blueprint) both read the cluster, exit 0 when converged', async () => {
    const p = liveProject(api);
    // The installed binary once, end to end; then in this process, which is faster.
    const byPool = await runLive(p, ['status', 'dcaa-secure']);
    const byBlueprint = await runLiveInProcess(p, ['status', 'dcaa-audit']);
    for (const r of [byPool, byBlueprint]) {
      expect(r.stdout.split('\n')).toEqual([
        '✔ Node pool dcaa-secure created on aws (10/10 ready)',
        '✔ Volume encrypted & mounted on aws (/data/pdfs)',
        '✔ Network policy enforced on aws (egress: DENY, VPC CNI network policy agent, standard mode)',
        expect.stringMatching(/^✔ Workload running on aws \(10\/10 pods, ghcr\.io\/hms\/dcaa-audit@sha256:3f1c0e5d9a4b…\)$/),
      ]);
      expect(r.code).toBe(0);
    }
    // The same credential plugin and arguments as the Kubernetes stack's provider.
    expect(readFileSync(`${p.bin}/aws.args`, 'utf8').trim()).toBe('eks get-token --cluster-name dcaa-audit --region us-gov-west-1 --output json');
  });

  test('--watch follows until converged; --events - streams CloudEvents on stdout and the token never appears', async () => {
    api.cluster.nodes.splice(0, 1, node('ip-late', false));
    // The node becomes Ready once status has seen it not Ready.
    const seen = api.requests.length;
    const flip = setInterval(() => {
      if (api.requests.slice(seen).some((r) => r.startsWith('GET /api/v1/nodes'))) {
        api.cluster.nodes.splice(0, 1, node('ip-late', true));
        clearInterval(flip);
      }
    }, 50);
    const r = await runLiveInProcess(liveProject(api), ['status', 'dcaa-secure', '--watch', '--interval', '1', '--timeout', '60', '--events', '-']);
    clearInterval(flip);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/✘ Node pool dcaa-secure created on aws \(9\/10 ready\): 1 node\(s\) not Ready; ip-late: KubeletNotReady[\s\S]*✔ Node pool dcaa-secure created on aws \(10\/10 ready\)/);
    const events = r.stdout.split('\n').map((l) => JSON.parse(l));
    for (const e of events) expect(e).toMatchObject({ specversion: '1.0', id: expect.any(String), source: '/hms-sys/status/dcaa-audit', type: expect.stringMatching(/^gov\.hms-sys\.status\./) });
    const pool = events.filter((e) => e.type === 'gov.hms-sys.status.item.observed' && e.data.item === 'node-pool').map((e) => e.data.outcome);
    expect(pool).toEqual(['not-converged', 'converged']);
    expect(events.at(-1)).toMatchObject({ type: 'gov.hms-sys.status.finished', data: { outcome: 'converged', blueprint: 'dcaa-audit' } });
    expect(`${r.stdout}${r.stderr}`).not.toContain(api.token);
  });

  test('--watch gives up at its timeout with exit 1; --json reports the last reading', async () => {
    api.cluster.nodes.splice(0, 1, node('ip-stuck', false));
    const r = await runLiveInProcess(liveProject(api), ['status', 'dcaa-audit', '--watch', '--interval', '1', '--timeout', '2', '--json']);
    api.cluster.nodes.splice(0, 1, node('ip-stuck', true));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('hms-sys status: not converged after 2s');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ blueprint: 'dcaa-audit', deployed: true, converged: false });
    expect(report.lines[0]).toMatchObject({ ok: false, item: 'node-pool', cloud: 'aws', source: 'cluster', reason: expect.stringContaining('ip-stuck: KubeletNotReady') });
  });

  test('an unreachable cluster: exit 3, why, and where to run from', async () => {
    const r = await runLiveInProcess(liveProject(api, { server: 'https://dcaa-audit.gr7.us-gov-west-1.eks.amazonaws.invalid' }), ['status', 'dcaa-secure', '--request-timeout', '30']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /^✘ Cluster dcaa-audit-aws at https:\/\/dcaa-audit\.gr7\.us-gov-west-1\.eks\.amazonaws\.invalid: list nodes on dcaa-audit-aws: cannot reach \S+ \((ENOTFOUND|EAI_AGAIN)\)\. the name does not resolve from this machine\. The EKS API endpoint of dcaa-audit is private: run from a machine in the VPC of dcaa-audit-aws \(10\.40\.0\.0\/16, us-gov-west-1\)/,
    );
  });
});
