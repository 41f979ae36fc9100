import type { V1Pod } from '@kubernetes/client-node';
import type { KubeClient } from '../kube-client';
import { probeJob, type ProbeJobSpec } from './probe-job';

/** What one probe pod said. */
export type ProbeResult =
  /** The script ran: exit 0 holds, 1 broken, 2 inconclusive; `evidence` is its termination message. */
  | { readonly kind: 'ran'; readonly exitCode: number; readonly evidence: string; readonly nodeName?: string }
  /** It never ran: the image could not be pulled, the pod was refused, or it took too long. */
  | { readonly kind: 'error'; readonly reason: string };

/** Waiting reasons that will not resolve by waiting longer. */
const STUCK = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'CreateContainerConfigError', 'CreateContainerError']);

/**
 * Everything verify created on one cluster, removed at the end of the run, on
 * failure, and on Ctrl-C. Removal never throws: a cleanup error is reported.
 */
export class ProbeCleanup {
  private readonly jobs: { namespace: string; name: string }[] = [];
  private readonly namespaces: string[] = [];

  constructor(private readonly client: KubeClient) {}

  addJob(namespace: string, name: string): void {
    this.jobs.push({ namespace, name });
  }

  addNamespace(name: string): void {
    this.namespaces.push(name);
  }

  /** Deletes what was created; returns the messages of what could not be deleted. */
  async run(): Promise<string[]> {
    const problems: string[] = [];
    const jobs = this.jobs.splice(0);
    const namespaces = this.namespaces.splice(0);
    await Promise.all([
      ...jobs.map((j) => this.client.deleteJob(j.namespace, j.name).catch((e: Error) => void problems.push(e.message))),
      ...namespaces.map((n) => this.client.deleteNamespace(n).catch((e: Error) => void problems.push(e.message))),
    ]);
    return problems;
  }
}

function stuckReason(pod: V1Pod): string | undefined {
  const waiting = pod.status?.containerStatuses?.[0]?.state?.waiting;
  if (waiting?.reason && STUCK.has(waiting.reason)) return `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`;
  return undefined;
}

export interface RunOptions {
  readonly timeoutMs: number;
  /** Between two reads of the probe pod. */
  readonly pollMs: number;
}

/**
 * Creates the probe Job, follows its pod until it terminates (polling the pod
 * list by the Job's label), and returns its exit code and evidence. The Job is
 * registered for cleanup before it is created, so an interrupt between the two
 * still removes it.
 */
export async function runProbe(client: KubeClient, cleanup: ProbeCleanup, spec: ProbeJobSpec, options: RunOptions): Promise<ProbeResult> {
  cleanup.addJob(spec.namespace, spec.name);
  await client.createJob(spec.namespace, probeJob(spec));
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const pods = await client.listPods(spec.namespace, `batch.kubernetes.io/job-name=${spec.name}`);
    const pod = pods[0];
    const terminated = pod?.status?.containerStatuses?.[0]?.state?.terminated;
    if (terminated) return { kind: 'ran', exitCode: terminated.exitCode, evidence: (terminated.message ?? '').trim(), nodeName: pod.spec?.nodeName };
    const stuck = pod && stuckReason(pod);
    if (stuck) return { kind: 'error', reason: `probe pod ${pod.metadata?.name} cannot start: ${stuck}` };
    if (Date.now() + options.pollMs > deadline) {
      const phase = pod ? `${pod.status?.phase ?? 'Pending'}${pod.status?.conditions?.find((c) => c.status === 'False')?.message ? ` (${pod.status?.conditions?.find((c) => c.status === 'False')?.message})` : ''}` : 'no pod created (is Pod Security or a quota refusing it? kubectl describe job)';
      return { kind: 'error', reason: `probe ${spec.name} gave no result within ${Math.round(options.timeoutMs / 1000)} s: ${phase}` };
    }
    await new Promise((r) => setTimeout(r, options.pollMs));
  }
}
