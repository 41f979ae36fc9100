import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsAmi } from '@cdktf/provider-aws/lib/data-aws-ami';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { ImagebuilderComponent } from '@cdktf/provider-aws/lib/imagebuilder-component';
import { ImagebuilderDistributionConfiguration } from '@cdktf/provider-aws/lib/imagebuilder-distribution-configuration';
import { ImagebuilderImage } from '@cdktf/provider-aws/lib/imagebuilder-image';
import { ImagebuilderImageRecipe } from '@cdktf/provider-aws/lib/imagebuilder-image-recipe';
import { ImagebuilderInfrastructureConfiguration } from '@cdktf/provider-aws/lib/imagebuilder-infrastructure-configuration';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { cidrProblem } from '../core/cidr';
import {
  CANONICAL_AMI_OWNERS,
  CLOUDWATCH_RETENTION_DAYS,
  DEFAULT_IMAGE_BUILD_CIDR,
  DEFAULT_LOG_RETENTION_DAYS,
  IMAGE_BUILD_TIMEOUT,
  MAX_KUBELET_SKEW,
  NEWEST_UBUNTU_2204_EKS_VERSION,
  OLDEST_UBUNTU_2204_EKS_VERSION,
} from '../core/defaults';
import { PropsError, PropsValidator } from '../core/errors';
import type { IKmsKey } from './customer-managed-key';
import { AwsContext } from './private/aws-context';
import { ImageBuildNetwork } from './private/image-build-network';
import { fipsImageRecipeVersion, isImageRevision } from './private/image-revision';
import { serviceTrustPolicy } from './private/policy-document';

/**
 * Version of the build component. Bump when the build document below changes: Image
 * Builder components are immutable versions, so a new document needs a new version (the
 * recipe, which references it, is then replaced and builds a new image).
 */
export const FIPS_IMAGE_RECIPE_VERSION = '1.0.0';

export { fipsImageRecipeVersion, isImageRevision };

/** The instance type the image is built on; the image runs on any x86_64 type. */
export const DEFAULT_IMAGE_BUILDER_INSTANCE_TYPE = 'm6i.large';

export interface FipsNodeImageProps {
  /** Prefix for names, usually the cluster name. */
  readonly namePrefix: string;
  /** The cluster's Kubernetes version; the image's kubelet is this or the newest one Canonical builds on 22.04 within the skew policy. */
  readonly kubernetesVersion: string;
  /** Encrypts the image's snapshots; the node pool's disk key, which Auto Scaling may use. */
  readonly kmsKey: IKmsKey;
  /**
   * Range of the build network, which is never connected to the platform.
   * @default '10.255.0.0/24'
   */
  readonly buildCidr?: string;
  /** @default 'm6i.large' */
  readonly builderInstanceType?: string;
  /**
   * Days to keep build, firewall and flow logs (AU-11).
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * The image's patch level, a date (`YYYY-MM-DD`). Changing it builds a new image from
   * the newest Canonical serial with every package update (SI-2), and the node group that
   * uses the image rolls onto it. Nothing rebuilds the image on its own.
   * @default - none: the image is built once per kubelet version and never patched
   */
  readonly revision?: string;
}

/**
 * The Kubernetes minor version of the Ubuntu Pro 22.04 EKS image to build from for a
 * cluster of `clusterVersion`: the same version when Canonical publishes it on 22.04,
 * else the newest 22.04 one, which the kubelet skew policy (n-3) allows on a newer
 * control plane. Throws when no 22.04 image can serve the cluster.
 */
export function ubuntu2204KubeletVersion(clusterVersion: string): string {
  const minor = (v: string) => Number(v.split('.')[1]);
  const newest = minor(NEWEST_UBUNTU_2204_EKS_VERSION);
  if (minor(clusterVersion) < minor(OLDEST_UBUNTU_2204_EKS_VERSION) || minor(clusterVersion) - newest > MAX_KUBELET_SKEW) {
    throw new PropsError('FipsNodeImage', 'kubernetesVersion', [
      `(${clusterVersion}) has no Ubuntu 22.04 EKS image within the kubelet skew policy: Canonical publishes them for ${OLDEST_UBUNTU_2204_EKS_VERSION} to ${NEWEST_UBUNTU_2204_EKS_VERSION}, and kubelets may trail the API server by ${MAX_KUBELET_SKEW} minor versions. Use an agency golden image (aws.nodeImageId)`,
    ]);
  }
  return minor(clusterVersion) <= newest ? clusterVersion : NEWEST_UBUNTU_2204_EKS_VERSION;
}

/** Canonical's name for its Ubuntu Pro 22.04 EKS images of one Kubernetes version (find-ubuntu-images.rst, "EKS" tab). */
export function ubuntuProEksImageName(kubeletVersion: string): string {
  return `ubuntu-eks-pro/k8s_${kubeletVersion}/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*`;
}

/**
 * The AWSTOE document that turns Canonical's Ubuntu Pro EKS image into a FIPS node image:
 * Canonical's own recipe ("Deploy an Ubuntu Pro FIPS EKS cluster", ubuntu-cloud-docs
 * aws-how-to/kubernetes/deploy-ubuntu-pro-fips-cluster.rst: upgrade, `pro enable
 * fips-updates`), a reboot into the FIPS kernel, a check that fails the build unless the
 * kernel is in FIPS mode, then a permanent detach ("How to permanently detach Pro
 * instances": `disable_auto_attach` and `pro detach`) so that nodes never call Canonical
 * at boot, where they have no route to it. The FIPS packages stay installed.
 * @see https://docs.aws.amazon.com/imagebuilder/latest/userguide/toe-component-manager.html
 */
export function fipsBuildDocument(): string {
  const fipsCheck = ['test "$(cat /proc/sys/crypto/fips_enabled)" = 1', 'uname -r | grep -q -- -fips'];
  const bash = (name: string, commands: readonly string[]) => ({ name, action: 'ExecuteBash', inputs: { commands: ['set -euo pipefail', ...commands] } });
  return JSON.stringify({
    name: 'hms-sys-fips-ubuntu-eks',
    description: 'Ubuntu Pro FIPS (fips-updates) on Canonical Ubuntu Pro EKS, detached for air-gapped nodes',
    schemaVersion: 1.0,
    phases: [
      {
        name: 'build',
        steps: [
          bash('UpdateAndEnableFips', [
            'cloud-init status --wait || true',
            'pro status --wait',
            'export DEBIAN_FRONTEND=noninteractive',
            'apt-get update',
            'apt-get upgrade -y --with-new-pkgs',
            'pro enable fips-updates --assume-yes',
          ]),
          { name: 'RebootIntoFipsKernel', action: 'Reboot' },
          bash('VerifyFipsAndDetach', [
            ...fipsCheck,
            "printf 'features:\\n  disable_auto_attach: true\\n' >> /etc/ubuntu-advantage/uaclient.conf",
            'pro detach --assume-yes',
            ...fipsCheck,
            'rm -f /var/log/ubuntu-advantage.log',
          ]),
        ],
      },
      { name: 'validate', steps: [bash('KernelInFipsMode', fipsCheck)] },
      { name: 'test', steps: [bash('BootsInFipsMode', [...fipsCheck, 'test -x /etc/eks/bootstrap.sh'])] },
    ],
  });
}

/**
 * An Ubuntu Pro 22.04 EKS node image in FIPS mode, built by EC2 Image Builder in the same
 * apply, in a build network of its own whose only egress is an allowlist of Canonical's
 * and the build's AWS hosts. Nodes boot it with FIPS already on and never need the
 * internet. The AMI is encrypted with the node disk key.
 *
 * Canonical publishes no EKS image already in FIPS mode: its documented way is to build
 * one from Ubuntu Pro for EKS with `pro enable fips-updates`, which this automates.
 */
export class FipsNodeImage extends Construct {
  /** The AMI, known once the build finishes. */
  public readonly imageId: string;
  /** Kubernetes version of the image's kubelet. */
  public readonly kubeletVersion: string;
  /** The recipe version: `1.<kubelet minor>.<revision>`. */
  public readonly recipeVersion: string;
  /** The image resource, for dependsOn. */
  public readonly resource: ImagebuilderImage;

  constructor(scope: Construct, id: string, props: FipsNodeImageProps) {
    super(scope, id);
    const buildCidr = props.buildCidr ?? DEFAULT_IMAGE_BUILD_CIDR;
    const retention = props.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS;
    new PropsValidator('FipsNodeImage', this.node.path)
      .check(!cidrProblem(buildCidr) && Number(buildCidr.split('/')[1]) <= 24, `buildCidr (${buildCidr}) must be an IPv4 network of /24 or larger`)
      .check((CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(retention), `logRetentionDays (${retention}) must be one of ${CLOUDWATCH_RETENTION_DAYS.join(', ')}`)
      .check(props.revision === undefined || isImageRevision(props.revision), `revision (${props.revision}) must be a date, YYYY-MM-DD, e.g. 2026-11-23`)
      .throwIfAny();
    const kubeletVersion = ubuntu2204KubeletVersion(props.kubernetesVersion);
    const ctx = AwsContext.of(this);
    // One name for every kubelet version and revision: see fipsImageRecipeVersion.
    const name = `${props.namePrefix}-fips-ubuntu-2204-eks`;
    const recipeVersion = fipsImageRecipeVersion(kubeletVersion, props.revision);

    const network = new ImageBuildNetwork(this, 'Network', { name: props.namePrefix, cidr: buildCidr, logRetentionDays: retention });
    // Image Builder writes the build log to /aws/imagebuilder/<image name> (the recipe's name),
    // one stream per image version/build (https://docs.aws.amazon.com/imagebuilder/latest/userguide/monitor-cwlogs.html);
    // created first so that it is encrypted and expires (AU-9, AU-11), and kept across upgrades (AU-11).
    const buildLogs = new CloudwatchLogGroup(this, 'BuildLogGroup', { name: `/aws/imagebuilder/${name}`, retentionInDays: retention, kmsKeyId: network.logKeyArn });

    const role = new IamRole(this, 'BuilderRole', { name: `${props.namePrefix}-image-builder`, assumeRolePolicy: serviceTrustPolicy('ec2.amazonaws.com') });
    // The instance profile Image Builder documents for build instances, plus Systems Manager,
    // which runs the build. @see https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-builder-setting-up.html#image-builder-IAM-prereq
    const policies = ['EC2InstanceProfileForImageBuilder', 'AmazonSSMManagedInstanceCore'].map(
      (policy) => new IamRolePolicyAttachment(this, policy, { role: role.name, policyArn: ctx.managedPolicyArn(policy) }),
    );
    const profile = new IamInstanceProfile(this, 'BuilderProfile', { name: `${props.namePrefix}-image-builder`, role: role.name });

    const parent = new DataAwsAmi(this, 'CanonicalUbuntuProEks', {
      mostRecent: true,
      owners: [...CANONICAL_AMI_OWNERS],
      filter: [
        { name: 'name', values: [ubuntuProEksImageName(kubeletVersion)] },
        { name: 'architecture', values: ['x86_64'] },
        { name: 'state', values: ['available'] },
      ],
    });
    const component = new ImagebuilderComponent(this, 'FipsComponent', {
      name: `${props.namePrefix}-fips-ubuntu`,
      version: FIPS_IMAGE_RECIPE_VERSION,
      platform: 'Linux',
      description: 'Enables Ubuntu Pro FIPS (fips-updates) and detaches for air-gapped nodes',
      data: fipsBuildDocument(),
    });
    const recipe = new ImagebuilderImageRecipe(this, 'Recipe', {
      name,
      version: recipeVersion,
      parentImage: parent.id,
      component: [{ componentArn: component.arn }],
      blockDeviceMapping: [{ deviceName: '/dev/sda1', ebs: { volumeSize: 20, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' } }],
      // Canonical publishes new serials often; the image is rebuilt deliberately (a new
      // kubelet version or revision, i.e. a new recipe version), not on every plan. When the
      // version replaces the recipe, Terraform plans the new recipe from the configuration,
      // ignore_changes aside, so it takes the newest serial (seen in the offline upgrade plan).
      lifecycle: { ignoreChanges: ['parent_image'] },
    });
    const infrastructure = new ImagebuilderInfrastructureConfiguration(this, 'Infrastructure', {
      name,
      instanceProfileName: profile.name,
      instanceTypes: [props.builderInstanceType ?? DEFAULT_IMAGE_BUILDER_INSTANCE_TYPE],
      subnetId: network.builderSubnetId,
      securityGroupIds: [network.builderSecurityGroupId],
      terminateInstanceOnFailure: true,
      instanceMetadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 },
    });
    const distribution = new ImagebuilderDistributionConfiguration(this, 'Distribution', {
      name,
      distribution: [
        {
          region: ctx.region,
          amiDistributionConfiguration: {
            // The build date makes each AMI name unique; older AMIs stay for the nodes and
            // launch template versions that still use them.
            name: `${name}-${recipeVersion}-{{ imagebuilder:buildDate }}`,
            description: `Ubuntu Pro 22.04 FIPS (fips-updates) EKS node image for ${props.namePrefix}`,
            kmsKeyId: props.kmsKey.kmsKeyArn,
            amiTags: { 'hms-sys:fips': 'fips-updates', 'hms-sys:kubelet': kubeletVersion, 'hms-sys:recipe-version': recipeVersion },
          },
        },
      ],
    });
    const image = new ImagebuilderImage(this, 'Resource', {
      imageRecipeArn: recipe.arn,
      infrastructureConfigurationArn: infrastructure.arn,
      distributionConfigurationArn: distribution.arn,
      enhancedImageMetadataEnabled: true,
      imageTestsConfiguration: { imageTestsEnabled: true, timeoutMinutes: 60 },
      timeouts: { create: IMAGE_BUILD_TIMEOUT },
      dependsOn: [...policies, buildLogs, ...network.egressReady],
    });

    this.imageId = Token.asString(`\${tolist(${image.fqn}.output_resources[0].amis)[0].image}`);
    this.kubeletVersion = kubeletVersion;
    this.recipeVersion = recipeVersion;
    this.resource = image;
  }
}
