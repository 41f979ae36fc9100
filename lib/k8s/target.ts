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
