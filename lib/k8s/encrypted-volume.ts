import { PersistentVolumeClaimV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1';
import { PersistentVolumeV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-v1';
import { StorageClassV1 } from '@cdktf/provider-kubernetes/lib/storage-class-v1';
import { Construct } from 'constructs';
import { PropsValidator } from '../core/errors';
import type { EncryptedStorageBackend, IKubernetesTarget, VolumeAccessMode } from './target';

/** A disk or file system the cloud stack already created, to bind instead of provisioning one. */
export interface ExistingVolume {
  /** The CSI volume handle: EBS volume id, Azure managed disk id, `fs-...::fsap-...` for an EFS access point, ... */
  readonly volumeHandle: string;
  /**
   * Zone of a zonal disk: pods that mount it must run there.
   * @default - reachable from every zone
   */
  readonly zone?: string;
  /**
   * Attributes the CSI driver needs to mount it (e.g. Azure Files share and account).
   * @default - none
   */
  readonly volumeAttributes?: Readonly<Record<string, string>>;
}

export interface EncryptedVolumeProps {
  readonly target: IKubernetesTarget;
  readonly namespaceName: string;
  /** The blueprint's volume name: names the class, the claim and the volume. */
  readonly volumeName: string;
  readonly sizeGiB: number;
  /**
   * `block`: one node at a time (the target's `storage`); `file`: every replica at
   * once (the target's `fileStorage`).
   * @default 'block'
   */
  readonly kind?: 'block' | 'file';
  /**
   * The disk or file system to bind (static provisioning).
   * @default - the storage class creates a disk when the claim is first mounted
   */
  readonly existingVolume?: ExistingVolume;
}

/**
 * The Kubernetes half of an encrypted volume: a storage class that encrypts with
 * the customer key, retains volumes when claims go and allows expansion (SC-28,
 * SC-12, CP-9), and a claim of the blueprint's size on it, either bound to the
 * disk or file system the cloud stack created or provisioned on first use.
 */
export class EncryptedVolume extends Construct {
  public readonly storageClassName: string;
  public readonly claimName: string;
  /** ReadWriteOnce (block) or ReadWriteMany (shared file storage). */
  public readonly accessMode: VolumeAccessMode;

  constructor(scope: Construct, id: string, props: EncryptedVolumeProps) {
    super(scope, id);
    const kind = props.kind ?? 'block';
    const backend: EncryptedStorageBackend | undefined = kind === 'file' ? props.target.fileStorage : props.target.storage;
    const existing = props.existingVolume;
    new PropsValidator('k8s.EncryptedVolume', this.node.path)
      .whenKnown([props.sizeGiB], () => Number.isInteger(props.sizeGiB) && props.sizeGiB >= 1, () => `sizeGiB (${props.sizeGiB}) must be a whole number >= 1`)
      .check(backend !== undefined, `kind (${kind}): the target cluster provides no shared file storage; give it a fileStorage backend or use a block volume`)
      .check(kind === 'block' || existing !== undefined, 'existingVolume: shared file storage is created by the cloud stack; pass its file system as existingVolume')
      .throwIfAny();
    const b = backend as EncryptedStorageBackend;
    const storageClass = new StorageClassV1(this, 'StorageClass', {
      metadata: { name: `${props.volumeName}-encrypted` },
      storageProvisioner: b.provisioner,
      parameters: { ...b.parameters },
      reclaimPolicy: 'Retain',
      allowVolumeExpansion: true,
      mountOptions: b.mountOptions ? [...b.mountOptions] : undefined,
      // A zonal disk is created in the zone of the first pod that mounts the claim.
      volumeBindingMode: b.zoneLabel ? 'WaitForFirstConsumer' : 'Immediate',
    });
    const size = `${props.sizeGiB}Gi`;
    const volume =
      existing &&
      new PersistentVolumeV1(this, 'PersistentVolume', {
        metadata: { name: props.volumeName },
        spec: [
          {
            capacity: { storage: size },
            accessModes: [b.accessMode],
            persistentVolumeReclaimPolicy: 'Retain',
            storageClassName: storageClass.metadata.name,
            mountOptions: b.mountOptions ? [...b.mountOptions] : undefined,
            persistentVolumeSource: {
              csi: {
                driver: b.provisioner,
                volumeHandle: existing.volumeHandle,
                fsType: b.fsType,
                volumeAttributes: existing.volumeAttributes ? { ...existing.volumeAttributes } : undefined,
              },
            },
            nodeAffinity:
              b.zoneLabel && existing.zone
                ? { required: { nodeSelectorTerm: [{ matchExpressions: [{ key: b.zoneLabel, operator: 'In', values: [existing.zone] }] }] } }
                : undefined,
          },
        ],
      });
    const claim = new PersistentVolumeClaimV1(this, 'Claim', {
      metadata: { name: props.volumeName, namespace: props.namespaceName },
      spec: {
        accessModes: [b.accessMode],
        storageClassName: storageClass.metadata.name,
        volumeName: volume?.metadata.name,
        resources: { requests: { storage: size } },
      },
      waitUntilBound: false,
      lifecycle: { preventDestroy: true },
    });
    this.storageClassName = storageClass.metadata.name;
    this.claimName = claim.metadata.name;
    this.accessMode = b.accessMode;
  }
}
