import type { V1Job, V1Namespace } from '@kubernetes/client-node';
import { POD_SECURITY_LABELS } from '../../k8s/isolated-namespace';
import { PROBE_USER_ID, type PromiseId } from './promises';

/** Labels on everything verify creates, so it can be found and removed. */
export const PROBE_LABEL = 'hms-sys/probe';
export const RUN_LABEL = 'hms-sys/run';
/** Unix time after which a probe namespace left by an interrupted run may be removed. */
export const EXPIRES_LABEL = 'hms-sys/expires';

/** A probe pod may run this long before Kubernetes kills it, even if hms-sys is gone. */
export const PROBE_ACTIVE_DEADLINE_S = 300;
/** Kubernetes deletes a finished probe Job and its pod after this, even if hms-sys is gone. */
export const PROBE_TTL_AFTER_FINISHED_S = 600;

export interface ProbeJobSpec {
  readonly promise: PromiseId;
  readonly runId: string;
  /** Job name, a DNS label. */
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  /** A POSIX shell script; exit 0 = the promise holds, 1 = it is broken, 2 = inconclusive. It writes its evidence to /dev/termination-log. */
  readonly script: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Pins the pod to a node (the scheduler is bypassed, taints are tolerated). @default - scheduled anywhere */
  readonly nodeName?: string;
  /** @default PROBE_USER_ID */
  readonly userId?: number;
  /** A claim to mount. @default - none */
  readonly volume?: { readonly claimName: string; readonly mountPath: string; readonly readOnly: boolean };
}

/**
 * A Job whose pod satisfies Pod Security `restricted`
 * (https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted):
 * non-root user, no privilege escalation, every capability dropped,
 * RuntimeDefault seccomp, only persistentVolumeClaim and emptyDir volumes, no
 * host namespaces, ports or paths; plus what our policy packs ask of any
 * workload: read-only root filesystem, requests and limits, no service account
 * token. It cleans up after itself: `activeDeadlineSeconds` stops it and
 * `ttlSecondsAfterFinished` deletes it, even when hms-sys is killed before it
 * can.
 */
export function probeJob(spec: ProbeJobSpec): V1Job {
  const labels = { 'app.kubernetes.io/managed-by': 'hms-sys', [PROBE_LABEL]: spec.promise, [RUN_LABEL]: spec.runId };
  const user = spec.userId ?? PROBE_USER_ID;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: spec.name, namespace: spec.namespace, labels },
    spec: {
      backoffLimit: 0,
      activeDeadlineSeconds: PROBE_ACTIVE_DEADLINE_S,
      ttlSecondsAfterFinished: PROBE_TTL_AFTER_FINISHED_S,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          nodeName: spec.nodeName,
          // A probe pinned to a node must land there whatever its taints say.
          tolerations: spec.nodeName ? [{ operator: 'Exists' }] : undefined,
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          hostNetwork: false,
          hostPID: false,
          hostIPC: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: user,
            runAsGroup: user,
            fsGroup: spec.volume ? user : undefined,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: 'probe',
              image: spec.image,
              imagePullPolicy: 'IfNotPresent',
              command: ['/bin/sh', '-c', spec.script],
              env: Object.entries(spec.env ?? {}).map(([name, value]) => ({ name, value })),
              securityContext: {
                runAsNonRoot: true,
                privileged: false,
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
                seccompProfile: { type: 'RuntimeDefault' },
              },
              resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } },
              terminationMessagePolicy: 'FallbackToLogsOnError',
              volumeMounts: spec.volume ? [{ name: 'data', mountPath: spec.volume.mountPath, readOnly: spec.volume.readOnly }] : undefined,
            },
          ],
          volumes: spec.volume ? [{ name: 'data', persistentVolumeClaim: { claimName: spec.volume.claimName, readOnly: spec.volume.readOnly } }] : undefined,
        },
      },
    },
  };
}

/**
 * The temporary namespace the ingress probe runs from: `restricted` enforced like
 * the workload's, no network policy (so the probe itself may send), and an
 * expiry label so that a later run removes it if this one is killed.
 */
export function probeNamespace(name: string, runId: string, expiresAtS: number): V1Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ...POD_SECURITY_LABELS, 'app.kubernetes.io/managed-by': 'hms-sys', [PROBE_LABEL]: 'ingress', [RUN_LABEL]: runId, [EXPIRES_LABEL]: String(expiresAtS) } },
  };
}

// The scripts run under busybox sh. Each writes one line of evidence to the
// termination log, which the kubelet copies into the pod status.

/** Reads the kernel's FIPS flag. */
export const FIPS_SCRIPT = [
  'v=$(cat /proc/sys/crypto/fips_enabled 2>&1) || { echo "cannot read /proc/sys/crypto/fips_enabled: $v" > /dev/termination-log; exit 1; }',
  'echo "node $NODE_NAME: fips_enabled=$v" > /dev/termination-log',
  '[ "$v" = 1 ]',
].join('\n');

/** Tries a public address and, when asked, name resolution; both must fail. */
export const EGRESS_SCRIPT = [
  'command -v nc >/dev/null || { echo "the probe image has no nc" > /dev/termination-log; exit 2; }',
  'r=""; bad=0',
  'if nc -w 3 "$TARGET_HOST" "$TARGET_PORT" </dev/null >/dev/null 2>&1; then r="$r tcp $TARGET_HOST:$TARGET_PORT reached;"; bad=1; else r="$r tcp $TARGET_HOST:$TARGET_PORT blocked;"; fi',
  'if [ "$CHECK_DNS" = 1 ]; then if timeout 5 nslookup kubernetes.default >/dev/null 2>&1; then r="$r dns resolved;"; bad=1; else r="$r dns blocked;"; fi; fi',
  'echo "$r" > /dev/termination-log',
  'exit $bad',
].join('\n');

/** Proves it has a network (the API service answers), then tries every workload pod. */
export const INGRESS_SCRIPT = [
  'command -v nc >/dev/null || { echo "the probe image has no nc" > /dev/termination-log; exit 2; }',
  'if ! nc -w 3 "$KUBERNETES_SERVICE_HOST" "$KUBERNETES_SERVICE_PORT" </dev/null >/dev/null 2>&1; then echo "control: the Kubernetes API service at $KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT is not reachable either, so a refusal proves nothing" > /dev/termination-log; exit 2; fi',
  'r="control reached;"; bad=0',
  'for t in $TARGETS; do if nc -w 3 "${t%:*}" "${t##*:}" </dev/null >/dev/null 2>&1; then r="$r $t reached;"; bad=1; else r="$r $t blocked;"; fi; done',
  'echo "$r" > /dev/termination-log',
  'exit $bad',
].join('\n');

/** Writes and removes a file on the mounted volume; the result must match the declared mode. */
export const VOLUME_SCRIPT = [
  '[ -d "$MOUNT_PATH" ] || { echo "node $NODE_NAME: $MOUNT_PATH is not mounted" > /dev/termination-log; exit 1; }',
  'f="$MOUNT_PATH/.hms-sys-probe-$RUN_ID"',
  'if err=$(touch "$f" 2>&1); then rm -f "$f"; w=writable; else w="not writable ($err)"; fi',
  'echo "node $NODE_NAME: $MOUNT_PATH $w" > /dev/termination-log',
  'if [ "$READ_ONLY" = true ]; then [ "$w" != writable ]; else [ "$w" = writable ]; fi',
].join('\n');
