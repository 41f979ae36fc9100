import type { TfResource } from '../../../engine/document';
import { fail, type Outcome, type RuleContext } from '../../../engine/rule';
import { block, blocks, blocksAt, isObject } from '../../../engine/values';

type JsonObject = Record<string, unknown>;

const TEMPLATED = ['deployment', 'stateful_set', 'daemonset', 'daemon_set', 'job', 'replication_controller'];
/** Every kubernetes provider resource that runs pods, old and _v1 names. */
export const WORKLOAD_TYPES = [
  ...TEMPLATED.flatMap((k) => [`kubernetes_${k}`, `kubernetes_${k}_v1`]),
  'kubernetes_cron_job',
  'kubernetes_cron_job_v1',
  'kubernetes_pod',
  'kubernetes_pod_v1',
];

function readPodSpecs(r: TfResource): readonly JsonObject[] {
  if (r.type.startsWith('kubernetes_pod')) return blocks(r.values, 'spec');
  if (r.type.startsWith('kubernetes_cron_job')) return blocksAt(r.values, ['spec', 'job_template', 'spec', 'template', 'spec']);
  return blocksAt(r.values, ['spec', 'template', 'spec']);
}

/** The pod spec(s) of a workload, wherever its kind keeps them; read once per evaluation. */
export function podSpecs(r: TfResource, ctx: RuleContext): readonly JsonObject[] {
  return ctx.derive(readPodSpecs, r);
}

export interface ContainerView {
  readonly name: string;
  readonly values: JsonObject;
  readonly securityContext: JsonObject | undefined;
  /** The pod-level security context, which containers inherit some settings from. */
  readonly podSecurityContext: JsonObject | undefined;
}

function readContainers(r: TfResource, ctx: RuleContext): readonly ContainerView[] {
  const out: ContainerView[] = [];
  for (const spec of podSpecs(r, ctx)) {
    const podSecurityContext = block(spec, 'security_context');
    for (const key of ['container', 'init_container']) {
      for (const c of blocks(spec, key)) {
        out.push({ name: String(c.name ?? c.image ?? 'container'), values: c, securityContext: block(c, 'security_context'), podSecurityContext });
      }
    }
  }
  return out;
}

/**
 * A failure when the workload has no pod spec or no container: the kubernetes
 * provider requires spec (resource_kubernetes_pod_v1.go:53, deployment_v1.go:62
 * at v2.38.0) and Kubernetes a container, so there is nothing safe to pass.
 */
export function withoutContainers(r: TfResource, ctx: RuleContext): Outcome | undefined {
  if (podSpecs(r, ctx).length === 0) return fail('the workload has no pod spec (Terraform requires one)');
  return containersOf(r, ctx).length === 0 ? fail('the pod spec has no container (Kubernetes requires one)') : undefined;
}

/** Containers and init containers of every pod spec; read once per evaluation. */
export function containersOf(r: TfResource, ctx: RuleContext): readonly ContainerView[] {
  return ctx.derive(readContainers, r);
}

export function metadataOf(values: unknown): JsonObject {
  const m = block(values, 'metadata');
  return isObject(m) ? m : {};
}
