import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { Construct } from 'constructs';
import { DEFAULT_WORKLOAD_PORT, MAX_WORKLOAD_REPLICAS, WORKLOAD_USER_ID } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { imageTag } from '../core/images';
import type { VolumeAccessMode } from './target';

/** A claim every replica mounts. */
export interface WorkloadVolume {
  readonly claimName: string;
  /** Absolute folder in the container. */
  readonly mountPath: string;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
  /** The claim's access mode: a ReadWriteOnce volume serves one node, so only a single replica may mount it. */
  readonly accessMode: VolumeAccessMode;
}

/** How long Terraform waits for every replica to be ready before the apply fails. */
export const DEFAULT_ROLLOUT_TIMEOUT = '15m';

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
   * The claim every replica mounts. A ReadWriteOnce (block) volume attaches to one
   * node, so it may be mounted only by a single-replica workload.
   * @default - no volume
   */
  readonly volume?: WorkloadVolume;
  /**
   * How long `terraform apply` waits for the rollout (every replica ready) before failing.
   * @default '15m'
   */
  readonly rolloutTimeout?: string;
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
      .check(
        !props.volume || props.volume.accessMode === 'ReadWriteMany' || props.replicas === 1,
        `volume: a ReadWriteOnce (block) volume attaches to one node, so ${props.replicas} replicas cannot all mount it; use shared file storage (ReadWriteMany) or replicas 1`,
      )
      .check(!props.volume || /^(\/[A-Za-z0-9._-]+)+$/.test(props.volume.mountPath), `volume.mountPath (${props.volume?.mountPath}) must be an absolute folder path, e.g. /data/pdfs`)
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
                  ...(props.volume ? [{ name: 'data', mountPath: props.volume.mountPath, readOnly: props.volume.readOnly ?? false }] : []),
                ],
              },
            ],
            volume: [
              // The root filesystem is read-only; /tmp is where apps write scratch files.
              { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
              ...(props.volume ? [{ name: 'data', persistentVolumeClaim: { claimName: props.volume.claimName, readOnly: props.volume.readOnly ?? false } }] : []),
            ],
          },
        },
      },
      // Apply succeeds only once every replica is ready: an image that cannot be
      // pulled or a pod that never becomes ready fails the apply instead of hiding
      // behind a green run. @see https://registry.terraform.io/providers/hashicorp/kubernetes/2.38.0/docs/resources/deployment_v1#wait_for_rollout
      waitForRollout: true,
      timeouts: { create: props.rolloutTimeout ?? DEFAULT_ROLLOUT_TIMEOUT, update: props.rolloutTimeout ?? DEFAULT_ROLLOUT_TIMEOUT },
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
