import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { BASELINE_SETTINGS, BASELINES, DEFAULT_BASELINE, type Baseline } from '../core/baselines';
import {
  AWS_GP3_MAX_GIB,
  DEFAULT_AWS_INSTANCE_TYPE,
  DEFAULT_MAX_UNAVAILABLE_PERCENTAGE,
  DEFAULT_METADATA_HOP_LIMIT,
  DEFAULT_NODE_DISK_SIZE_GIB,
  MAX_NODE_COUNT,
  MIN_NODE_DISK_SIZE_GIB,
  NODE_GROUP_UPDATE_TIMEOUT,
} from '../core/defaults';
import { PropsValidator } from '../core/errors';
import { RUNTIMES, type Runtime } from '../core/runtimes';
import { CustomerManagedKey, serviceLinkedRoleKeyStatement, type IKmsKey } from './customer-managed-key';
import { FipsNodeImage } from './fips-node-image';
import { AwsContext } from './private/aws-context';
import { resolveNodeImage } from './private/node-image';
import { policyDocument, serviceTrustPolicy, type PolicyStatement } from './private/policy-document';
import type { ISecureCluster } from './secure-cluster';

/**
 * The managed policies a node needs, and no more: join the cluster, pull images,
 * and run the VPC CNI. @see https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html
 */
export const NODE_MANAGED_POLICIES = ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonEKS_CNI_Policy'];

export interface SecureNodePoolProps {
  readonly cluster: ISecureCluster;
  readonly nodePoolName: string;
  /** Private subnets the nodes run in. */
  readonly subnetIds: readonly string[];
  /** Nodes to run. */
  readonly desiredSize: number;
  /**
   * @default desiredSize
   */
  readonly minSize?: number;
  /**
   * @default desiredSize
   */
  readonly maxSize?: number;
  /** FIPS-capable node image. */
  readonly runtime: Runtime;
  /**
   * Hardening profile; see BASELINE_SETTINGS.
   * @default 'cis-level-2'
   */
  readonly baseline?: Baseline;
  /**
   * @default ['m6i.xlarge']
   */
  readonly instanceTypes?: readonly string[];
  /**
   * Root (Bottlerocket: data) disk per node, GiB.
   * @default 100
   */
  readonly diskSizeGiB?: number;
  /**
   * IMDSv2 hop limit: 1 keeps pods away from node credentials; 2 lets pods reach IMDS.
   * @default 1
   */
  readonly metadataHopLimit?: 1 | 2;
  /**
   * Explicit AMI for `fips-ubuntu-22.04`: an agency's golden image, already in FIPS mode,
   * with Canonical's EKS bootstrap script.
   * @default - a FipsNodeImage built in the same apply from Canonical's Ubuntu Pro EKS image
   */
  readonly imageId?: string;
  /**
   * Patch level of the FipsNodeImage, a date (`YYYY-MM-DD`): changing it builds a new image
   * from the newest Canonical serial with every update, and the nodes roll onto it.
   * @default - none: the image is built once per kubelet version
   */
  readonly imageRevision?: string;
  /**
   * Range of the FipsNodeImage build network (never connected to the cluster's).
   * @default '10.255.0.0/24'
   */
  readonly imageBuildCidr?: string;
  /**
   * Days to keep the image build's logs (AU-11).
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * ECR repositories that pull-through cache creates on a node's first pull, as ARN
   * patterns (`arn:...:repository/<prefix>/*`): the node role may import into them and
   * create them, and nothing else beyond read-only ECR.
   * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-iam.html
   * @default - none
   */
  readonly pullThroughRepositoryArns?: readonly string[];
  /**
   * Key that encrypts node disks.
   * @default - a new customer-managed key with rotation, usable by EC2 Auto Scaling
   */
  readonly diskKey?: IKmsKey;
  /**
   * Share of nodes replaced at once during an update.
   * @default 25
   */
  readonly maxUnavailablePercentage?: number;
  /**
   * Kubernetes labels on every node.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * An EKS managed node group on its own launch template: IMDSv2 required with hop
 * limit 1 (AC-6, CKV_AWS_79), encrypted disks with a customer key (SC-28), no
 * public IPs and no SSH (SC-7, IA-5, CKV_AWS_88, CKV_AWS_100), a FIPS image
 * (SC-13), private subnets, and rolling updates.
 */
export class SecureNodePool extends Construct {
  public readonly nodePoolName: string;
  public readonly nodeGroupArn: string;
  public readonly nodeRoleArn: string;
  public readonly launchTemplateId: string;
  public readonly diskKey: IKmsKey;
  /** The node group resource, for `dependsOn`. */
  public readonly resource: EksNodeGroup;
  /** The image built for fips-ubuntu-22.04 nodes, when no golden image was given. */
  public readonly fipsImage?: FipsNodeImage;

  constructor(scope: Construct, id: string, props: SecureNodePoolProps) {
    super(scope, id);
    const minSize = props.minSize ?? props.desiredSize;
    const maxSize = props.maxSize ?? props.desiredSize;
    const baseline = props.baseline ?? DEFAULT_BASELINE;
    const diskSizeGiB = props.diskSizeGiB ?? DEFAULT_NODE_DISK_SIZE_GIB;
    const hopLimit = props.metadataHopLimit ?? DEFAULT_METADATA_HOP_LIMIT;
    const maxUnavailable = props.maxUnavailablePercentage ?? DEFAULT_MAX_UNAVAILABLE_PERCENTAGE;
    const instanceTypes = props.instanceTypes ?? [DEFAULT_AWS_INSTANCE_TYPE];
    new PropsValidator('SecureNodePool', this.node.path)
      .whenKnown([props.desiredSize], () => Number.isInteger(props.desiredSize) && props.desiredSize >= 1, () => `desiredSize (${props.desiredSize}) must be a whole number >= 1`)
      .whenKnown([maxSize], () => maxSize <= MAX_NODE_COUNT, () => `maxSize (${maxSize}) must be <= ${MAX_NODE_COUNT}, the EKS limit per node group`)
      .whenKnown([minSize, maxSize], () => maxSize >= minSize, () => `maxSize (${maxSize}) must be >= minSize (${minSize})`)
      .whenKnown([props.desiredSize, minSize, maxSize], () => props.desiredSize >= minSize && props.desiredSize <= maxSize, () => `desiredSize (${props.desiredSize}) must be within minSize (${minSize}) and maxSize (${maxSize})`)
      .check((RUNTIMES as readonly string[]).includes(props.runtime), `runtime (${props.runtime}) is not supported; supported: ${RUNTIMES.join(', ')}`)
      .check((BASELINES as readonly string[]).includes(baseline), `baseline (${baseline}) is not supported; supported: ${BASELINES.join(', ')}`)
      .check(
        Number.isInteger(diskSizeGiB) && diskSizeGiB >= MIN_NODE_DISK_SIZE_GIB && diskSizeGiB <= AWS_GP3_MAX_GIB,
        `diskSizeGiB (${diskSizeGiB}) must be from ${MIN_NODE_DISK_SIZE_GIB} to ${AWS_GP3_MAX_GIB}`,
      )
      .check(hopLimit === 1 || hopLimit === 2, `metadataHopLimit (${hopLimit}) must be 1 or 2`)
      .check(maxUnavailable >= 1 && maxUnavailable <= 100, `maxUnavailablePercentage (${maxUnavailable}) must be from 1 to 100`)
      .whenKnown([props.subnetIds], () => props.subnetIds.length >= 1, () => 'subnetIds must list at least one private subnet')
      .check(instanceTypes.length >= 1, 'instanceTypes must list at least one instance type')
      .check(!props.imageId || props.runtime === 'fips-ubuntu-22.04', `imageId applies to fips-ubuntu-22.04 only; ${props.runtime} images are managed by EKS`)
      .check(!props.imageRevision || (props.runtime === 'fips-ubuntu-22.04' && !props.imageId), 'imageRevision applies to the image built for fips-ubuntu-22.04 only, not to an imageId or an EKS-managed image')
      .throwIfAny();

    const ctx = AwsContext.of(this);
    const name = `${props.cluster.clusterName}-${props.nodePoolName}`;
    const diskKey =
      props.diskKey ??
      new CustomerManagedKey(this, 'DiskKey', {
        description: `Node disks of ${name}`,
        aliasName: `hms-sys/${name}/node-disks`,
        serviceStatements: [
          ...autoScalingKeyStatements(this),
          // Image Builder's service-linked role copies the FIPS image under this key.
          serviceLinkedRoleKeyStatement(this, {
            sid: 'ImageBuilderEncryptsNodeImages',
            roleName: 'imagebuilder.amazonaws.com/AWSServiceRoleForImageBuilder',
            viaService: 'ec2',
          }),
        ],
      });

    const role = new IamRole(this, 'NodeRole', { name: `${name}-node`, assumeRolePolicy: serviceTrustPolicy('ec2.amazonaws.com') });
    const attachments: ITerraformDependable[] = NODE_MANAGED_POLICIES.map(
      (policy) => new IamRolePolicyAttachment(this, policy, { role: role.name, policyArn: ctx.managedPolicyArn(policy) }),
    );

    const pullThrough = props.pullThroughRepositoryArns ?? [];
    if (pullThrough.length > 0) {
      // The first pull of an image through the cache imports it, creating its repository.
      attachments.push(
        new IamRolePolicy(this, 'PullThroughCache', {
          role: role.id,
          name: 'pull-through-cache',
          policy: policyDocument([{ Effect: 'Allow', Action: ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'], Resource: [...pullThrough] }]),
        }),
      );
    }

    const settings = BASELINE_SETTINGS[baseline];
    const fipsImage =
      props.runtime === 'fips-ubuntu-22.04' && !props.imageId
        ? new FipsNodeImage(this, 'FipsImage', {
            namePrefix: name,
            kubernetesVersion: props.cluster.kubernetesVersion,
            kmsKey: diskKey,
            buildCidr: props.imageBuildCidr,
            revision: props.imageRevision,
            logRetentionDays: props.logRetentionDays,
          })
        : undefined;
    const image = resolveNodeImage({ runtime: props.runtime, baseline, cluster: props.cluster, imageId: props.imageId ?? fipsImage?.imageId });
    const launchTemplate = new LaunchTemplate(this, 'LaunchTemplate', {
      name,
      description: `Hardened ${props.runtime} nodes (${baseline}) for ${props.cluster.clusterName}`,
      imageId: image.imageId,
      userData: image.userData,
      updateDefaultVersion: true,
      ebsOptimized: 'true',
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: hopLimit,
        instanceMetadataTags: 'disabled',
      },
      blockDeviceMappings: image.devices.map((d) => ({
        deviceName: d.deviceName,
        ebs: {
          volumeSize: d.sizeGiB(diskSizeGiB),
          volumeType: 'gp3',
          encrypted: 'true',
          kmsKeyId: diskKey.kmsKeyArn,
          deleteOnTermination: 'true',
        },
      })),
      monitoring: { enabled: settings.detailedMonitoring },
      tagSpecifications: [
        { resourceType: 'instance', tags: { Name: name } },
        { resourceType: 'volume', tags: { Name: name } },
      ],
    });

    const nodeGroup = new EksNodeGroup(this, 'Resource', {
      clusterName: props.cluster.clusterName,
      nodeGroupName: props.nodePoolName,
      nodeRoleArn: role.arn,
      subnetIds: [...props.subnetIds],
      amiType: image.amiType,
      version: image.managedVersion ? props.cluster.kubernetesVersion : undefined,
      capacityType: 'ON_DEMAND',
      instanceTypes: [...instanceTypes],
      scalingConfig: { desiredSize: props.desiredSize, minSize, maxSize },
      updateConfig: { maxUnavailablePercentage: maxUnavailable },
      // A new image or launch template rolls the pool a quarter at a time: launch, wait for
      // Ready, drain under the PodDisruptionBudget. Ten nodes take more than the provider's
      // 60-minute update default, after which the apply fails while EKS keeps rolling.
      // @see https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html
      timeouts: { update: NODE_GROUP_UPDATE_TIMEOUT },
      launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.toString() },
      labels: { 'hms-sys/node-pool': props.nodePoolName, 'hms-sys/runtime': props.runtime, ...props.labels },
      dependsOn: attachments,
    });

    this.nodePoolName = nodeGroup.nodeGroupName;
    this.nodeGroupArn = nodeGroup.arn;
    this.nodeRoleArn = role.arn;
    this.launchTemplateId = launchTemplate.id;
    this.diskKey = diskKey;
    this.resource = nodeGroup;
    this.fipsImage = fipsImage;
  }
}

/**
 * EC2 Auto Scaling launches the nodes with its service-linked role, which has no
 * KMS permissions of its own: the key policy must let it use the key. The role is named
 * in an `aws:PrincipalArn` condition, not as the principal: KMS refuses a key policy whose
 * principal does not exist ("AWS requires any principal in the policy to exist before the
 * key is created", internal/service/kms/key.go, terraform-provider-aws), and in an empty
 * account AWSServiceRoleForAutoScaling appears only with the first Auto Scaling group,
 * i.e. the node group that needs this key. `aws:PrincipalArn` of a role's session is the
 * role's ARN, so the documented grant condition (GrantIsForAWSResource) still applies.
 * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
function autoScalingKeyStatements(scope: Construct): PolicyStatement[] {
  const roleName = 'autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling';
  return [
    serviceLinkedRoleKeyStatement(scope, {
      sid: 'AutoScalingUsesKeyForNodeDisks',
      roleName,
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
    }),
    serviceLinkedRoleKeyStatement(scope, { sid: 'AutoScalingGrantsForAttachedDisks', roleName, actions: ['kms:CreateGrant'], grantsForAwsResourcesOnly: true }),
  ];
}
