/**
 * What is deployed for a blueprint, from `terraform show -json` of each of its
 * stacks' state: the summary `hms-sys status` prints, in the form
 * `✔ Node pool dcaa-secure created on aws (10 desired, EKS status ACTIVE)`.
 */

import { CLOUD_RESOURCE_TYPES } from '../core/cloud-resources';

/** The parts of `terraform show -json` that status reads. */
export interface ShowJson {
  values?: {
    outputs?: Record<string, { value?: unknown }>;
    root_module?: { resources?: { address?: string; type?: string; values?: Record<string, unknown> }[] };
  };
}

export interface StackState {
  readonly stackName: string;
  readonly cloud: string;
  readonly layer: 'cloud' | 'kubernetes';
  /** The stack's state, when it has one. */
  readonly show?: ShowJson;
  /** Why the state could not be read, when it exists but Terraform could not show it. */
  readonly error?: string;
}

export interface StatusLine {
  readonly ok: boolean;
  readonly item: 'node-pool' | 'volume' | 'network-policy' | 'workload' | 'stack' | 'cluster';
  readonly cloud: string;
  readonly text: string;
  /** Why it is not ok, in one line. */
  readonly reason?: string;
  /** Where it was read: the live cluster, or Terraform state for what is not deployed yet. */
  readonly source?: 'cluster' | 'terraform-state';
  /** Set when the cluster could not answer: unreachable, credentials, forbidden. */
  readonly failure?: 'unreachable' | 'credentials' | 'forbidden' | 'api';
  /** Figures for dashboards: counts, digests, modes. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

function outputs(s: StackState): Record<string, unknown> {
  return Object.fromEntries(Object.entries(s.show?.values?.outputs ?? {}).map(([k, v]) => [k, v.value]));
}

function resources(s: StackState, type: string): Record<string, unknown>[] {
  return (s.show?.values?.root_module?.resources ?? []).filter((r) => r.type === type).map((r) => r.values ?? {});
}

function first<T>(list: T[] | unknown): T | undefined {
  return Array.isArray(list) ? (list[0] as T) : undefined;
}

function cloudLines(s: StackState): StatusLine[] {
  const out = outputs(s);
  const lines: StatusLine[] = [];
  const eks = resources(s, CLOUD_RESOURCE_TYPES.aws.nodePool)[0];
  const aks = resources(s, CLOUD_RESOURCE_TYPES.azure.nodePool)[0];
  const desired = eks ? first<{ desired_size?: number }>(eks.scaling_config)?.desired_size : aks?.node_count;
  const status = eks?.status ? `, EKS status ${String(eks.status)}` : '';
  lines.push({
    ok: out.node_pool_name !== undefined,
    item: 'node-pool',
    cloud: s.cloud,
    text: out.node_pool_name !== undefined ? `Node pool ${String(out.node_pool_name)} created on ${s.cloud} (${String(desired ?? out.node_pool_desired_size)} desired${status})` : `Node pool on ${s.cloud}: not in the state of ${s.stackName}`,
  });
  const ebs = resources(s, CLOUD_RESOURCE_TYPES.aws.blockVolume)[0];
  const disk = resources(s, CLOUD_RESOURCE_TYPES.azure.blockVolume)[0];
  if (ebs || disk) {
    const size = ebs ? ebs.size : disk?.disk_size_gb;
    const customerKey = ebs ? Boolean(ebs.encrypted) && Boolean(ebs.kms_key_id) : Boolean(disk?.disk_encryption_set_id);
    lines.push({ ok: customerKey, item: 'volume', cloud: s.cloud, text: `Volume ${customerKey ? 'encrypted with a customer key' : 'NOT encrypted with a customer key'} (${String(size)} GiB) on ${s.cloud}` });
  }
  return lines;
}

function kubernetesLines(s: StackState): StatusLine[] {
  const out = outputs(s);
  const lines: StatusLine[] = [];
  if (out.claim_name !== undefined) {
    const mount = out.claim_mount_path ? `mounted at ${String(out.claim_mount_path)}` : 'not mounted (a block volume serves one node)';
    lines.push({ ok: true, item: 'volume', cloud: s.cloud, text: `Claim ${String(out.claim_name)} on ${s.cloud}: ${mount}` });
  }
  lines.push({
    ok: out.network_policy_name !== undefined,
    item: 'network-policy',
    cloud: s.cloud,
    text: out.network_policy_name !== undefined
      ? `Network policy enforced on ${s.cloud}: ${String(out.network_policy_name)} (egress: ${out.egress === 'deny-all' ? 'DENY' : String(out.egress)})`
      : `Network policy on ${s.cloud}: not in the state of ${s.stackName}`,
  });
  if (out.deployment_name !== undefined) {
    lines.push({ ok: true, item: 'workload', cloud: s.cloud, text: `Workload ${String(out.deployment_name)} deployed on ${s.cloud} (${String(out.replicas)} replicas)` });
  }
  return lines;
}

/** One line per item of every stack that has state; a line per stack that cannot be read. */
export function summarizeStatus(stacks: readonly StackState[]): StatusLine[] {
  return stacks.flatMap((s) => {
    if (s.error) return [{ ok: false, item: 'stack' as const, cloud: s.cloud, text: `${s.stackName}: state could not be read: ${s.error}` }];
    if (!s.show) return [{ ok: false, item: 'stack' as const, cloud: s.cloud, text: `${s.stackName}: not deployed` }];
    return s.layer === 'cloud' ? cloudLines(s) : kubernetesLines(s);
  });
}

export function formatStatus(lines: readonly StatusLine[]): string {
  return lines.map((l) => `${l.ok ? '✔' : '✘'} ${l.text}${!l.ok && l.reason ? `: ${l.reason}` : ''}`).join('\n');
}
