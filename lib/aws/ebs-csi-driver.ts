import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { PropsValidator } from '../core/errors';
import { AwsContext } from './private/aws-context';
import { policyDocument, serviceTrustPolicy } from './private/policy-document';
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

  constructor(scope: Construct, id: string, props: EbsCsiDriverProps) {
    super(scope, id);
    new PropsValidator('EbsCsiDriver', this.node.path)
      .check(props.kmsKeyArns.length >= 1, 'kmsKeyArns must list at least one key: volumes are always encrypted with a customer key')
      .throwIfAny();
    const ctx = AwsContext.of(this);
    const role = new IamRole(this, 'Role', {
      name: `${props.cluster.clusterName}-ebs-csi`,
      assumeRolePolicy: serviceTrustPolicy('pods.eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']),
    });
    const managed = new IamRolePolicyAttachment(this, 'DriverPolicy', {
      role: role.name,
      policyArn: ctx.managedPolicyArn('service-role/AmazonEBSCSIDriverPolicy'),
    });
    // The managed policy does not cover customer keys.
    // https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html
    const keys = new IamRolePolicy(this, 'KeyPolicy', {
      role: role.id,
      name: 'use-customer-keys',
      policy: policyDocument([
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
      ]),
    });
    new EksAddon(this, 'Resource', {
      clusterName: props.cluster.clusterName,
      addonName: 'aws-ebs-csi-driver',
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'OVERWRITE',
      podIdentityAssociation: [{ roleArn: role.arn, serviceAccount: EBS_CSI_SERVICE_ACCOUNT }],
      dependsOn: [managed, keys, ...(props.dependsOn ?? [])],
    });
    this.roleArn = role.arn;
  }
}
