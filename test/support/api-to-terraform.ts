/**
 * Turns a Kubernetes API object (camelCase, lists named in the plural) into the
 * attributes the kubernetes Terraform provider gives the same object (snake_case,
 * repeated blocks named in the singular), so our policy engine's Kubernetes
 * rules, which read synthesized Terraform, judge objects hms-sys creates
 * through the API too.
 */
import type { TfResource } from '../../lib/policy/engine/document';

const SINGULAR: Record<string, string> = {
  containers: 'container',
  initContainers: 'init_container',
  volumes: 'volume',
  volumeMounts: 'volume_mount',
  ports: 'port',
  tolerations: 'toleration',
  hostPID: 'host_pid',
  hostIPC: 'host_ipc',
};

const snake = (key: string) => SINGULAR[key] ?? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [snake(k), convert(v)]));
}

/** A Job, Pod or Deployment from the API as a policy engine resource. */
export function asTerraformResource(object: { kind?: string; metadata?: { name?: string } }): TfResource {
  const type = `kubernetes_${(object.kind ?? '').toLowerCase()}_v1`;
  const { apiVersion: _a, kind: _k, ...rest } = object as Record<string, unknown>;
  const name = object.metadata?.name ?? 'object';
  return { type, name, address: `${type}.${name}`, values: convert(rest) as Record<string, unknown>, acknowledgements: [] };
}
