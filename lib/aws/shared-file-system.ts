import { EfsAccessPoint } from '@cdktf/provider-aws/lib/efs-access-point';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';
import { EfsFileSystemPolicy } from '@cdktf/provider-aws/lib/efs-file-system-policy';
import { EfsMountTarget } from '@cdktf/provider-aws/lib/efs-mount-target';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { WORKLOAD_USER_ID } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { CustomerManagedKey, type IKmsKey } from './customer-managed-key';
import { denyWithoutTls, policyDocument } from './private/policy-document';

/** NFS, the only port EFS mount targets serve. */
export const NFS_PORT = 2049;

export interface SharedFileSystemProps {
  /** The blueprint's volume name: tags the file system and names its access point folder. */
  readonly volumeName: string;
  /** Prefix for the key alias, usually the blueprint name. */
  readonly namePrefix: string;
  readonly vpcId: string;
  /** Private subnets, one per zone nodes run in: each gets a mount target. */
  readonly subnetIds: readonly string[];
  /** The nodes' security group (EKS's cluster security group for managed nodes): the only NFS clients. */
  readonly clientSecurityGroupId: string;
  /**
   * POSIX user and group every access through the access point runs as.
   * @default 10001, the workload's user (WORKLOAD_USER_ID)
   */
  readonly posixId?: number;
  /**
   * Clients may only read.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * @default - a new customer-managed key with rotation
   */
  readonly kmsKey?: IKmsKey;
  /**
   * Refuse to destroy or replace the file system in Terraform.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * Shared file storage that every replica mounts at once (ReadWriteMany): an EFS file
 * system encrypted with a customer key (SC-28, SC-12), reachable only from the nodes on
 * NFS (2049) through a mount target in every private subnet (SC-7), refusing any client
 * that does not use TLS (SC-8, file system policy on aws:SecureTransport), and an access
 * point that runs every operation as the workload's non-root user in its own folder
 * (AC-6). EFS grows and shrinks with its data: there is no size to provision.
 * @see https://docs.aws.amazon.com/efs/latest/ug/encryption-in-transit.html (enforce with a file system policy)
 * @see https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html
 * @see https://docs.aws.amazon.com/efs/latest/ug/network-access.html (security groups for mount targets)
 */
export class SharedFileSystem extends Construct {
  public readonly fileSystemId: string;
  public readonly fileSystemArn: string;
  public readonly accessPointId: string;
  public readonly kmsKey: IKmsKey;
  /** The CSI volume handle of the access point: `fs-...::fsap-...`. */
  public readonly volumeHandle: string;
  /** The mount targets, for dependsOn: mounting needs one in the node's zone. */
  public readonly mountTargets: EfsMountTarget[];

  constructor(scope: Construct, id: string, props: SharedFileSystemProps) {
    super(scope, id);
    const posixId = props.posixId ?? WORKLOAD_USER_ID;
    new PropsValidator('SharedFileSystem', this.node.path)
      .check(props.subnetIds.length >= 1, 'subnetIds must list the private subnets nodes run in')
      .check(Number.isInteger(posixId) && posixId > 0, `posixId (${posixId}) must be a non-root user id (> 0)`)
      .throwIfAny();
    const key =
      props.kmsKey ??
      new CustomerManagedKey(this, 'Key', {
        description: `EFS file system ${props.volumeName} of ${props.namePrefix}`,
        aliasName: `hms-sys/${props.namePrefix}/files-${props.volumeName}`,
      });
    const fileSystem = new EfsFileSystem(this, 'Resource', {
      creationToken: `${props.namePrefix}-${props.volumeName}`,
      encrypted: true,
      kmsKeyId: key.kmsKeyArn,
      performanceMode: 'generalPurpose',
      // Scales with demand; the AWS-recommended default (efs/latest/ug/managing-throughput.html).
      throughputMode: 'elastic',
      tags: { Name: props.volumeName },
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    const group = new SecurityGroup(this, 'MountTargetSecurityGroup', {
      name: `${props.namePrefix}-${props.volumeName}-nfs`,
      description: `NFS to ${props.volumeName} from the cluster nodes only; no egress`,
      vpcId: props.vpcId,
      ingress: [{ description: 'NFS from the nodes', protocol: 'tcp', fromPort: NFS_PORT, toPort: NFS_PORT, securityGroups: [props.clientSecurityGroupId] }],
      egress: [],
      tags: { Name: `${props.namePrefix}-${props.volumeName}-nfs` },
    });
    const mountTargets = props.subnetIds.map(
      (subnetId, i) => new EfsMountTarget(this, `MountTarget${i + 1}`, { fileSystemId: fileSystem.id, subnetId, securityGroups: [group.id] }),
    );
    new EfsFileSystemPolicy(this, 'Policy', {
      fileSystemId: fileSystem.id,
      policy: policyDocument([
        {
          Sid: 'ClientsThroughMountTargets',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['elasticfilesystem:ClientMount', ...(props.readOnly ? [] : ['elasticfilesystem:ClientWrite'])],
          Resource: fileSystem.arn,
          Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
        },
        denyWithoutTls('DenyWithoutTls', '*', fileSystem.arn),
      ]),
    });
    const accessPoint = new EfsAccessPoint(this, 'AccessPoint', {
      fileSystemId: fileSystem.id,
      posixUser: { uid: posixId, gid: posixId },
      rootDirectory: { path: `/${props.volumeName}`, creationInfo: { ownerUid: posixId, ownerGid: posixId, permissions: '0750' } },
      tags: { Name: props.volumeName },
    });
    this.fileSystemId = fileSystem.id;
    this.fileSystemArn = fileSystem.arn;
    this.accessPointId = accessPoint.id;
    this.kmsKey = key;
    this.volumeHandle = `${fileSystem.id}::${accessPoint.id}`;
    this.mountTargets = mountTargets;
  }
}
