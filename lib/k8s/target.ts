/** What the Kubernetes layer needs to know about the cluster it lands on. */
export interface IKubernetesTarget {
  /**
   * True when the cluster enforces NetworkPolicy (EKS VPC CNI with network policy,
   * AKS Cilium). A NetworkPolicy that nothing enforces is a false promise.
   */
  readonly networkPolicyEnforced: boolean;
  /** How encrypted block volumes (one node at a time) are provisioned on this cloud. */
  readonly storage: EncryptedStorageBackend;
  /**
   * How encrypted shared file storage (every replica at once) is provisioned on this
   * cloud, when the cloud stack provides it.
   * @default - none: a volume that several replicas need cannot be mounted
   */
  readonly fileStorage?: EncryptedStorageBackend;
  /**
   * Private mirrors of public registries (ECR pull-through cache, ACR cache rules):
   * the user writes the upstream image, pods pull it through the mirror.
   * @default - none: images are pulled from where they are named
   */
  readonly imageMirrors?: readonly ImageMirror[];
  /**
   * How the cloud exposes a Service on an internal load balancer, reachable only
   * from inside the network and the agency ranges routed to it.
   * @default - none: the workload gets no load balancer
   */
  readonly internalLoadBalancer?: InternalLoadBalancerSettings;
  /**
   * Policies the cloud's own pods (DNS, CSI controllers) need on a cluster that denies a
   * pod all traffic until a policy selects it (EKS VPC CNI strict mode).
   * @default - none: the cluster lets pods without a policy talk freely
   */
  readonly systemNetworkPolicies?: readonly SystemNetworkPolicy[];
}

/**
 * An allow policy for pods of the platform itself. Egress is open (they talk to the API
 * server and the cloud's endpoints); ingress is limited to the listed ports. Probes from
 * the node are admitted by the CNI once any policy selects the pod.
 */
export interface SystemNetworkPolicy {
  readonly name: string;
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
  /**
   * Ports any pod of the cluster may reach, e.g. DNS.
   * @default - none
   */
  readonly ingressPorts?: readonly { readonly port: number; readonly protocol: 'TCP' | 'UDP' }[];
}

/** One upstream registry (or registry/path prefix) and the private prefix that mirrors it. */
export interface ImageMirror {
  /** e.g. `ghcr.io`, or `ghcr.io/hms` */
  readonly upstream: string;
  /** e.g. `123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/ghcr`; may be a token */
  readonly mirror: string;
}

/** Cloud-specific settings of a Service of type LoadBalancer that stays internal. */
export interface InternalLoadBalancerSettings {
  /** Annotations that make the cloud's load balancer internal, and anything else it needs. */
  readonly annotations: Readonly<Record<string, string>>;
  /**
   * `Local` keeps the client's source address, so the NetworkPolicy that admits only
   * the agency range sees it. @see https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip
   * @default 'Local'
   */
  readonly externalTrafficPolicy?: 'Local' | 'Cluster';
  /**
   * The load balancer class, where a controller other than the cloud's built-in one serves it.
   * @default - the cluster's default
   */
  readonly loadBalancerClass?: string;
}

/**
 * The image pods pull: through the longest matching mirror when one covers the
 * image's registry or path prefix, otherwise the image as named.
 */
export function mirroredImage(image: string, mirrors: readonly ImageMirror[] = []): string {
  const match = [...mirrors]
    .sort((a, b) => b.upstream.length - a.upstream.length)
    .find((m) => image.startsWith(`${m.upstream}/`));
  return match ? `${match.mirror}/${image.slice(match.upstream.length + 1)}` : image;
}

/** How pods may use a volume. @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes */
export type VolumeAccessMode = 'ReadWriteOnce' | 'ReadWriteMany';

/** A CSI driver and the parameters that make it encrypt with the customer key. */
export interface EncryptedStorageBackend {
  /** CSI driver name, e.g. `ebs.csi.aws.com`. */
  readonly provisioner: string;
  readonly parameters: Readonly<Record<string, string>>;
  /** ReadWriteOnce for block devices, ReadWriteMany for shared file systems. */
  readonly accessMode: VolumeAccessMode;
  /**
   * Node label that pins a zonal volume to its zone.
   * @default - the volume is reachable from every zone
   */
  readonly zoneLabel?: string;
  /**
   * Filesystem the CSI driver formats a block device with.
   * @default - none (file systems need no formatting)
   */
  readonly fsType?: string;
  /**
   * Mount options of volumes of this class (e.g. TLS for EFS).
   * @default - none
   */
  readonly mountOptions?: readonly string[];
}

/** EBS CSI: gp3, encrypted with the customer key. @see https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md */
export function ebsStorage(kmsKeyArn: string): EncryptedStorageBackend {
  return {
    provisioner: 'ebs.csi.aws.com',
    parameters: { type: 'gp3', encrypted: 'true', kmsKeyId: kmsKeyArn },
    accessMode: 'ReadWriteOnce',
    zoneLabel: 'topology.ebs.csi.aws.com/zone',
    fsType: 'ext4',
  };
}

/** Azure Disk CSI: Premium SSD through the customer key's disk encryption set. @see https://github.com/kubernetes-sigs/azuredisk-csi-driver/blob/master/docs/driver-parameters.md */
export function azureDiskStorage(diskEncryptionSetId: string): EncryptedStorageBackend {
  return {
    provisioner: 'disk.csi.azure.com',
    parameters: { skuName: 'Premium_LRS', diskEncryptionSetID: diskEncryptionSetId, networkAccessPolicy: 'DenyAll' },
    accessMode: 'ReadWriteOnce',
    zoneLabel: 'topology.disk.csi.azure.com/zone',
    fsType: 'ext4',
  };
}

/**
 * Azure Files CSI over NFS 4.1: shared by every replica (ReadWriteMany). The class
 * names the blueprint's own storage account, so a claim that provisions through it
 * lands in that account (customer key, private endpoint) or fails, never in a new one.
 * @see https://github.com/kubernetes-sigs/azurefile-csi-driver/blob/master/docs/driver-parameters.md
 * @see articles/aks/create-volume-azure-files.md ("Recommended mount options for NFS shares")
 */
export function azureFileStorage(account: { resourceGroup: string; storageAccount: string }, encryptInTransit: boolean): EncryptedStorageBackend {
  return {
    provisioner: 'file.csi.azure.com',
    parameters: { protocol: 'nfs', resourceGroup: account.resourceGroup, storageAccount: account.storageAccount, encryptInTransit: String(encryptInTransit) },
    accessMode: 'ReadWriteMany',
    mountOptions: ['nconnect=4', 'noresvport', 'actimeo=30'],
  };
}

/**
 * EFS CSI: a shared file system the cloud stack created, mounted over TLS by every replica.
 * Encryption at rest is the file system's (a customer key); `tls` encrypts NFS in transit,
 * which the file system policy also demands.
 * @see https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/master/docs/README.md
 */
export function efsStorage(): EncryptedStorageBackend {
  return { provisioner: 'efs.csi.aws.com', parameters: {}, accessMode: 'ReadWriteMany', mountOptions: ['tls'] };
}

/**
 * An internal Network Load Balancer from the Kubernetes AWS cloud provider that EKS runs
 * (no AWS Load Balancer Controller needed): `aws-load-balancer-type: nlb` and
 * `aws-load-balancer-internal`, in the subnets tagged `kubernetes.io/role/internal-elb`.
 * Its targets are instances, so the client address reaches the pod with
 * `externalTrafficPolicy: Local`, and loadBalancerSourceRanges become the only sources the
 * nodes' security group admits on the service's node port.
 * @see https://github.com/kubernetes/cloud-provider-aws/blob/master/pkg/providers/v1/aws.go (ServiceAnnotationLoadBalancerType, ServiceAnnotationLoadBalancerInternal, updateInstanceSecurityGroupsForNLB)
 * @see https://docs.aws.amazon.com/eks/latest/userguide/aws-load-balancer-controller.html (legacy cloud provider: used when the controller is not installed)
 */
export const AWS_INTERNAL_NLB: InternalLoadBalancerSettings = {
  annotations: {
    'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
    'service.beta.kubernetes.io/aws-load-balancer-internal': 'true',
  },
  externalTrafficPolicy: 'Local',
};

/**
 * The EKS system pods that are not host-networked, which the VPC CNI's strict mode
 * denies everything until a policy selects them: CoreDNS ("this requirement applies to
 * the CoreDNS pods", docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html)
 * and the CSI pods that are not host-networked (labels from their charts: aws-efs-csi-driver
 * templates/controller-deployment.yaml; aws-ebs-csi-driver controller and node). The EFS
 * node plugin runs in the host network (templates/node-daemonset.yaml) and needs none.
 */
export function eksSystemNetworkPolicies(csiControllers: readonly ('efs' | 'ebs')[]): SystemNetworkPolicy[] {
  return [
    {
      name: 'hms-sys-coredns',
      namespace: 'kube-system',
      podLabels: { 'k8s-app': 'kube-dns' },
      ingressPorts: [
        { port: 53, protocol: 'UDP' },
        { port: 53, protocol: 'TCP' },
      ],
    },
    ...csiControllers
      .flatMap((csi) => (csi === 'ebs' ? ['ebs-csi-controller', 'ebs-csi-node'] : [`${csi}-csi-controller`]))
      .map((app) => ({ name: `hms-sys-${app}`, namespace: 'kube-system', podLabels: { app } })),
  ];
}
