/** What the Kubernetes layer needs to know about the cluster it lands on. */
export interface IKubernetesTarget {
  /**
   * True when the cluster enforces NetworkPolicy (EKS VPC CNI with network policy,
   * AKS Cilium). A NetworkPolicy that nothing enforces is a false promise.
   */
  readonly networkPolicyEnforced: boolean;
  /** How encrypted volumes are provisioned on this cloud. */
  readonly storage: EncryptedStorageBackend;
}

/** A CSI driver and the parameters that make it encrypt with the customer key. */
export interface EncryptedStorageBackend {
  readonly provisioner: 'ebs.csi.aws.com' | 'disk.csi.azure.com';
  readonly parameters: Readonly<Record<string, string>>;
  /** Node label that pins a zonal volume. */
  readonly zoneLabel: string;
}

/** EBS CSI: gp3, encrypted with the customer key. @see https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md */
export function ebsStorage(kmsKeyArn: string): EncryptedStorageBackend {
  return { provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3', encrypted: 'true', kmsKeyId: kmsKeyArn }, zoneLabel: 'topology.ebs.csi.aws.com/zone' };
}

/** Azure Disk CSI: Premium SSD through the customer key's disk encryption set. @see https://github.com/kubernetes-sigs/azuredisk-csi-driver/blob/master/docs/driver-parameters.md */
export function azureDiskStorage(diskEncryptionSetId: string): EncryptedStorageBackend {
  return { provisioner: 'disk.csi.azure.com', parameters: { skuName: 'Premium_LRS', diskEncryptionSetID: diskEncryptionSetId, networkAccessPolicy: 'DenyAll' }, zoneLabel: 'topology.disk.csi.azure.com/zone' };
}
