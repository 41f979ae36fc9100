import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { Construct } from 'constructs';
import { DEFAULT_WORKLOAD_PORT, MAX_WORKLOAD_REPLICAS, WORKLOAD_DATA_PATH, WORKLOAD_USER_ID } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { imageTag } from '../core/images';

/** Requests and limits when none are given: small, so that ten replicas fit a few nodes. */
export const DEFAULT_WORKLOAD_RESOURCES = {
  requests: { cpu: '250m', memory: '256Mi' },
  limits: { cpu: '1', memory: '1Gi' },
} as const;

export interface HardenedWorkloadProps {
  readonly namespaceName: string;
  readonly workloadName: string;
  readonly image: string;
  readonly replicas: number;
  /**
   * Port the container listens on; probes check it.
   * @default 8080
   */
  readonly port?: number;
  /**
   * Claim to mount at /data. A block volume attaches to one node, so it is
   * mounted only by a single-replica workload.
   * @default - no volume
   */
  readonly claimName?: string;
  /**
   * Mount a service account token. Only workloads that call the Kubernetes API need one.
   * @default false
   */
  readonly mountServiceAccountToken?: boolean;
  /** @default DEFAULT_WORKLOAD_RESOURCES */
  readonly resources?: { readonly requests: Record<string, string>; readonly limits: Record<string, string> };
}

/**
 * A Deployment that passes Pod Security `restricted` and our policy packs: non-root
 * user, no privilege escalation, all capabilities dropped, read-only root
 * filesystem, RuntimeDefault seccomp (AC-6, CM-6, CM-7), requests and limits
 * (SC-6), probes, no service account token unless asked (AC-6, IA-5), replicas
 * spread across zones and nodes, and a disruption budget that keeps it serving
 * through node upgrades (CP-10).
 */
export class HardenedWorkload extends Construct {
  public readonly deploymentName: string;
  public readonly podLabels: Readonly<Record<string, string>>;
  public readonly port: number;

  constructor(scope: Construct, id: string, props: HardenedWorkloadProps) {
    super(scope, id);
    const port = props.port ?? DEFAULT_WORKLOAD_PORT;
    const tag = props.image.includes('@sha256:') ? 'digest' : imageTag(props.image);
    new PropsValidator('k8s.HardenedWorkload', this.node.path)
      .check(Number.isInteger(props.replicas) && props.replicas >= 1 && props.replicas <= MAX_WORKLOAD_REPLICAS, `replicas (${props.replicas}) must be from 1 to ${MAX_WORKLOAD_REPLICAS}`)
      .check(Number.isInteger(port) && port >= 1024 && port <= 65535, `port (${port}) must be from 1024 to 65535: a non-root container cannot bind below 1024`)
      .check(tag !== undefined && tag !== 'latest', `image (${props.image}) must be pinned to a version tag or digest (CM-2, HMS-K8S-9)`)
      .check(!props.claimName || props.replicas === 1, `claimName: a block volume attaches to one node, so ${props.replicas} replicas cannot all mount it; use replicas 1 or leave the claim unmounted`)
      .throwIfAny();
    const labels = { 'app.kubernetes.io/name': props.workloadName, 'app.kubernetes.io/managed-by': 'hms-sys' };
    const selector = { 'app.kubernetes.io/name': props.workloadName };
    const automount = props.mountServiceAccountToken ?? false;
    const resources = props.resources ?? DEFAULT_WORKLOAD_RESOURCES;

    const account = new ServiceAccountV1(this, 'ServiceAccount', {
      metadata: { name: props.workloadName, namespace: props.namespaceName, labels },
      automountServiceAccountToken: automount,
    });
    const deployment = new DeploymentV1(this, 'Resource', {
      metadata: { name: props.workloadName, namespace: props.namespaceName, labels },
      spec: {
        replicas: String(props.replicas),
        selector: { matchLabels: selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: account.metadata.name,
            automountServiceAccountToken: automount,
            hostNetwork: false,
            hostPid: false,
            hostIpc: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: String(WORKLOAD_USER_ID),
              runAsGroup: String(WORKLOAD_USER_ID),
              fsGroup: String(WORKLOAD_USER_ID),
              seccompProfile: { type: 'RuntimeDefault' },
            },
            topologySpreadConstraint: [
              { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: [{ matchLabels: selector }] },
              { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: [{ matchLabels: selector }] },
            ],
            container: [
              {
                name: props.workloadName,
                image: props.image,
                imagePullPolicy: 'IfNotPresent',
                port: [{ name: 'app', containerPort: port, protocol: 'TCP' }],
                securityContext: {
                  runAsNonRoot: true,
                  privileged: false,
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                resources: { requests: { ...resources.requests }, limits: { ...resources.limits } },
                readinessProbe: { tcpSocket: [{ port: String(port) }], initialDelaySeconds: 5, periodSeconds: 10 },
                livenessProbe: { tcpSocket: [{ port: String(port) }], initialDelaySeconds: 15, periodSeconds: 20 },
                volumeMount: [
                  { name: 'tmp', mountPath: '/tmp' },
                  ...(props.claimName ? [{ name: 'data', mountPath: WORKLOAD_DATA_PATH }] : []),
                ],
              },
            ],
            volume: [
              // The root filesystem is read-only; /tmp is where apps write scratch files.
              { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
              ...(props.claimName ? [{ name: 'data', persistentVolumeClaim: { claimName: props.claimName } }] : []),
            ],
          },
        },
      },
      waitForRollout: false,
    });
    new PodDisruptionBudgetV1(this, 'DisruptionBudget', {
      metadata: { name: props.workloadName, namespace: props.namespaceName, labels },
      spec: { maxUnavailable: '1', selector: { matchLabels: selector } },
    });
    this.deploymentName = deployment.metadata.name;
    this.podLabels = selector;
    this.port = port;
  }
}
