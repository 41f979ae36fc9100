import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleProject as project, runCli } from '../support/cli';
import { startFakeKubeApi, type FakeKubeApi } from '../support/fake-kube-api';
import { convergedCluster } from '../support/fake-platform';
import { probeOutcomes } from '../support/fake-probes';
import { liveProject, runLive, runLiveInProcess } from '../support/live-project';

describe('hms-sys verify', () => {
  test('--help documents each probe and the control it supports', async () => {
    const r = await runCli(['verify', '--help'], project());
    expect(r.code).toBe(0);
    for (const line of [
      'FIPS mode on every node of the pool  [NIST 800-53 SC-13]',
      'Egress denied  [NIST 800-53 SC-7, SC-7(5), AC-4]',
      'Ingress fenced  [NIST 800-53 SC-7, AC-4]',
      'Volume mounted as declared on every replica  [NIST 800-53 SC-28, AC-6]',
    ]) {
      expect(r.stdout).toContain(line);
    }
    expect(r.stdout).toMatch(/\/proc\/sys\/crypto\/fips_enabled/);
    expect(r.stdout).toMatch(/--probe-image/);
  });

  test('a bad format or egress target is refused with what is allowed', async () => {
    expect(await runCli(['verify', 'dcaa-audit', '--format', 'xml'], project())).toMatchObject({ code: 1, stderr: 'hms-sys verify: --format xml is not known; allowed: text, json, junit' });
    expect((await runCli(['verify', 'dcaa-audit', '--egress-target', '1.1.1.1'], project())).stderr).toContain('--egress-target must be host:port');
  });

  test('nothing deployed yet is exit 1 with the command to run, as status says it, not a tool chain failure', async () => {
    const r = await runCli(['verify', 'dcaa-audit'], project());
    expect(r.code).toBe(1);
    expect(`${r.stdout}\n${r.stderr}`).toContain('dcaa-audit-aws has no cluster in its state: apply it first (hms-sys apply dcaa-audit)');
  });
});

describe('hms-sys verify, live (fake API server, fake terraform, fake aws get-token)', () => {
  let healthy: FakeKubeApi;
  let broken: FakeKubeApi;
  beforeAll(async () => {
    [healthy, broken] = await Promise.all([startFakeKubeApi(convergedCluster({ nodes: 3, replicas: 3, mountPath: '/data/pdfs' })), startFakeKubeApi(convergedCluster({ nodes: 3, replicas: 3, mountPath: '/data/pdfs' }))]);
    healthy.cluster.probe = probeOutcomes();
    broken.cluster.probe = probeOutcomes(['egress-open']);
  });
  afterAll(() => Promise.all([healthy.close(), broken.close()]));

  test('a healthy platform: exit 0, a JUnit report for CI, CloudEvents per probe; a broken promise: exit 1 naming it and its control', async () => {
    const ok = liveProject(healthy, { edit: (y) => y.replace('replicas: 10', 'replicas: 3').replace('count: 10', 'count: 3') });
    const bad = liveProject(broken, { edit: (y) => y.replace('replicas: 10', 'replicas: 3').replace('count: 10', 'count: 3') });
    const passed = await runLiveInProcess(ok, ['verify', 'dcaa-secure', '--format', 'junit', '--output', 'verify.xml', '--events', 'events.jsonl']);
    const failed = await runLiveInProcess(bad, ['verify', 'dcaa-audit', '--probe-image', 'registry.agency.gov/tools/busybox:1.37.0']);
    expect(passed.stderr).toBe('4 of 4 promise(s) proven on dcaa-audit');
    // The default probe image (no cloud stack gives the target a mirror for it yet), or the one named.
    const images = (api: FakeKubeApi) => [...new Set(api.createdJobs.map((j) => j.spec.template.spec.containers[0].image))];
    expect(images(healthy)).toEqual(['public.ecr.aws/docker/library/busybox:1.37.0']);
    expect(images(broken)).toEqual(['registry.agency.gov/tools/busybox:1.37.0']);
    expect(passed.code).toBe(0);
    const xml = readFileSync(join(ok.dir, 'verify.xml'), 'utf8');
    expect(xml).toContain('<testsuite name="dcaa-audit on aws" tests="4" failures="0" errors="0">');
    const events = readFileSync(join(ok.dir, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => `${e.type} ${e.data.outcome}`)).toEqual([
      'gov.hms-sys.verify.started started',
      ...Array(4).fill('gov.hms-sys.verify.probe.finished passed'),
      'gov.hms-sys.verify.finished passed',
    ]);
    expect(events.find((e) => e.data.promise === 'fips').data).toMatchObject({ controls: ['SC-13'], cloud: 'aws', durationMs: expect.any(Number) });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('✘ Egress denied on aws (NIST 800-53 SC-7, SC-7(5), AC-4): a pod of the workload namespace reached out');
    expect(failed.stdout).toContain('3 of 4 promise(s) proven on dcaa-audit');
    // Nothing is left on either cluster.
    for (const api of [healthy, broken]) {
      expect(Object.values(api.cluster.jobs).flat()).toEqual([]);
      expect(api.cluster.namespaces.map((n) => n.metadata.name)).toEqual(['dcaa-audit']);
    }
  });

  test('Ctrl-C while probes run removes them and exits 130', async () => {
    const stuck = await startFakeKubeApi(convergedCluster({ nodes: 3, replicas: 3, mountPath: '/data/pdfs' }));
    stuck.cluster.probe = probeOutcomes(['never-starts']);
    try {
      const p = liveProject(stuck, { edit: (y) => y.replace('replicas: 10', 'replicas: 3').replace('count: 10', 'count: 3') });
      const run = runLive(p, ['verify', 'dcaa-secure'], {}, (child) => {
        const wait = setInterval(() => {
          if (stuck.requests.some((r) => r.startsWith('POST /apis/batch/v1/namespaces/hms-sys-probe-'))) {
            clearInterval(wait);
            child.kill('SIGINT');
          }
        }, 50);
      });
      const r = await run;
      expect(r.code).toBe(130);
      expect(r.stderr).toContain('hms-sys verify: SIGINT: removing probe pods and namespaces...');
      expect(Object.values(stuck.cluster.jobs).flat()).toEqual([]);
      expect(stuck.cluster.namespaces.map((n) => n.metadata.name)).toEqual(['dcaa-audit']);
    } finally {
      await stuck.close();
    }
  });
});
