import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { CLOUDWATCH_RETENTION_DAYS, DEFAULT_LOG_RETENTION_DAYS } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { DEFAULT_KUBERNETES_VERSION, supportPhase, versionsInSupport } from '../core/kubernetes-versions';
import { cloudWatchLogsKeyStatement, CustomerManagedKey, type IKmsKey } from './customer-managed-key';
import { AwsContext } from './private/aws-context';
import { serviceTrustPolicy } from './private/policy-document';

/** All five control-plane log types (AU-2, AU-12; CKV_AWS_37). */
export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

/** What node pools and add-ons need to know about a cluster. */
export interface ISecureCluster {
  readonly clusterName: string;
  readonly clusterEndpoint: string;
  readonly certificateAuthorityData: string;
  readonly kubernetesVersion: string;
}

export interface SecureClusterProps {
  readonly clusterName: string;
  /** Private subnets for the control plane's network interfaces, in at least two zones. */
  readonly subnetIds: readonly string[];
  /**
   * Kubernetes minor version, from the EKS calendar in `lib/core/kubernetes-versions.ts`.
   * @default DEFAULT_KUBERNETES_VERSION, the newest version in standard support on EKS and AKS
   */
  readonly kubernetesVersion?: string;
  /**
   * The day whose support calendar decides `upgrade_policy.support_type`.
   * @default - today
   */
  readonly supportDate?: Date;
  /**
   * Days to keep control-plane logs (AU-11).
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * IAM principals granted cluster admin through access entries. When empty, the
   * principal that creates the cluster is admin (EKS bootstrap permission).
   * @default - none
   */
  readonly adminPrincipalArns?: readonly string[];
  /**
   * Key that envelope-encrypts Kubernetes secrets and the control-plane log group.
   * @default - a new customer-managed key with rotation
   */
  readonly secretsKey?: IKmsKey;
  /**
   * Opens the API endpoint to the internet. A FedRAMP boundary violation (SC-7):
   * the policy engine flags it until acknowledged with a reason.
   * @default false
   */
  readonly endpointPublicAccess?: boolean;
  /**
   * Ranges allowed to reach a public endpoint; required when endpointPublicAccess is true.
   * @default - none
   */
  readonly publicAccessCidrs?: readonly string[];
}

/**
 * An EKS control plane that is private, audited and encrypted: private API
 * endpoint only (SC-7, AC-4), all five log types to a KMS-encrypted log group
 * with retention (AU-2, AU-12, AU-11), secrets envelope-encrypted with a
 * customer key (SC-28, SC-12), access entries for authentication (AC-2, IA-2),
 * and the VPC CNI with NetworkPolicy enforcement on (AC-4).
 */
export class SecureCluster extends Construct implements ISecureCluster {
  public readonly clusterName: string;
  public readonly clusterArn: string;
  public readonly clusterEndpoint: string;
  public readonly certificateAuthorityData: string;
  public readonly kubernetesVersion: string;
  /** The security group EKS creates for the control plane and attaches to managed nodes. */
  public readonly clusterSecurityGroupId: string;
  public readonly secretsKey: IKmsKey;
  public readonly controlPlaneLogGroupName: string;
  /** True: the VPC CNI enforces Kubernetes NetworkPolicy on this cluster. */
  public readonly networkPolicyEnforced = true;

  constructor(scope: Construct, id: string, props: SecureClusterProps) {
    super(scope, id);
    const version = props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const supportDate = props.supportDate ?? new Date();
    const phase = supportPhase('aws', version, supportDate);
    const retention = props.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS;
    const admins = props.adminPrincipalArns ?? [];
    const publicAccess = props.endpointPublicAccess ?? false;
    new PropsValidator('SecureCluster', this.node.path)
      .check(
        phase === 'standard' || phase === 'extended',
        `kubernetesVersion (${version}) is not offered by EKS on ${supportDate.toISOString().slice(0, 10)}; choose one of ${versionsInSupport('aws', supportDate).join(', ')}`,
      )
      .whenKnown([props.subnetIds], () => props.subnetIds.length >= 2, () => `subnetIds must list at least two subnets in different zones; received ${props.subnetIds.length}`)
      .check(
        (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(retention),
        `logRetentionDays (${retention}) must be one of ${CLOUDWATCH_RETENTION_DAYS.join(', ')}`,
      )
      .check(
        !publicAccess || (props.publicAccessCidrs ?? []).length > 0,
        'publicAccessCidrs must list the networks allowed to reach a public endpoint',
      )
      .check(
        !(props.publicAccessCidrs ?? []).some((c) => c === '0.0.0.0/0'),
        'publicAccessCidrs must not contain 0.0.0.0/0 (SC-7)',
      )
      .throwIfAny();

    const ctx = AwsContext.of(this);
    const secretsKey =
      props.secretsKey ??
      new CustomerManagedKey(this, 'SecretsKey', {
        description: `Kubernetes secrets and control-plane logs of ${props.clusterName}`,
        aliasName: `hms-sys/${props.clusterName}/eks`,
        serviceStatements: [cloudWatchLogsKeyStatement(this)],
      });

    // Created before the cluster so that EKS writes into a group we own, with
    // retention and encryption, instead of creating an unencrypted one.
    const logGroup = new CloudwatchLogGroup(this, 'ControlPlaneLogs', {
      name: `/aws/eks/${props.clusterName}/cluster`,
      retentionInDays: retention,
      kmsKeyId: secretsKey.kmsKeyArn,
    });

    const role = new IamRole(this, 'ClusterRole', {
      name: `${props.clusterName}-eks-cluster`,
      assumeRolePolicy: serviceTrustPolicy('eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']),
    });
    const clusterPolicy = new IamRolePolicyAttachment(this, 'ClusterPolicy', {
      role: role.name,
      policyArn: ctx.managedPolicyArn('AmazonEKSClusterPolicy'),
    });

    const cluster = new EksCluster(this, 'Resource', {
      name: props.clusterName,
      version,
      roleArn: role.arn,
      vpcConfig: {
        subnetIds: [...props.subnetIds],
        endpointPrivateAccess: true,
        endpointPublicAccess: publicAccess,
        publicAccessCidrs: publicAccess ? [...(props.publicAccessCidrs ?? [])] : undefined,
      },
      enabledClusterLogTypes: CONTROL_PLANE_LOG_TYPES,
      encryptionConfig: { resources: ['secrets'], provider: { keyArn: secretsKey.kmsKeyArn } },
      accessConfig: {
        authenticationMode: 'API',
        bootstrapClusterCreatorAdminPermissions: admins.length === 0,
      },
      // EKS refuses STANDARD for a version already past standard support, and with
      // STANDARD it upgrades a cluster automatically when standard support ends; the
      // calendar decides. Extended support costs more and is warned about at validate (SI-2).
      // @see https://docs.aws.amazon.com/eks/latest/userguide/extended-support-control.html
      upgradePolicy: { supportType: phase === 'extended' ? 'EXTENDED' : 'STANDARD' },
      dependsOn: [logGroup, clusterPolicy],
    });

    admins.forEach((principalArn, i) => {
      const entry = new EksAccessEntry(this, `Admin${i + 1}`, { clusterName: cluster.name, principalArn, type: 'STANDARD' });
      new EksAccessPolicyAssociation(this, `Admin${i + 1}Policy`, {
        clusterName: cluster.name,
        principalArn: entry.principalArn,
        policyArn: `arn:${ctx.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
        accessScope: { type: 'cluster' },
      });
    });

    // Installed before any node joins: nodes need the CNI to become Ready, and the
    // CNI's network policy agent is what makes Kubernetes NetworkPolicy real.
    new EksAddon(this, 'VpcCni', {
      clusterName: cluster.name,
      addonName: 'vpc-cni',
      configurationValues: JSON.stringify({ enableNetworkPolicy: 'true' }),
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'OVERWRITE',
    });
    new EksAddon(this, 'PodIdentityAgent', {
      clusterName: cluster.name,
      addonName: 'eks-pod-identity-agent',
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'OVERWRITE',
    });

    this.clusterName = cluster.name;
    this.clusterArn = cluster.arn;
    this.clusterEndpoint = cluster.endpoint;
    this.certificateAuthorityData = cluster.certificateAuthority.get(0).data;
    this.kubernetesVersion = version;
    this.clusterSecurityGroupId = cluster.vpcConfig.clusterSecurityGroupId;
    this.secretsKey = secretsKey;
    this.controlPlaneLogGroupName = logGroup.name;
  }
}
