import type { Blueprint } from '../blueprint/blueprint';
import type { Cloud } from '../core/defaults';
import { summarizeStatus, type StackState, type StatusLine } from '../status/summarize';
import type { DesiredPlatform } from './desired';
import { KubeError, type ClusterConnection, type KubeClient } from './kube-client';
import { observePlatform } from './observe';
import { whereToRun } from './where-to-run';

/** One cloud to report on: its cluster if it exists, its stacks' state otherwise. */
export interface StatusTarget {
  readonly cloud: Cloud;
  readonly stacks: readonly StackState[];
  readonly connection?: ClusterConnection;
  readonly desired: DesiredPlatform;
}

/** The status lines of one cloud: live from its cluster, or from Terraform state until the cluster exists. */
export async function cloudStatus(bp: Blueprint, target: StatusTarget, connect: (c: ClusterConnection) => KubeClient): Promise<StatusLine[]> {
  if (!target.connection) return summarizeStatus(target.stacks).map((l) => ({ ...l, source: 'terraform-state' as const }));
  try {
    return await observePlatform(connect(target.connection), target.desired);
  } catch (e) {
    if (!(e instanceof KubeError)) throw e;
    return [{ ok: false, item: 'cluster', cloud: target.cloud, text: `Cluster ${target.connection.label} at ${target.connection.server}`, reason: `${e.message}. ${whereToRun(bp, target.cloud, e)}`, source: 'cluster', failure: e.failure }];
  }
}

/** Exit code of a set of lines: 3 when a cluster could not answer, 0 when everything converged, else 1. */
export function statusExitCode(lines: readonly StatusLine[]): 0 | 1 | 3 {
  if (lines.some((l) => l.failure === 'unreachable' || l.failure === 'credentials' || l.failure === 'forbidden')) return 3;
  return lines.length > 0 && lines.every((l) => l.ok) ? 0 : 1;
}
