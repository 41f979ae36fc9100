/**
 * Pod Security Standards, `restricted` profile (which includes `baseline`), as
 * the Kubernetes documentation lists its controls:
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/
 * A test oracle for the pods hms-sys creates itself; it reads the API's shape
 * (camelCase), as the admission controller does.
 */
type Obj = Record<string, any>;

const RESTRICTED_VOLUME_TYPES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
const SAFE_SYSCTLS = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range'];

/** Every way `spec` (a PodSpec) breaks `restricted`; empty when it complies. */
export function restrictedViolations(spec: Obj): string[] {
  const v: string[] = [];
  const pod = spec.securityContext ?? {};
  const containers: Obj[] = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])];
  // baseline
  for (const k of ['hostNetwork', 'hostPID', 'hostIPC']) if (spec[k]) v.push(`${k} is true`);
  if (pod.windowsOptions?.hostProcess) v.push('hostProcess');
  for (const vol of spec.volumes ?? []) {
    if (vol.hostPath) v.push(`volume ${vol.name} is a hostPath`);
    const type = Object.keys(vol).find((k) => k !== 'name');
    if (type && !RESTRICTED_VOLUME_TYPES.includes(type)) v.push(`volume ${vol.name} has type ${type}`);
  }
  for (const s of pod.sysctls ?? []) if (!SAFE_SYSCTLS.includes(s.name)) v.push(`sysctl ${s.name}`);
  if (pod.seLinuxOptions?.type && !['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'].includes(pod.seLinuxOptions.type)) v.push('SELinux type');
  if (pod.appArmorProfile?.type === 'Unconfined') v.push('AppArmor Unconfined');
  if (pod.runAsUser === 0) v.push('pod runAsUser 0');
  const podSeccomp = pod.seccompProfile?.type;
  for (const c of containers) {
    const sc = c.securityContext ?? {};
    if (sc.privileged) v.push(`${c.name}: privileged`);
    if (sc.procMount && sc.procMount !== 'Default') v.push(`${c.name}: procMount`);
    if (sc.appArmorProfile?.type === 'Unconfined') v.push(`${c.name}: AppArmor Unconfined`);
    if ((c.ports ?? []).some((p: Obj) => p.hostPort)) v.push(`${c.name}: hostPort`);
    // restricted
    if (sc.allowPrivilegeEscalation !== false) v.push(`${c.name}: allowPrivilegeEscalation is not false`);
    if (sc.runAsNonRoot !== true && pod.runAsNonRoot !== true) v.push(`${c.name}: runAsNonRoot is not true`);
    if (sc.runAsNonRoot === false) v.push(`${c.name}: runAsNonRoot is false`);
    if (sc.runAsUser === 0) v.push(`${c.name}: runAsUser 0`);
    const seccomp = sc.seccompProfile?.type ?? podSeccomp;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') v.push(`${c.name}: seccompProfile is ${seccomp ?? 'unset'}`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) v.push(`${c.name}: capabilities do not drop ALL`);
    const added = (sc.capabilities?.add ?? []).filter((cap: string) => cap !== 'NET_BIND_SERVICE');
    if (added.length > 0) v.push(`${c.name}: adds ${added.join(', ')}`);
  }
  return v;
}
