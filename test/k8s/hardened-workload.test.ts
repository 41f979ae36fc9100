import { HardenedWorkload, type HardenedWorkloadProps } from '../../lib/k8s/hardened-workload';
import { onlyResource, synthConstructs, type TfJson } from '../support/synth';

const BASE: HardenedWorkloadProps = { namespaceName: 'dcaa', workloadName: 'dcaa-secure', image: 'ghcr.io/hms/dcaa-audit:v1.0', replicas: 10 };
const synth = (props: Partial<HardenedWorkloadProps> = {}): TfJson => synthConstructs((s) => new HardenedWorkload(s, 'app', { ...BASE, ...props }));
const podSpec = (tf: TfJson) => onlyResource(tf, 'kubernetes_deployment_v1').spec.template.spec;

describe('k8s.HardenedWorkload', () => {
  const tf = synth();
  const spec = podSpec(tf);
  const container = spec.container[0];

  test('the blueprint image and replicas, in the namespace', () => {
    const d = onlyResource(tf, 'kubernetes_deployment_v1');
    expect(d.metadata).toMatchObject({ name: 'dcaa-secure', namespace: 'dcaa' });
    expect(d.spec.replicas).toBe('10');
    expect(container.image).toBe('ghcr.io/hms/dcaa-audit:v1.0');
  });

  test('restricted security context: non-root, no escalation, no capabilities, read-only root, RuntimeDefault seccomp', () => {
    expect(spec.security_context).toMatchObject({ run_as_non_root: true, run_as_user: '10001', seccomp_profile: { type: 'RuntimeDefault' } });
    // Pod Security "restricted" needs a non-zero user: whatever the constant says, never root.
    expect(Number(spec.security_context.run_as_user)).toBeGreaterThan(0);
    expect(container.security_context).toEqual({
      run_as_non_root: true,
      privileged: false,
      allow_privilege_escalation: false,
      read_only_root_filesystem: true,
      capabilities: { drop: ['ALL'] },
      seccomp_profile: { type: 'RuntimeDefault' },
    });
    expect(spec).toMatchObject({ host_network: false, host_pid: false, host_ipc: false });
  });

  test('requests and limits, and probes on the container port', () => {
    // Literal values, not the implementation's constant: a test that reads the constant passes whatever it holds.
    expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(container.port).toEqual([{ name: 'app', container_port: 8080, protocol: 'TCP' }]);
    expect(container.readiness_probe.tcp_socket).toEqual([{ port: '8080' }]);
    expect(container.liveness_probe.tcp_socket).toEqual([{ port: '8080' }]);
  });

  test('no service account token, on its own service account', () => {
    expect(spec.automount_service_account_token).toBe(false);
    expect(onlyResource(tf, 'kubernetes_service_account_v1').automount_service_account_token).toBe(false);
  });

  test('spread across zones and nodes, with a disruption budget', () => {
    expect(spec.topology_spread_constraint.map((c: any) => c.topology_key)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(onlyResource(tf, 'kubernetes_pod_disruption_budget_v1').spec).toMatchObject({ max_unavailable: '1', selector: { match_labels: { 'app.kubernetes.io/name': 'dcaa-secure' } } });
  });

  test('a writable /tmp in memory, since the root filesystem is read-only', () => {
    expect(container.volume_mount).toEqual([{ name: 'tmp', mount_path: '/tmp' }]);
    expect(spec.volume[0]).toEqual({ name: 'tmp', empty_dir: { medium: 'Memory', size_limit: '64Mi' } });
  });

  test('a block (ReadWriteOnce) claim is mounted at its path by a single replica', () => {
    const one = podSpec(synth({ replicas: 1, volume: { claimName: 'contract-pdfs', mountPath: '/data/pdfs', accessMode: 'ReadWriteOnce' } }));
    expect(one.container[0].volume_mount).toContainEqual({ name: 'data', mount_path: '/data/pdfs', read_only: false });
    expect(one.volume).toContainEqual({ name: 'data', persistent_volume_claim: { claim_name: 'contract-pdfs', read_only: false } });
  });

  test('a shared (ReadWriteMany) claim is mounted by every replica, read-only when asked', () => {
    const ten = podSpec(synth({ volume: { claimName: 'contract-pdfs', mountPath: '/srv/data', readOnly: true, accessMode: 'ReadWriteMany' } }));
    expect(ten.container[0].volume_mount).toContainEqual({ name: 'data', mount_path: '/srv/data', read_only: true });
    expect(ten.volume).toContainEqual({ name: 'data', persistent_volume_claim: { claim_name: 'contract-pdfs', read_only: true } });
  });

  test('terraform apply waits for every replica to be ready, and fails after a timeout', () => {
    const d = onlyResource(tf, 'kubernetes_deployment_v1');
    expect(d.wait_for_rollout).toBe(true);
    expect(d.timeouts).toEqual({ create: '15m', update: '15m' });
  });

  test('port, service account token and resources are options', () => {
    const s = podSpec(synth({ port: 9443, mountServiceAccountToken: true, resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } } }));
    expect(s.automount_service_account_token).toBe(true);
    expect(s.container[0].port[0].container_port).toBe(9443);
    expect(s.container[0].resources.limits).toEqual({ cpu: '2', memory: '4Gi' });
  });

  test.each([
    [{ image: 'ghcr.io/hms/dcaa-audit:latest' }, /must be pinned to a version tag or digest/],
    [{ image: 'ghcr.io/hms/dcaa-audit' }, /must be pinned/],
    [{ port: 80 }, /port \(80\) must be from 1024 to 65535: a non-root container cannot bind below 1024/],
    [{ replicas: 0 }, /replicas \(0\) must be from 1 to 1000/],
    [{ volume: { claimName: 'data', mountPath: '/data', accessMode: 'ReadWriteOnce' as const } }, /a ReadWriteOnce \(block\) volume attaches to one node, so 10 replicas cannot all mount it/],
    [{ volume: { claimName: 'data', mountPath: 'data/../etc', accessMode: 'ReadWriteMany' as const } }, /volume.mountPath \(data\/..\/etc\) must be an absolute folder path/],
  ])('refuses %p', (props, message) => {
    expect(() => synth(props)).toThrow(message);
  });

  test('a digest is pinned', () => {
    expect(() => synth({ image: `ghcr.io/hms/dcaa-audit@sha256:${'b'.repeat(64)}` })).not.toThrow();
  });
});
