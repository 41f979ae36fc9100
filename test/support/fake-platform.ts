/**
 * The objects a converged dcaa-audit platform shows through the Kubernetes API,
 * in the API's shapes, for the fake API server. Tests start from `convergedCluster()`
 * and break one thing.
 */
import { emptyCluster, type FakeCluster } from './fake-kube-api';

type Obj = Record<string, any>;

export const NAMESPACE = 'dcaa-audit';
export const POOL = 'dcaa-secure';
export const DIGEST = 'sha256:3f1c0e5d9a4b7c2e8f6a1d0b9c8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e';
export const IMAGE = 'ghcr.io/hms/dcaa-audit:v1.0';

export function node(name: string, ready = true, pool = POOL): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'hms-sys/node-pool': pool, 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': 'us-gov-west-1a' } },
    spec: {},
    status: {
      conditions: [
        ready
          ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
          : { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady' },
      ],
    },
  };
}

export function workloadPod(i: number, opts: { mount?: { claim: string; path: string; readOnly?: boolean }; waiting?: { reason: string; message: string } } = {}): Obj {
  const name = `${POOL}-7c9f8d6b5-${String(i).padStart(5, 'a')}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NAMESPACE, labels: { 'app.kubernetes.io/name': POOL, 'app.kubernetes.io/managed-by': 'hms-sys' } },
    spec: {
      nodeName: `ip-10-40-0-${i + 10}.us-gov-west-1.compute.internal`,
      containers: [{ name: POOL, image: IMAGE, volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }, ...(opts.mount ? [{ name: 'data', mountPath: opts.mount.path, readOnly: opts.mount.readOnly ?? false }] : [])] }],
      volumes: [{ name: 'tmp', emptyDir: { medium: 'Memory' } }, ...(opts.mount ? [{ name: 'data', persistentVolumeClaim: { claimName: opts.mount.claim } }] : [])],
    },
    status: {
      phase: opts.waiting ? 'Pending' : 'Running',
      podIP: `10.40.0.${i + 100}`,
      containerStatuses: [
        opts.waiting
          ? { name: POOL, ready: false, restartCount: 0, image: IMAGE, imageID: '', state: { waiting: opts.waiting } }
          : { name: POOL, ready: true, restartCount: 0, image: IMAGE, imageID: `ghcr.io/hms/dcaa-audit@${DIGEST}`, state: { running: { startedAt: '2026-11-22T09:00:00Z' } } },
      ],
    },
  };
}

export function deployment(replicas: number, ready: number): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: POOL, namespace: NAMESPACE, generation: 1 },
    spec: { replicas, selector: { matchLabels: { 'app.kubernetes.io/name': POOL } }, template: { spec: { containers: [{ name: POOL, image: IMAGE }] } } },
    status: { observedGeneration: 1, replicas, readyReplicas: ready, updatedReplicas: replicas, availableReplicas: ready },
  };
}

export const DEFAULT_DENY: Obj = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'dcaa-isolated-default-deny', namespace: NAMESPACE },
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
};

export const ALLOW_INGRESS: Obj = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'dcaa-isolated-allow-ingress', namespace: NAMESPACE },
  spec: { podSelector: { matchLabels: { 'app.kubernetes.io/name': POOL } }, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '192.168.15.0/24' } }], ports: [{ port: 8080, protocol: 'TCP' }] }] },
};

export function awsNode(enabled: boolean, mode?: string): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'aws-node', namespace: 'kube-system' },
    spec: {
      template: {
        spec: {
          containers: [
            { name: 'aws-node', image: '013241004608.dkr.ecr.us-gov-west-1.amazonaws.com/amazon-k8s-cni:v1.20.4-eksbuild.1', env: mode ? [{ name: 'NETWORK_POLICY_ENFORCING_MODE', value: mode }] : [] },
            { name: 'aws-eks-nodeagent', image: '013241004608.dkr.ecr.us-gov-west-1.amazonaws.com/amazon/aws-network-policy-agent:v1.2.7-eksbuild.1', args: ['--enable-ipv6=false', `--enable-network-policy=${enabled}`, '--enable-cloudwatch-logs=false'] },
          ],
        },
      },
    },
    status: { desiredNumberScheduled: 10, numberReady: 10 },
  };
}

export const CILIUM: Obj = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'cilium', namespace: 'kube-system' },
  spec: { template: { spec: { containers: [{ name: 'cilium-agent', image: 'mcr.microsoft.com/oss/cilium/cilium:1.17.4' }] } } },
  status: { desiredNumberScheduled: 12, numberReady: 12 },
};

/**
 * A converged platform: `nodes` Ready pool nodes, the claim bound on an
 * encrypted class, the policies, the enforcing agent, and `replicas` running pods.
 * With `mountPath`, every pod mounts the claim there (shared file storage).
 */
export function convergedCluster(opts: { nodes?: number; replicas?: number; mountPath?: string; cloud?: 'aws' | 'azure' } = {}): FakeCluster {
  const c = emptyCluster();
  const nodes = opts.nodes ?? 10;
  const replicas = opts.replicas ?? 10;
  c.nodes.push(...Array.from({ length: nodes }, (_, i) => node(`ip-10-40-0-${i + 10}.us-gov-west-1.compute.internal`)), node('ip-10-40-9-9.us-gov-west-1.compute.internal', true, 'system'));
  c.namespaces.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } });
  c.claims[NAMESPACE] = [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'contract-pdfs', namespace: NAMESPACE },
      spec: { accessModes: [opts.mountPath ? 'ReadWriteMany' : 'ReadWriteOnce'], storageClassName: 'contract-pdfs-encrypted', volumeName: 'contract-pdfs', resources: { requests: { storage: '1024Gi' } } },
      status: { phase: 'Bound', capacity: { storage: '1024Gi' } },
    },
  ];
  c.storageClasses.push(
    opts.cloud === 'azure'
      ? { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'contract-pdfs-encrypted' }, provisioner: 'disk.csi.azure.com', parameters: { skuName: 'Premium_LRS', diskEncryptionSetID: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/diskEncryptionSets/d' } }
      : { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'contract-pdfs-encrypted' }, provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3', encrypted: 'true', kmsKeyId: 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/k' } },
  );
  c.networkPolicies[NAMESPACE] = [DEFAULT_DENY, ALLOW_INGRESS];
  c.daemonSets['kube-system'] = [opts.cloud === 'azure' ? CILIUM : awsNode(true)];
  c.deployments[NAMESPACE] = [deployment(replicas, replicas)];
  c.pods[NAMESPACE] = Array.from({ length: replicas }, (_, i) => workloadPod(i, opts.mountPath ? { mount: { claim: 'contract-pdfs', path: opts.mountPath } } : {}));
  return c;
}
