import type { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { podIdentityAddon } from './private/pod-identity-addon';
import type { ISecureCluster } from './secure-cluster';

/** The service account the add-on's controller runs as. */
export const EFS_CSI_SERVICE_ACCOUNT = 'efs-csi-controller-sa';

export interface EfsCsiDriverProps {
  readonly cluster: ISecureCluster;
  /**
   * Resources to create first: the node pool (the controller needs nodes to become
   * ACTIVE) and the file system's mount targets.
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * The EFS CSI driver add-on with an EKS Pod Identity role. Mounting a file system the
 * cloud stack created (static provisioning, `fs-...::fsap-...`) is the node plugin's job:
 * it mounts over TLS through the mount target in the node's zone, found by the file
 * system's DNS name, and needs no AWS API call; the controller's role serves dynamic
 * provisioning (access points per claim).
 * @see https://docs.aws.amazon.com/eks/latest/userguide/efs-csi.html
 * @see https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/master/docs/README.md (static provisioning, encryption in transit)
 */
export class EfsCsiDriver extends Construct {
  public readonly roleArn: string;
  /** The add-on, for dependsOn. */
  public readonly resource: EksAddon;

  constructor(scope: Construct, id: string, props: EfsCsiDriverProps) {
    super(scope, id);
    const { addon, roleArn } = podIdentityAddon(this, {
      cluster: props.cluster,
      addonName: 'aws-efs-csi-driver',
      roleSuffix: 'efs-csi',
      serviceAccount: EFS_CSI_SERVICE_ACCOUNT,
      managedPolicy: 'service-role/AmazonEFSCSIDriverPolicy',
      dependsOn: props.dependsOn,
    });
    this.roleArn = roleArn;
    this.resource = addon;
  }
}
