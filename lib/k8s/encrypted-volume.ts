import { PersistentVolumeClaimV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1';
import { PersistentVolumeV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-v1';
import { StorageClassV1 } from '@cdktf/provider-kubernetes/lib/storage-class-v1';
import { Construct } from 'constructs';
import { PropsValidator } from '../core/errors';
import type { IKubernetesTarget } from './target';

/** A disk the cloud stack already created, to bind instead of provisioning one. */
export interface ExistingDisk {
  /** EBS volume id or Azure managed disk id. */
  readonly volumeHandle: string;
  /** Zone of the disk: pods that mount it must run there. */
  readonly zone: string;
}

export interface EncryptedVolumeProps {
  readonly target: IKubernetesTarget;
  readonly namespaceName: string;
  /** The blueprint's volume name: names the class, the claim and the volume. */
  readonly volumeName: string;
  readonly sizeGiB: number;
  /**
   * The disk to bind (static provisioning).
   * @default - the storage class creates a disk when the claim is first mounted
   */
  readonly existingDisk?: ExistingDisk;
}

/**
 * The Kubernetes half of an encrypted volume: a storage class that encrypts with
 * the customer key, retains disks when claims go and allows expansion (SC-28,
 * SC-12, CP-9), and a claim of the blueprint's size on it, either bound to the
 * disk the cloud stack created or provisioned on first use.
 */
export class EncryptedVolume extends Construct {
  public readonly storageClassName: string;
  public readonly claimName: string;

  constructor(scope: Construct, id: string, props: EncryptedVolumeProps) {
    super(scope, id);
    new PropsValidator('k8s.EncryptedVolume', this.node.path)
      .check(Number.isInteger(props.sizeGiB) && props.sizeGiB >= 1, `sizeGiB (${props.sizeGiB}) must be a whole number >= 1`)
      .throwIfAny();
    const backend = props.target.storage;
    const storageClass = new StorageClassV1(this, 'StorageClass', {
      metadata: { name: `${props.volumeName}-encrypted` },
      storageProvisioner: backend.provisioner,
      parameters: { ...backend.parameters },
      reclaimPolicy: 'Retain',
      allowVolumeExpansion: true,
      // The disk is created in the zone of the first pod that mounts the claim.
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    const size = `${props.sizeGiB}Gi`;
    const volume =
      props.existingDisk &&
      new PersistentVolumeV1(this, 'PersistentVolume', {
        metadata: { name: props.volumeName },
        spec: [
          {
            capacity: { storage: size },
            accessModes: ['ReadWriteOnce'],
            persistentVolumeReclaimPolicy: 'Retain',
            storageClassName: storageClass.metadata.name,
            persistentVolumeSource: { csi: { driver: backend.provisioner, volumeHandle: props.existingDisk.volumeHandle, fsType: 'ext4' } },
            nodeAffinity: {
              required: { nodeSelectorTerm: [{ matchExpressions: [{ key: backend.zoneLabel, operator: 'In', values: [props.existingDisk.zone] }] }] },
            },
          },
        ],
      });
    const claim = new PersistentVolumeClaimV1(this, 'Claim', {
      metadata: { name: props.volumeName, namespace: props.namespaceName },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: storageClass.metadata.name,
        volumeName: volume?.metadata.name,
        resources: { requests: { storage: size } },
      },
      waitUntilBound: false,
      lifecycle: { preventDestroy: true },
    });
    this.storageClassName = storageClass.metadata.name;
    this.claimName = claim.metadata.name;
  }
}
