import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { DataAwsIamSessionContext } from '@cdktf/provider-aws/lib/data-aws-iam-session-context';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, TerraformIterator, Token, type IResolvable, type IResolveContext, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { cidrProblem } from '../core/cidr';
import { CLOUDWATCH_RETENTION_DAYS, DEFAULT_AWS_NETWORK_POLICY_MODE, DEFAULT_LOG_RETENTION_DAYS, type AwsNetworkPolicyMode } from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { DEFAULT_KUBERNETES_VERSION, supportPhase, versionsInSupport } from '../core/kubernetes-versions';
import { cloudWatchLogsKeyStatement, CustomerManagedKey, type IKmsKey } from './customer-managed-key';
import { AwsContext } from './private/aws-context';
import { serviceTrustPolicy } from './private/policy-document';

/** All five control-plane log types (AU-2, AU-12; CKV_AWS_37). */
export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

/** The VPC CNI configuration: NetworkPolicy on, in the given enforcement mode. */
export function vpcCniConfiguration(mode: AwsNetworkPolicyMode) {
  return { enableNetworkPolicy: 'true', env: { NETWORK_POLICY_ENFORCING_MODE: mode } } as const;
}

/** What node pools and add-ons need to know about a cluster. */
export interface ISecureCluster {
  readonly clusterName: string;
  readonly clusterEndpoint: string;
  readonly certificateAuthorityData: string;
  readonly kubernetesVersion: string;
}

export interface SecureClusterProps {
  readonly clusterName: string;
  /**
   * VPC CNI NetworkPolicy enforcement. `strict` denies a new pod everything until a policy
   * selects it, CoreDNS included: turn it on only once CoreDNS and the CSI controllers have
   * their policies (the Kubernetes stack's `awsSystemNetworkPolicies`), or DNS stops for every
   * pod the first time CoreDNS restarts.
   * @default DEFAULT_AWS_NETWORK_POLICY_MODE (`standard`)
   */
  readonly networkPolicyMode?: AwsNetworkPolicyMode;
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
   * IAM role or user ARNs granted cluster admin through access entries, besides the
   * principal that applies the stack (always admin, so that the Kubernetes stack can
   * apply after it).
   * @default - none
   */
  readonly adminPrincipalArns?: readonly string[];
  /**
   * Networks allowed to reach the private API endpoint on 443: where Terraform and
   * operators run (a runner subnet, an operations network behind the transit gateway).
   * @see https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html#private-access
   * @default - none: only the cluster's own security group (nodes and control plane)
   */
  readonly operatorCidrs?: readonly string[];
  /**
   * Refuse to destroy the cluster in Terraform: its deletion takes every workload, secret
   * and persistent volume binding with it.
   * @default true
   */
  readonly preventDestroy?: boolean;
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
  /** The IAM role or user that applies the stack (cluster admin). */
  public readonly deployerArn: string;
  /** True: the VPC CNI enforces Kubernetes NetworkPolicy on this cluster (standard or strict mode). */
  public readonly networkPolicyEnforced = true;
  public readonly networkPolicyMode: AwsNetworkPolicyMode;
  /** The managed VPC CNI add-on that turns NetworkPolicy enforcement on. */
  private readonly vpcCni: EksAddon;

  constructor(scope: Construct, id: string, props: SecureClusterProps) {
    super(scope, id);
    const version = props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const supportDate = props.supportDate ?? new Date();
    const phase = supportPhase('aws', version, supportDate);
    const retention = props.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS;
    const admins = props.adminPrincipalArns ?? [];
    const operators = props.operatorCidrs ?? [];
    const publicAccess = props.endpointPublicAccess ?? false;
    this.networkPolicyMode = props.networkPolicyMode ?? DEFAULT_AWS_NETWORK_POLICY_MODE;
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
      .check(
        !operators.some((c) => cidrProblem(c) !== undefined || c.endsWith('/0')),
        `operatorCidrs (${operators.join(', ')}) must be IPv4 networks narrower than /0 (SC-7)`,
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
    const preventDestroy = props.preventDestroy ?? true;
    const logGroup = new CloudwatchLogGroup(this, 'ControlPlaneLogs', {
      name: `/aws/eks/${props.clusterName}/cluster`,
      retentionInDays: retention,
      kmsKeyId: secretsKey.kmsKeyArn,
      // The audit trail outlives the cluster (AU-9, AU-11): destroying it takes a code change.
      lifecycle: { preventDestroy },
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
        // Off, and the creator gets an explicit entry below instead: the bootstrap entry cannot
        // be managed or removed by Terraform, and this attribute forces a new cluster when it
        // changes (ForceNew in internal/service/eks/cluster.go at v5.100.0), so it must never
        // depend on the admin list.
        bootstrapClusterCreatorAdminPermissions: false,
      },
      // EKS refuses STANDARD for a version already past standard support, and with
      // STANDARD it upgrades a cluster automatically when standard support ends; the
      // calendar decides. Extended support costs more and is warned about at validate (SI-2).
      // @see https://docs.aws.amazon.com/eks/latest/userguide/extended-support-control.html
      upgradePolicy: { supportType: phase === 'extended' ? 'EXTENDED' : 'STANDARD' },
      dependsOn: [logGroup, clusterPolicy],
      lifecycle: { preventDestroy },
    });

    // The principal that applies gets cluster admin, so that the Kubernetes stack can apply
    // right after this one. Access entries need the IAM role ARN; an assumed role's caller
    // identity is an STS session ARN, which the session context turns back into the role.
    // @see https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html
    // @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/data-sources/iam_session_context
    const deployer = new DataAwsIamSessionContext(this, 'Deployer', { arn: ctx.callerArn });
    const principals = TerraformIterator.fromList(Fn.distinct([deployer.issuerArn, ...admins]));
    const entries = new EksAccessEntry(this, 'Admins', { forEach: principals, clusterName: cluster.name, principalArn: principals.value, type: 'STANDARD' });
    new EksAccessPolicyAssociation(this, 'AdminsPolicy', {
      forEach: principals,
      clusterName: cluster.name,
      principalArn: principals.value,
      policyArn: `arn:${ctx.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
      accessScope: { type: 'cluster' },
      dependsOn: [entries],
    });

    // The control plane's security group admits only itself; operators' networks get HTTPS.
    // @see https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html
    operators.forEach((cidr, i) => {
      new VpcSecurityGroupIngressRule(this, `Operators${i + 1}`, {
        securityGroupId: cluster.vpcConfig.clusterSecurityGroupId,
        description: `Kubernetes API (HTTPS) from operator network ${cidr}`,
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrIpv4: cidr,
      });
    });

    // Strict mode: a new pod is denied all traffic until its policies are in place, instead
    // of allowed everything (standard mode). Strict is not the first-apply default: CoreDNS has
    // its policy only once the Kubernetes stack applied (it needs the operator path to the API),
    // and a CoreDNS pod recreated before then would start default-deny ("a new pod will start
    // with a default deny policy", amazon-vpc-cni-k8s README, NETWORK_POLICY_ENFORCING_MODE). Key and value from the add-on's configuration
    // schema, generated from the chart: charts/aws-vpc-cni/values.yaml `env.NETWORK_POLICY_ENFORCING_MODE`
    // (github.com/aws/amazon-vpc-cni-k8s); kubelet probes from the node's own address stay
    // allowed once policies apply (aws-network-policy-agent pkg/fwruleprocessor/fw_rule_processor.go).
    // Every pod that is not host-networked needs a policy in strict mode, CoreDNS included
    // (https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html): the
    // Kubernetes stack gives the system pods theirs (awsSystemNetworkPolicies). The nodes join
    // with the VPC CNI that EKS installs with every cluster; call enforceNetworkPolicyAfter()
    // with the add-ons whose pods must start before strict mode does.
    this.vpcCni = new EksAddon(this, 'VpcCni', {
      clusterName: cluster.name,
      addonName: 'vpc-cni',
      configurationValues: JSON.stringify(vpcCniConfiguration(this.networkPolicyMode)),
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
    this.deployerArn = deployer.issuerArn;
    this.clusterArn = cluster.arn;
    this.clusterEndpoint = cluster.endpoint;
    this.certificateAuthorityData = cluster.certificateAuthority.get(0).data;
    this.kubernetesVersion = version;
    this.clusterSecurityGroupId = cluster.vpcConfig.clusterSecurityGroupId;
    this.secretsKey = secretsKey;
    this.controlPlaneLogGroupName = logGroup.name;
  }

  /**
   * Turns strict NetworkPolicy enforcement on only after these resources exist: add-ons
   * whose pods (CSI controllers) must be running, and admitted by the Kubernetes stack's
   * system policies, before new pods start default-deny.
   */
  enforceNetworkPolicyAfter(...resources: ITerraformDependable[]): void {
    this.vpcCni.dependsOn = [...(this.vpcCni.dependsOn ?? []), ...resources.map(dependencyOn)];
  }
}

/**
 * A `depends_on` entry added after construction: the bare address (`aws_eks_addon.x`),
 * as CDKTF writes the dependsOn given to a constructor, not an interpolation.
 */
function dependencyOn(resource: ITerraformDependable): string {
  const bare: IResolvable = {
    creationStack: [],
    resolve(context: IResolveContext) {
      context.suppressBraces = true;
      return resource.fqn;
    },
    toString: () => resource.fqn,
  };
  return Token.asString(bare);
}
