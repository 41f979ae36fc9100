import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { CustomerManagedKey } from '../lib/aws/customer-managed-key';
import { EbsCsiDriver } from '../lib/aws/ebs-csi-driver';
import { EncryptedVolume } from '../lib/aws/encrypted-volume';
import { IsolatedNetwork } from '../lib/aws/isolated-network';
import { SecureCluster } from '../lib/aws/secure-cluster';
import { SecureNodePool } from '../lib/aws/secure-node-pool';
import type { Blueprint } from '../lib/blueprint/blueprint';
import { FedRampBaseline, type FedRampBaselineProps } from '../lib/policy/fedramp-baseline';
import { blueprintTags } from '../lib/core/tags';
import { localBackend, type BackendFactory } from './backend';

export interface EksStackProps {
  readonly blueprint: Blueprint;
  /**
   * Where state is kept.
   * @default localBackend
   */
  readonly backend?: BackendFactory;
  /**
   * Policy packs and strictness of the stack's FedRampBaseline.
   * @default both packs, not strict
   */
  readonly policy?: FedRampBaselineProps;
}

/**
 * One blueprint on AWS: isolated network, EKS cluster, node pool and encrypted
 * volume. Kubernetes objects live in their own stack, so this one needs only the
 * AWS provider and can be validated and planned offline.
 */
export class EksStack extends TerraformStack {
  public readonly network: IsolatedNetwork;
  public readonly cluster: SecureCluster;
  public readonly nodePool: SecureNodePool;
  public readonly volume?: EncryptedVolume;
  /** Key of the blueprint's volume, static or dynamic. */
  public readonly volumeKmsKeyArn?: string;

  constructor(scope: Construct, id: string, props: EksStackProps) {
    super(scope, id);
    const bp = props.blueprint;
    (props.backend ?? localBackend)(this, id);
    FedRampBaseline.of(this, props.policy);
    new AwsProvider(this, 'aws', {
      region: bp.aws.region,
      useFipsEndpoint: bp.aws.fipsEndpoints,
      defaultTags: [{ tags: blueprintTags(bp.name, bp.sourceFile, bp.tags) }],
    });

    this.network = new IsolatedNetwork(this, 'network', {
      name: bp.name,
      vpcCidr: bp.aws.vpcCidr,
      availabilityZoneCount: bp.aws.availabilityZones,
      flowLogRetentionDays: bp.logRetentionDays,
    });
    this.cluster = new SecureCluster(this, 'cluster', {
      clusterName: bp.name,
      kubernetesVersion: bp.kubernetesVersion,
      subnetIds: this.network.privateSubnetIds,
      logRetentionDays: bp.logRetentionDays,
      adminPrincipalArns: bp.aws.clusterAdminArns,
    });
    this.nodePool = new SecureNodePool(this, 'node-pool', {
      cluster: this.cluster,
      nodePoolName: bp.nodePool.name,
      subnetIds: this.network.privateSubnetIds,
      desiredSize: bp.nodePool.count,
      minSize: bp.nodePool.minCount,
      maxSize: bp.nodePool.maxCount,
      runtime: bp.nodePool.runtime,
      baseline: bp.nodePool.baseline,
      instanceTypes: [bp.aws.instanceType],
      diskSizeGiB: bp.nodePool.diskSizeGiB,
      metadataHopLimit: bp.nodePool.metadataHopLimit,
      imageId: bp.aws.nodeImageId,
    });
    if (bp.storage?.volume.provisioning === 'static') {
      this.volume = new EncryptedVolume(this, 'volume', {
        volumeName: bp.storage.volume.name,
        namePrefix: bp.name,
        sizeGiB: bp.storage.volume.sizeGiB,
        availabilityZone: this.network.availabilityZones[0],
      });
      this.volumeKmsKeyArn = this.volume.kmsKeyArn;
    } else if (bp.storage) {
      // Dynamic: the storage class creates disks with this key when claims are first used.
      this.volumeKmsKeyArn = new CustomerManagedKey(this, 'volume-key', {
        description: `Volumes of ${bp.name} provisioned by Kubernetes`,
        aliasName: `hms-sys/${bp.name}/volumes`,
      }).kmsKeyArn;
    }
    new EbsCsiDriver(this, 'ebs-csi-driver', {
      cluster: this.cluster,
      kmsKeyArns: [this.nodePool.diskKey.kmsKeyArn, ...(this.volumeKmsKeyArn ? [this.volumeKmsKeyArn] : [])],
      dependsOn: [this.nodePool.resource],
    });

    // Read by `hms-sys status` and by the Kubernetes stack. Nothing secret here.
    new TerraformOutput(this, 'cluster_name', { value: this.cluster.clusterName });
    new TerraformOutput(this, 'cluster_endpoint', { value: this.cluster.clusterEndpoint });
    new TerraformOutput(this, 'node_pool_name', { value: this.nodePool.nodePoolName });
    new TerraformOutput(this, 'node_pool_desired_size', { value: bp.nodePool.count });
    new TerraformOutput(this, 'vpc_id', { value: this.network.vpcId });
    if (this.volume) {
      new TerraformOutput(this, 'volume_id', { value: this.volume.volumeId });
      new TerraformOutput(this, 'volume_kms_key_arn', { value: this.volume.kmsKeyArn });
    }
  }
}
