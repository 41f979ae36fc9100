import type { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { PropsValidator } from '../core/errors';
import { podIdentityAddon } from './private/pod-identity-addon';
import type { ISecureCluster } from './secure-cluster';

/** The service account the add-on's controller runs as. */
export const EBS_CSI_SERVICE_ACCOUNT = 'ebs-csi-controller-sa';

export interface EbsCsiDriverProps {
  readonly cluster: ISecureCluster;
  /** Keys the driver may encrypt new volumes with (StorageClass `kmsKeyId`). */
  readonly kmsKeyArns: readonly string[];
  /**
   * Resources to create first. Its controller is a Deployment: without nodes the
   * add-on stays degraded and Terraform waits for it, so pass the node pool.
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * The EBS CSI driver add-on, authenticated through EKS Pod Identity (no node
 * credentials, no OIDC thumbprints), allowed to use the customer keys.
 */
export class EbsCsiDriver extends Construct {
  public readonly roleArn: string;
  /** The add-on, for dependsOn. */
  public readonly resource: EksAddon;

  constructor(scope: Construct, id: string, props: EbsCsiDriverProps) {
    super(scope, id);
    new PropsValidator('EbsCsiDriver', this.node.path)
      .check(props.kmsKeyArns.length >= 1, 'kmsKeyArns must list at least one key: volumes are always encrypted with a customer key')
      .throwIfAny();
    const { addon, roleArn } = podIdentityAddon(this, {
      cluster: props.cluster,
      addonName: 'aws-ebs-csi-driver',
      roleSuffix: 'ebs-csi',
      serviceAccount: EBS_CSI_SERVICE_ACCOUNT,
      managedPolicy: 'service-role/AmazonEBSCSIDriverPolicy',
      // The managed policy does not cover customer keys.
      // https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html
      inlinePolicy: {
        name: 'use-customer-keys',
        statements: [
          {
            Effect: 'Allow',
            Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
            Resource: [...props.kmsKeyArns],
            Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
          },
          {
            Effect: 'Allow',
            Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
            Resource: [...props.kmsKeyArns],
          },
        ],
      },
      dependsOn: props.dependsOn,
    });
    this.roleArn = roleArn;
    this.resource = addon;
  }
}
