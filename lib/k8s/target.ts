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
