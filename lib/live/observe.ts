/**
 * What a blueprint's platform looks like on a live cluster, item by item, in the
 * seed's words: node pool, volume, network policy, workload. Each line is ✔ only
 * when the item has converged, and carries a one-line reason when it has not.
 */
import type { V1NetworkPolicy, V1Node, V1Pod } from '@kubernetes/client-node';
import { storageClassEncryption } from '../policy/rules/k8s/private/storage-class';
import type { StatusLine } from '../status/summarize';
import type { DesiredPlatform } from './desired';
import { NODE_POOL_LABEL } from './desired';
import { KubeError, type KubeClient } from './kube-client';
import { networkPolicyEnforcement } from './network-enforcement';
import { claimMount, runningPods } from './pods';

type Item = StatusLine['item'];

const selector = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');

function line(d: DesiredPlatform, item: Item, ok: boolean, text: string, reason?: string, detail?: Record<string, unknown>): StatusLine {
  return { ok, item, cloud: d.cloud, text, reason: ok ? undefined : reason, source: 'cluster', detail };
}

/** Why an object the Kubernetes stack creates is missing. */
function missing(d: DesiredPlatform, what: string): string {
  return `${what} not found${d.kubernetesApplied ? '' : ` (${d.kubernetesStack} is not applied yet)`}`;
}

function isReady(node: V1Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

async function nodePool(client: KubeClient, d: DesiredPlatform): Promise<StatusLine> {
  const { name, count, minCount } = d.nodePool;
  const nodes = await client.listNodes(`${NODE_POOL_LABEL}=${name}`);
  const ready = nodes.filter(isReady);
  const text = `Node pool ${name} created on ${d.cloud} (${ready.length}/${count} ready)`;
  const detail = { ready: ready.length, nodes: nodes.length, wanted: count, minimum: minCount };
  if (nodes.length === 0) return line(d, 'node-pool', false, text, `no node carries the label ${NODE_POOL_LABEL}=${name} yet`, detail);
  const notReady = nodes.filter((n) => !isReady(n));
  if (notReady.length > 0) {
    const c = notReady[0].status?.conditions?.find((x) => x.type === 'Ready');
    const why = c ? `${c.reason ?? `Ready=${c.status}`}${c.message ? `: ${c.message}` : ''}` : 'no Ready condition yet';
    return line(d, 'node-pool', false, text, `${notReady.length} node(s) not Ready; ${notReady[0].metadata?.name}: ${why}`, detail);
  }
  if (ready.length < minCount) return line(d, 'node-pool', false, text, `${ready.length} node(s) joined, the pool needs at least ${minCount}`, detail);
  return line(d, 'node-pool', true, text, undefined, detail);
}

function workloadPods(client: KubeClient, d: DesiredPlatform): Promise<V1Pod[]> {
  return d.workload ? client.listPods(d.namespace, selector(d.workload.podLabels)) : Promise.resolve([]);
}

const running = runningPods;

/** Whether a pod mounts `claim` at `path`, read-only as declared. */
function mountsClaim(pod: V1Pod, claim: string, path: string, readOnly: boolean): boolean {
  const mount = claimMount(pod, claim);
  return mount.path === path && mount.readOnly === readOnly;
}

async function volume(client: KubeClient, d: DesiredPlatform, pods: V1Pod[]): Promise<StatusLine> {
  if (!d.volume) return line(d, 'volume', true, `No volume on ${d.cloud} (storage: none)`);
  const { claimName, mountPath, readOnly } = d.volume;
  const text = `Volume encrypted & mounted on ${d.cloud} (${mountPath}${readOnly ? ', read-only' : ''})`;
  const claim = await client.readClaim(d.namespace, claimName);
  if (!claim) return line(d, 'volume', false, text, missing(d, `claim ${d.namespace}/${claimName}`));
  const phase = claim.status?.phase ?? 'Pending';
  const className = claim.spec?.storageClassName ?? '';
  const detail: Record<string, unknown> = { claim: claimName, phase, storageClass: className, volumeName: claim.spec?.volumeName };
  if (phase !== 'Bound') return line(d, 'volume', false, text, `claim ${claimName} is ${phase}, not Bound`, detail);
  const storageClass = className ? await client.readStorageClass(className) : undefined;
  if (!storageClass) return line(d, 'volume', false, text, `claim ${claimName} names storage class "${className}", which does not exist`, detail);
  // The same judgement as policy rule HMS-K8S-12, on the live object.
  const encryption = storageClassEncryption({
    type: 'kubernetes_storage_class_v1',
    name: className,
    address: `storageclass/${className}`,
    values: { storage_provisioner: storageClass.provisioner, parameters: storageClass.parameters ?? {} },
    acknowledgements: [],
  });
  if (encryption.status !== 'pass') return line(d, 'volume', false, text, `storage class ${className} is not known to encrypt: ${encryption.message}`, detail);
  if (!d.volume.mounted) {
    return line(d, 'volume', false, text, `claim ${claimName} is bound and encrypted but no pod mounts it: a block volume attaches to one node, and ${d.workload?.replicas ?? 0} replicas cannot share it; shared file storage is needed`, detail);
  }
  const live = running(pods);
  const mounting = live.filter((p) => mountsClaim(p, claimName, mountPath, readOnly));
  detail.mountedBy = mounting.length;
  detail.runningPods = live.length;
  if (live.length === 0) return line(d, 'volume', false, text, 'no running pod mounts it yet', detail);
  if (mounting.length < live.length) {
    const other = live.find((p) => !mountsClaim(p, claimName, mountPath, readOnly));
    return line(d, 'volume', false, text, `${live.length - mounting.length} of ${live.length} running pods do not mount ${claimName} at ${mountPath}${readOnly ? ' read-only' : ''} (e.g. ${other?.metadata?.name})`, detail);
  }
  return line(d, 'volume', true, text, undefined, detail);
}

const isDefaultDeny = (p: V1NetworkPolicy) =>
  Object.keys(p.spec?.podSelector?.matchLabels ?? {}).length === 0 &&
  (p.spec?.podSelector?.matchExpressions ?? []).length === 0 &&
  ['Ingress', 'Egress'].every((t) => p.spec?.policyTypes?.includes(t)) &&
  (p.spec?.ingress ?? []).length === 0 &&
  (p.spec?.egress ?? []).length === 0;

/** An egress rule that reaches only DNS (port 53), which `allowDns` permits. */
const isDnsOnly = (rule: NonNullable<NonNullable<V1NetworkPolicy['spec']>['egress']>[number]) =>
  (rule.ports ?? []).length > 0 && (rule.ports ?? []).every((port) => String(port.port) === '53');

async function networkPolicy(client: KubeClient, d: DesiredPlatform): Promise<StatusLine> {
  const policies = await client.listNetworkPolicies(d.namespace);
  const enforcement = await networkPolicyEnforcement(d.cloud, client);
  const deny = policies.find(isDefaultDeny);
  const egress = policies.flatMap((p) => (p.spec?.egress ?? []).map((rule) => ({ policy: p.metadata?.name, rule })));
  const openEgress = egress.filter((e) => !(d.network.allowDns && isDnsOnly(e.rule)));
  const ingressPeers = policies.flatMap((p) => (p.spec?.ingress ?? []).flatMap((rule) => (rule._from ?? [{}]).map((peer) => ({ policy: p.metadata?.name, peer }))));
  const foreign = ingressPeers.filter((i) => i.peer.ipBlock?.cidr !== d.network.ingressCidr || (i.peer.ipBlock?.except ?? []).length > 0 || i.peer.podSelector || i.peer.namespaceSelector);
  const text = `Network policy enforced on ${d.cloud} (egress: ${openEgress.length === 0 ? 'DENY' : 'OPEN'}${enforcement.enforced ? `, ${enforcement.by}` : ''})`;
  const detail = {
    policies: policies.map((p) => p.metadata?.name),
    defaultDeny: deny?.metadata?.name ?? null,
    ingressFrom: d.network.ingressCidr,
    dnsAllowed: egress.some((e) => isDnsOnly(e.rule)),
    enforcement: { enforced: enforcement.enforced, by: enforcement.by, ...enforcement.detail },
  };
  if (policies.length === 0) return line(d, 'network-policy', false, text, missing(d, `network policies in ${d.namespace}`), detail);
  if (!deny) return line(d, 'network-policy', false, text, `no default-deny policy (every pod, Ingress and Egress, no rules) in ${d.namespace}`, detail);
  if (openEgress.length > 0) return line(d, 'network-policy', false, text, `policy ${openEgress[0].policy} allows egress${d.network.allowDns ? ' beyond DNS' : ''}`, detail);
  if (foreign.length > 0) return line(d, 'network-policy', false, text, `policy ${foreign[0].policy} admits ingress from beyond ${d.network.ingressCidr}`, detail);
  if (!enforcement.enforced) return line(d, 'network-policy', false, text, enforcement.by, detail);
  return line(d, 'network-policy', true, text, undefined, detail);
}

/** The reason the first unhealthy pod gives: a waiting container, or why it is not scheduled. */
function podTrouble(pods: V1Pod[]): string | undefined {
  for (const pod of pods) {
    const waiting = pod.status?.containerStatuses?.find((c) => c.state?.waiting)?.state?.waiting;
    if (waiting) return `pod ${pod.metadata?.name}: ${waiting.reason ?? 'Waiting'}${waiting.message ? ` (${waiting.message})` : ''}`;
    const unscheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
    if (unscheduled) return `pod ${pod.metadata?.name}: ${unscheduled.reason ?? 'not scheduled'}${unscheduled.message ? ` (${unscheduled.message})` : ''}`;
  }
  return undefined;
}

/** `registry/name@sha256:…` from a container status; runtimes prefix it with `docker-pullable://` and the like. */
function digestOf(imageID: string | undefined): string | undefined {
  if (!imageID || !imageID.includes('@sha256:')) return undefined;
  return imageID.replace(/^[a-z-]+:\/\//, '');
}

async function workload(client: KubeClient, d: DesiredPlatform, pods: V1Pod[]): Promise<StatusLine | undefined> {
  if (!d.workload) return undefined;
  const { deploymentName, replicas } = d.workload;
  const deployment = await client.readDeployment(d.namespace, deploymentName);
  const ready = deployment?.status?.readyReplicas ?? 0;
  const live = running(pods);
  const containerName = deployment?.spec?.template.spec?.containers[0]?.name ?? deploymentName;
  const digests = [...new Set(live.flatMap((p) => p.status?.containerStatuses?.filter((c) => c.name === containerName).map((c) => digestOf(c.imageID)) ?? []).filter((x): x is string => !!x))];
  const short = (digest: string) => digest.replace(/(@sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');
  const text = `Workload running on ${d.cloud} (${ready}/${replicas} pods${digests.length > 0 ? `, ${digests.map(short).join(', ')}` : ''})`;
  if (!deployment) return line(d, 'workload', false, text, missing(d, `deployment ${d.namespace}/${deploymentName}`));
  const specImage = deployment.spec?.template.spec?.containers[0]?.image;
  const detail = { deployment: deploymentName, ready, wanted: replicas, updated: deployment.status?.updatedReplicas ?? 0, image: specImage, digests };
  if (d.workload.image && specImage !== d.workload.image) return line(d, 'workload', false, text, `the deployment runs ${specImage}, not ${d.workload.image} that was applied: it was changed outside hms-sys`, detail);
  if ((deployment.spec?.replicas ?? 0) !== replicas) return line(d, 'workload', false, text, `the deployment wants ${deployment.spec?.replicas} replicas, the blueprint ${replicas}`, detail);
  const current = (deployment.status?.observedGeneration ?? 0) >= (deployment.metadata?.generation ?? 0) && (deployment.status?.updatedReplicas ?? 0) >= replicas;
  if (ready < replicas || !current) return line(d, 'workload', false, text, podTrouble(pods) ?? `${ready} of ${replicas} replicas ready${current ? '' : ', rollout in progress'}`, detail);
  if (digests.length > 1) return line(d, 'workload', false, text, `pods run ${digests.length} different images: rollout not finished`, detail);
  return line(d, 'workload', true, text, undefined, detail);
}

/** Runs one check; a forbidden or unexpected answer becomes a ✘ line, an unreachable cluster stops everything. */
async function guarded(d: DesiredPlatform, item: Item, label: string, check: () => Promise<StatusLine | undefined>): Promise<StatusLine | undefined> {
  try {
    return await check();
  } catch (e) {
    if (e instanceof KubeError && (e.failure === 'forbidden' || e.failure === 'api')) {
      return { ok: false, item, cloud: d.cloud, text: `${label} on ${d.cloud}`, reason: e.message, source: 'cluster', failure: e.failure };
    }
    throw e;
  }
}

/**
 * The four seed lines of one cluster, read live. Throws a `KubeError` when the
 * cluster cannot be reached or the credentials fail: nothing can be said then.
 */
export async function observePlatform(client: KubeClient, d: DesiredPlatform): Promise<StatusLine[]> {
  const pool = await guarded(d, 'node-pool', 'Node pool', () => nodePool(client, d));
  let pods: V1Pod[] = [];
  const podsLine = await guarded(d, 'workload', 'Workload', async () => {
    pods = await workloadPods(client, d);
    return undefined;
  });
  const lines = await Promise.all([
    guarded(d, 'volume', 'Volume', () => volume(client, d, pods)),
    guarded(d, 'network-policy', 'Network policy', () => networkPolicy(client, d)),
    podsLine ? Promise.resolve(podsLine) : guarded(d, 'workload', 'Workload', () => workload(client, d, pods)),
  ]);
  return [pool, ...lines].filter((l): l is StatusLine => l !== undefined);
}
