import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Construct } from 'constructs';
import {
  AWS_GP3_MAX_GIB,
  AWS_GP3_MIN_GIB,
  DEFAULT_GP3_IOPS,
  DEFAULT_GP3_THROUGHPUT_MIBPS,
} from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { CustomerManagedKey, type IKmsKey } from './customer-managed-key';

export interface EncryptedVolumeProps {
  /** Volume name, used for the Name tag and the key alias. */
  readonly volumeName: string;
  /** Prefix for the key alias, usually the blueprint name. */
  readonly namePrefix: string;
  /** Size in GiB (1 to 16384 for gp3). */
  readonly sizeGiB: number;
  /** Zone the volume lives in; pods that mount it must run there. */
  readonly availabilityZone: string;
  /**
   * Key that encrypts the volume.
   * @default - a new customer-managed key with rotation, owned by this volume
   */
  readonly kmsKey?: IKmsKey;
  /**
   * Provisioned IOPS (3000 to 16000).
   * @default 3000
   */
  readonly iops?: number;
  /**
   * Throughput in MiB/s (125 to 1000).
   * @default 125
   */
  readonly throughputMiBps?: number;
  /**
   * Refuse to destroy or replace the volume in Terraform (CP-9, data protection).
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * A gp3 EBS volume encrypted with a customer-managed key (SC-28, SC-28(1), HIPAA
 * 164.312(a)(2)(iv)). Protected from `terraform destroy`, and snapshotted by AWS
 * before deletion should the protection ever be lifted.
 */
export class EncryptedVolume extends Construct {
  public readonly volumeId: string;
  public readonly volumeArn: string;
  public readonly kmsKeyArn: string;
  public readonly availabilityZone: string;
  public readonly sizeGiB: number;

  constructor(scope: Construct, id: string, props: EncryptedVolumeProps) {
    super(scope, id);
    const iops = props.iops ?? DEFAULT_GP3_IOPS;
    const throughput = props.throughputMiBps ?? DEFAULT_GP3_THROUGHPUT_MIBPS;
    new PropsValidator('EncryptedVolume', this.node.path)
      .check(
        Number.isInteger(props.sizeGiB) && props.sizeGiB >= AWS_GP3_MIN_GIB && props.sizeGiB <= AWS_GP3_MAX_GIB,
        `sizeGiB (${props.sizeGiB}) must be a whole number from ${AWS_GP3_MIN_GIB} to ${AWS_GP3_MAX_GIB} (16Ti) for gp3`,
      )
      .check(Number.isInteger(iops) && iops >= 3000 && iops <= 16000, `iops (${iops}) must be from 3000 to 16000 for gp3`)
      .check(
        Number.isInteger(throughput) && throughput >= 125 && throughput <= 1000,
        `throughputMiBps (${throughput}) must be from 125 to 1000 for gp3`,
      )
      .throwIfAny();

    const key =
      props.kmsKey ??
      new CustomerManagedKey(this, 'Key', {
        description: `EBS volume ${props.volumeName} of ${props.namePrefix}`,
        aliasName: `hms-sys/${props.namePrefix}/volume-${props.volumeName}`,
      });
    const volume = new EbsVolume(this, 'Resource', {
      availabilityZone: props.availabilityZone,
      size: props.sizeGiB,
      type: 'gp3',
      iops,
      throughput,
      encrypted: true,
      kmsKeyId: key.kmsKeyArn,
      // If protection is lifted and the volume deleted, AWS snapshots it first.
      finalSnapshot: true,
      tags: { Name: props.volumeName },
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    this.volumeId = volume.id;
    this.volumeArn = volume.arn;
    this.kmsKeyArn = key.kmsKeyArn;
    this.availabilityZone = props.availabilityZone;
    this.sizeGiB = props.sizeGiB;
  }
}
