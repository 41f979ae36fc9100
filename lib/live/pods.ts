import type { V1Pod } from '@kubernetes/client-node';

/** Pods that are Running and not being deleted. */
export function runningPods(pods: readonly V1Pod[]): V1Pod[] {
  return pods.filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp);
}

/**
 * Where a pod's first container mounts `claimName`, and whether read-only (the
 * mount or the volume may say so); `path` is undefined when it does not mount it.
 */
export function claimMount(pod: V1Pod, claimName: string): { path?: string; readOnly?: boolean } {
  const volume = pod.spec?.volumes?.find((v) => v.persistentVolumeClaim?.claimName === claimName);
  const mount = volume && pod.spec?.containers[0]?.volumeMounts?.find((m) => m.name === volume.name);
  return mount ? { path: mount.mountPath, readOnly: (mount.readOnly ?? false) || (volume.persistentVolumeClaim?.readOnly ?? false) } : {};
}
