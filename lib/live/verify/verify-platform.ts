/**
 * Proves the blueprint's promises on one running cluster with short-lived probe
 * pods, and says for each whether it held, with the evidence and the control it
 * supports.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { WORKLOAD_USER_ID } from '../../core/defaults';
import type { DesiredPlatform } from '../desired';
import { NODE_POOL_LABEL } from '../desired';
import { KubeError, type KubeClient } from '../kube-client';
import { claimMount, runningPods } from '../pods';
import { EXPIRES_LABEL, EGRESS_SCRIPT, FIPS_SCRIPT, INGRESS_SCRIPT, PROBE_LABEL, probeNamespace, VOLUME_SCRIPT } from './probe-job';
import { promise, type PromiseId } from './promises';
import { runProbe, type ProbeCleanup, type ProbeResult, type RunOptions } from './run-probe';

export interface PromiseResult {
  readonly id: PromiseId;
  readonly title: string;
  readonly controls: readonly string[];
  readonly cloud: string;
  /** `passed`: it holds; `failed`: it is broken; `error`: it could not be proven either way. */
  readonly outcome: 'passed' | 'failed' | 'error';
  /** One line per probe pod or check. */
  readonly evidence: readonly string[];
  /** Why it failed or could not be proven. */
  readonly reason?: string;
  readonly durationMs: number;
}

export interface VerifyOptions extends RunOptions {
  readonly runId: string;
  /** The probe image, already through the cluster's mirrors. */
  readonly image: string;
  /** host:port of a public address. */
  readonly egressTarget: string;
}

type Check = Omit<PromiseResult, 'id' | 'title' | 'controls' | 'cloud' | 'durationMs'>;

const labelSelector = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');

/** Folds the results of several probe pods into one verdict. */
function verdict(results: { label: string; result: ProbeResult }[], failedReason: string): Check {
  // Probe scripts name their node themselves; other evidence gets the probe's label.
  const said = (label: string, text: string) => (text.includes(label) ? text : `${label}: ${text}`);
  const evidence = results.map(({ label, result }) => said(label, result.kind === 'ran' ? result.evidence || `exit ${result.exitCode}` : result.reason));
  const broken = results.filter(({ result }) => result.kind === 'ran' && result.exitCode === 1);
  if (broken.length > 0) return { outcome: 'failed', evidence, reason: `${failedReason}: ${evidence[results.indexOf(broken[0])]}` };
  const unproven = results.find(({ result }) => result.kind === 'error' || result.exitCode !== 0);
  if (unproven) return { outcome: 'error', evidence, reason: evidence[results.indexOf(unproven)] };
  return { outcome: 'passed', evidence };
}

async function fips(client: KubeClient, cleanup: ProbeCleanup, d: DesiredPlatform, o: VerifyOptions): Promise<Check> {
  const nodes = await client.listNodes(`${NODE_POOL_LABEL}=${d.nodePool.name}`);
  if (nodes.length === 0) return { outcome: 'error', evidence: [], reason: `no node carries ${NODE_POOL_LABEL}=${d.nodePool.name}` };
  const results = await Promise.all(
    nodes.map(async (n, i) => {
      const nodeName = n.metadata?.name ?? '';
      const result = await runProbe(client, cleanup, { promise: 'fips', runId: o.runId, name: `hms-sys-fips-${o.runId}-${i}`, namespace: d.namespace, image: o.image, script: FIPS_SCRIPT, nodeName, env: { NODE_NAME: nodeName } }, o);
      return { label: nodeName, result };
    }),
  );
  return verdict(results, 'a node is not in FIPS mode');
}

async function egress(client: KubeClient, cleanup: ProbeCleanup, d: DesiredPlatform, o: VerifyOptions): Promise<Check> {
  const [host, port] = [o.egressTarget.slice(0, o.egressTarget.lastIndexOf(':')), o.egressTarget.slice(o.egressTarget.lastIndexOf(':') + 1)];
  const env = { TARGET_HOST: host, TARGET_PORT: port, CHECK_DNS: d.network.allowDns ? '0' : '1' };
  const result = await runProbe(client, cleanup, { promise: 'egress', runId: o.runId, name: `hms-sys-egress-${o.runId}`, namespace: d.namespace, image: o.image, script: EGRESS_SCRIPT, env }, o);
  const check = verdict([{ label: `from ${d.namespace}`, result }], 'a pod of the workload namespace reached out');
  return d.network.allowDns ? { ...check, evidence: [...check.evidence, 'DNS not probed: the blueprint allows it (network.policy.allowDns)'] } : check;
}

const running = (pods: V1Pod[]) => runningPods(pods).filter((p) => p.status?.podIP);

async function ingress(client: KubeClient, cleanup: ProbeCleanup, d: DesiredPlatform, o: VerifyOptions, pods: V1Pod[]): Promise<Check> {
  if (!d.workload) return { outcome: 'passed', evidence: ['no workload: nothing listens'] };
  const live = running(pods);
  if (live.length === 0) return { outcome: 'error', evidence: [], reason: `no running pod of ${d.workload.deploymentName} to try` };
  const namespace = `hms-sys-probe-${o.runId}`;
  cleanup.addNamespace(namespace);
  await client.createNamespace(probeNamespace(namespace, o.runId, Math.floor(Date.now() / 1000) + 3600));
  const targets = live.map((p) => `${p.status?.podIP}:${d.workload!.port}`).join(' ');
  const result = await runProbe(client, cleanup, { promise: 'ingress', runId: o.runId, name: `hms-sys-ingress-${o.runId}`, namespace, image: o.image, script: INGRESS_SCRIPT, env: { TARGETS: targets } }, o);
  return verdict([{ label: `from namespace ${namespace} to ${live.length} pod(s) on port ${d.workload.port}`, result }], 'a pod of another namespace reached the workload');
}

async function volume(client: KubeClient, cleanup: ProbeCleanup, d: DesiredPlatform, o: VerifyOptions, pods: V1Pod[]): Promise<Check> {
  if (!d.volume) return { outcome: 'passed', evidence: ['no volume declared (storage: none)'] };
  const v = d.volume;
  const mode = v.readOnly ? 'read-only' : 'writable';
  if (!v.mounted) {
    return { outcome: 'failed', evidence: [], reason: `no replica mounts ${v.claimName}: a block volume attaches to one node and ${d.workload?.replicas ?? 0} replicas cannot share it; shared file storage is needed` };
  }
  const live = running(pods);
  if (live.length === 0) return { outcome: 'error', evidence: [], reason: 'no running replica to check' };
  const specs = live.map((p) => ({ pod: p, mount: claimMount(p, v.claimName) }));
  const wrong = specs.find((s) => s.mount.path !== v.mountPath || s.mount.readOnly !== v.readOnly);
  const evidence = specs.map((s) => `replica ${s.pod.metadata?.name} on ${s.pod.spec?.nodeName}: ${s.mount.path ? `${s.mount.path}${s.mount.readOnly ? ' read-only' : ''}` : 'does not mount the claim'}`);
  if (wrong) return { outcome: 'failed', evidence, reason: `replica ${wrong.pod.metadata?.name} ${wrong.mount.path ? `mounts it at ${wrong.mount.path}${wrong.mount.readOnly ? ' read-only' : ''}` : 'does not mount the claim'}, declared ${v.mountPath} ${mode}` };
  const nodes = [...new Set(live.map((p) => p.spec?.nodeName).filter((n): n is string => !!n))];
  const results = await Promise.all(
    nodes.map(async (nodeName, i) => {
      const env = { NODE_NAME: nodeName, MOUNT_PATH: v.mountPath, READ_ONLY: String(v.readOnly), RUN_ID: o.runId };
      const spec = { promise: 'volume' as const, runId: o.runId, name: `hms-sys-volume-${o.runId}-${i}`, namespace: d.namespace, image: o.image, script: VOLUME_SCRIPT, env, nodeName, userId: WORKLOAD_USER_ID, volume: { claimName: v.claimName, mountPath: v.mountPath, readOnly: v.readOnly } };
      return { label: nodeName, result: await runProbe(client, cleanup, spec, o) };
    }),
  );
  const check = verdict(results, `the volume is not ${mode} as declared`);
  return { ...check, evidence: [...evidence, ...check.evidence] };
}

/** Removes probe namespaces that interrupted runs left behind and whose expiry has passed. */
export async function removeExpiredProbes(client: KubeClient, nowS = Math.floor(Date.now() / 1000)): Promise<string[]> {
  const stale = (await client.listNamespaces(`${PROBE_LABEL}=ingress`)).filter((n) => Number(n.metadata?.labels?.[EXPIRES_LABEL] ?? 0) < nowS);
  await Promise.all(stale.map((n) => client.deleteNamespace(n.metadata?.name ?? '')));
  return stale.map((n) => n.metadata?.name ?? '');
}

/**
 * Runs every probe against one cluster. A probe that cannot run (unreachable,
 * forbidden, image not pullable, timeout) is an `error`, never a pass.
 */
export async function verifyPlatform(client: KubeClient, cleanup: ProbeCleanup, d: DesiredPlatform, o: VerifyOptions, onResult: (r: PromiseResult) => void = () => undefined): Promise<PromiseResult[]> {
  const pods = d.workload ? await client.listPods(d.namespace, labelSelector(d.workload.podLabels)) : [];
  const run = async (id: PromiseId, check: () => Promise<Check>): Promise<PromiseResult> => {
    const started = Date.now();
    let c: Check;
    try {
      c = await check();
    } catch (e) {
      if (!(e instanceof KubeError)) throw e;
      c = { outcome: 'error', evidence: [], reason: e.message };
    }
    const p = promise(id);
    const result = { id, title: p.title, controls: p.controls, cloud: d.cloud, ...c, durationMs: Date.now() - started };
    onResult(result);
    return result;
  };
  return Promise.all([
    run('fips', () => fips(client, cleanup, d, o)),
    run('egress', () => egress(client, cleanup, d, o)),
    run('ingress', () => ingress(client, cleanup, d, o, pods)),
    run('volume', () => volume(client, cleanup, d, o, pods)),
  ]);
}
