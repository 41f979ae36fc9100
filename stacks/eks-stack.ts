import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack, type ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { BackupPlan } from '../lib/aws/backup-plan';
import { ClusterDnsAndProxy } from '../lib/aws/cluster-dns-and-proxy';
import { CustomerManagedKey } from '../lib/aws/customer-managed-key';
import { EbsCsiDriver } from '../lib/aws/ebs-csi-driver';
import { EfsCsiDriver } from '../lib/aws/efs-csi-driver';
import { EncryptedVolume } from '../lib/aws/encrypted-volume';
import { IsolatedNetwork } from '../lib/aws/isolated-network';
import { PullThroughCache } from '../lib/aws/pull-through-cache';
import { SecureCluster } from '../lib/aws/secure-cluster';
import { SecureNodePool } from '../lib/aws/secure-node-pool';
import { SharedFileSystem } from '../lib/aws/shared-file-system';
import type { Blueprint } from '../lib/blueprint/blueprint';
import { imageSource } from '../lib/core/image-registries';
import { blueprintTags } from '../lib/core/tags';
import type { ImageMirror } from '../lib/k8s/target';
import { FedRampBaseline, type FedRampBaselineProps } from '../lib/policy/fedramp-baseline';
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
 * One blueprint on AWS: isolated network, EKS cluster, FIPS node pool, the private
 * mirror of the workload's registry, and the volume (EFS shared by every replica, or
 * EBS for one). Kubernetes objects live in their own stack, so this one needs only the
 * AWS provider and can be validated and planned offline.
 */
export class EksStack extends TerraformStack {
  public readonly network: IsolatedNetwork;
  public readonly cluster: SecureCluster;
  public readonly nodePool: SecureNodePool;
  /** The blueprint's block volume, when one replica mounts it and the cloud stack creates it. */
  public readonly volume?: EncryptedVolume;
  /** Key of the blueprint's block volume, static or dynamic. */
  public readonly volumeKmsKeyArn?: string;
  /** The blueprint's shared volume, when several replicas mount it. */
  public readonly fileSystem?: SharedFileSystem;
  /** Private mirrors of the workload's upstream registry, for the Kubernetes layer. */
  public readonly imageMirrors: readonly ImageMirror[];
  /** What the user should know about this platform, said at synth. */
  public readonly notices: string[] = [];

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

    const routed = bp.aws.transitGatewayId ? [bp.network.policy.ingressCIDR, ...bp.aws.operatorCidrs] : [];
    this.network = new IsolatedNetwork(this, 'network', {
      name: bp.name,
      vpcCidr: bp.aws.vpcCidr,
      availabilityZoneCount: bp.aws.availabilityZones,
      flowLogRetentionDays: bp.logRetentionDays,
      clusterName: bp.name,
      transitGatewayId: bp.aws.transitGatewayId,
      transitRoutedCidrs: routed,
    });
    if (!bp.aws.transitGatewayId) {
      this.notices.push(
        `nothing outside the VPC can reach the workload or the cluster API: network.policy.ingressCIDR (${bp.network.policy.ingressCIDR})${bp.aws.operatorCidrs.length ? ` and aws.operatorCidrs (${bp.aws.operatorCidrs.join(', ')})` : ''} cannot be routed to it until aws.transitGatewayId names the agency's transit gateway`,
      );
    }
    this.cluster = new SecureCluster(this, 'cluster', {
      clusterName: bp.name,
      kubernetesVersion: bp.kubernetesVersion,
      subnetIds: this.network.privateSubnetIds,
      logRetentionDays: bp.logRetentionDays,
      adminPrincipalArns: bp.aws.clusterAdminArns,
      operatorCidrs: bp.aws.operatorCidrs,
      networkPolicyMode: bp.aws.networkPolicyMode,
    });
    if (this.cluster.networkPolicyMode === 'standard') {
      this.notices.push(
        `NetworkPolicy runs in standard mode: a new pod is allowed all traffic for the seconds until its policies apply. Once ${bp.name}-aws-k8s has applied (it gives CoreDNS and the CSI controllers their kube-system policies), set aws.networkPolicyMode: strict and apply again`,
      );
    }

    const source = bp.workload && imageSource(bp.workload.image, bp.aws.region);
    const cache =
      source?.kind === 'pull-through'
        ? new PullThroughCache(this, 'image-cache', {
            namePrefix: bp.name,
            upstreams: [source.upstream],
            credentialSecretNames: bp.aws.registryCredentialSecret ? { [source.upstream.host]: bp.aws.registryCredentialSecret } : undefined,
          })
        : undefined;
    this.imageMirrors = cache?.registries.map((r) => ({ upstream: r.upstream.host, mirror: r.mirror })) ?? [];

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
      imageRevision: bp.aws.nodeImageRevision,
      logRetentionDays: bp.logRetentionDays,
      pullThroughRepositoryArns: cache?.registries.map((r) => r.repositoryArnPattern),
    });

    // CoreDNS and kube-proxy as EKS add-ons, so that a version upgrade upgrades them; CoreDNS
    // needs nodes, and its pods (restarted when the add-on adopts them) run before strict mode.
    const dnsAndProxy = new ClusterDnsAndProxy(this, 'dns-and-proxy', { cluster: this.cluster, dependsOn: [this.nodePool.resource] });
    // Add-ons whose pods must be running before NetworkPolicy turns strict (see SecureCluster).
    const beforeStrict: ITerraformDependable[] = [dnsAndProxy.coreDns];
    const volume = bp.storage?.volume;
    if (volume?.kind === 'file') {
      this.fileSystem = new SharedFileSystem(this, 'file-system', {
        volumeName: volume.name,
        namePrefix: bp.name,
        vpcId: this.network.vpcId,
        subnetIds: this.network.privateSubnetIds,
        clientSecurityGroupId: this.cluster.clusterSecurityGroupId,
        readOnly: volume.readOnly,
      });
      new BackupPlan(this, 'backup', { namePrefix: bp.name, resourceArns: [this.fileSystem.fileSystemArn], kmsKey: this.fileSystem.kmsKey });
      beforeStrict.push(new EfsCsiDriver(this, 'efs-csi-driver', { cluster: this.cluster, dependsOn: [this.nodePool.resource, ...this.fileSystem.mountTargets] }).resource);
    } else if (volume) {
      if (volume.provisioning === 'static') {
        this.volume = new EncryptedVolume(this, 'volume', {
          volumeName: volume.name,
          namePrefix: bp.name,
          sizeGiB: volume.sizeGiB,
          availabilityZone: this.network.availabilityZones[0],
        });
        this.volumeKmsKeyArn = this.volume.kmsKeyArn;
        new BackupPlan(this, 'backup', { namePrefix: bp.name, resourceArns: [this.volume.volumeArn], kmsKey: { kmsKeyArn: this.volume.kmsKeyArn } });
      } else {
        // Dynamic: the storage class creates disks with this key when claims are first used.
        this.volumeKmsKeyArn = new CustomerManagedKey(this, 'volume-key', {
          description: `Volumes of ${bp.name} provisioned by Kubernetes`,
          aliasName: `hms-sys/${bp.name}/volumes`,
        }).kmsKeyArn;
      }
      beforeStrict.push(
        new EbsCsiDriver(this, 'ebs-csi-driver', {
          cluster: this.cluster,
          kmsKeyArns: [this.nodePool.diskKey.kmsKeyArn, this.volumeKmsKeyArn],
          dependsOn: [this.nodePool.resource],
        }).resource,
      );
    }
    this.cluster.enforceNetworkPolicyAfter(this.nodePool.resource, ...beforeStrict);

    // Read by `hms-sys status`, the preflight checks and the Kubernetes stack. Nothing secret here.
    new TerraformOutput(this, 'cluster_name', { value: this.cluster.clusterName });
    new TerraformOutput(this, 'cluster_endpoint', { value: this.cluster.clusterEndpoint });
    new TerraformOutput(this, 'node_pool_name', { value: this.nodePool.nodePoolName });
    new TerraformOutput(this, 'node_pool_desired_size', { value: bp.nodePool.count });
    new TerraformOutput(this, 'vpc_id', { value: this.network.vpcId });
    new TerraformOutput(this, 'cluster_admin_principal', { value: this.cluster.deployerArn });
    if (this.nodePool.fipsImage) new TerraformOutput(this, 'node_image_id', { value: this.nodePool.fipsImage.imageId });
    if (this.volume) {
      new TerraformOutput(this, 'volume_id', { value: this.volume.volumeId });
      new TerraformOutput(this, 'volume_kms_key_arn', { value: this.volume.kmsKeyArn });
    }
    if (this.fileSystem) {
      new TerraformOutput(this, 'file_system_id', { value: this.fileSystem.fileSystemId });
      new TerraformOutput(this, 'file_system_kms_key_arn', { value: this.fileSystem.kmsKey.kmsKeyArn });
    }
    // The upstream credential the agency keeps (the preflight checks it before this stack).
    const credential = cache?.registries.find((r) => r.credentialSecretName)?.credentialSecretName;
    if (credential) new TerraformOutput(this, 'registry_credential_secret', { value: credential });
  }
}
