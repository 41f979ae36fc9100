import { Annotations, type App, type TerraformStack } from 'cdktf';
import { AWS_INTERNAL_NLB, azureDiskStorage, azureFileStorage, ebsStorage, efsStorage, eksSystemNetworkPolicies, type IKubernetesTarget } from '../lib/k8s/target';
import type { ExistingVolume } from '../lib/k8s/encrypted-volume';
import { NODE_SUBNET_NAME } from '../lib/azure/private/names';
import { AKS_ENTRA_SERVER_ID } from '../lib/azure/private/aks-entra';
import type { IConstruct } from 'constructs';
import type { Blueprint, TerraformCloudSettings } from '../lib/blueprint/blueprint';
import type { Cloud } from '../lib/core/defaults';
import { BlueprintError, formatProblem } from '../lib/core/errors';
import { cloudStackName, kubernetesStackName, stateBucketStackName, workspacesStackName } from '../lib/core/stack-names';
import { findCollisions } from '../lib/blueprint/collisions';
import { FedRampBaseline, type FedRampBaselineProps } from '../lib/policy/fedramp-baseline';
import { cloudBackend, localBackend, localBackendIn, s3Backend, type BackendFactory, type LocalStateLayout } from './backend';
import { AksStack, EksStack, KubernetesStack, StateBucketStack, TerraformCloudStack, type WorkspaceSpec } from './cloud-stacks';

/** What was built for one blueprint. */
export interface BuiltStack {
  /** The blueprint the stack builds; empty for the Terraform Cloud workspaces stack, which serves many. */
  readonly blueprint: string;
  /** The cloud, or `tfe` for the Terraform Cloud workspaces stack. */
  readonly cloud: Cloud | 'tfe';
  readonly stackName: string;
  /** `cloud`: network, cluster, disks; `kubernetes`: objects inside the cluster. */
  /** `cloud`: network, cluster, disks; `kubernetes`: objects in the cluster; `workspaces`, `state`: shared by many blueprints. */
  readonly layer: 'cloud' | 'kubernetes' | 'workspaces' | 'state';
  readonly stack: TerraformStack;
  /** Set when the stack keeps its state in Terraform Cloud. */
  readonly terraformCloud?: TerraformCloudSettings;
}

export interface BuildResult {
  readonly stacks: BuiltStack[];
  /** What the user should know about how blueprints map onto a cloud, said plainly rather than silently. */
  readonly notices: string[];
}

export interface BuildOptions {
  /** @default - local state per stack */
  readonly backend?: BackendFactory;
  /** @default both packs, not strict */
  readonly policy?: FedRampBaselineProps;
  /**
   * Where local state stays when the output folder is not at the project root
   * (`hms-sys synth --out a/b/c`): every stack without a remote backend, the
   * bootstrap stacks included, keeps its state in `stateDir`.
   * @default - `terraform-state/` beside the App's output folder (localBackend)
   */
  readonly localState?: LocalStateLayout;
}

export { AKS_ENTRA_SERVER_ID };

/**
 * Adds the stacks of every blueprint to `app`: `<name>-aws` and `<name>-azure` as
 * its clouds say, each followed by its Kubernetes stack (`<name>-aws-k8s`, ...),
 * which reads the cluster's endpoint and CA through cross-stack references.
 */
export function addBlueprintStacks(app: App, blueprints: readonly Blueprint[], options: BuildOptions = {}): BuildResult {
  // loadBlueprints refuses these already; blueprints built in code get the same located refusal, not a CDKTF crash.
  const collisions = findCollisions(blueprints);
  if (collisions.length > 0) throw new BlueprintError(collisions);
  const stacks: BuiltStack[] = [];
  const notices: string[] = [];
  const local = options.localState ? localBackendIn(options.localState) : localBackend;
  const add = (bp: Blueprint, cloud: Cloud, stackName: string, stack: TerraformStack, stackNotices: readonly string[] = []) => {
    // Named, not `instanceof`: every stack added here is the blueprint's cloud stack or its Kubernetes stack.
    const layer = stackName === kubernetesStackName(bp.name, cloud) ? 'kubernetes' : 'cloud';
    stacks.push({ blueprint: bp.name, cloud, stackName, stack, layer, terraformCloud: bp.terraformCloud });
    notices.push(...stackNotices.map((n) => `${bp.sourceFile}: ${n}`));
    // cdktf prints warning annotations as `WARN [stack]: ...`; hms-sys prints `notices`.
    stackNotices.forEach((n) => Annotations.of(stack).addWarning(`${bp.sourceFile}: ${n}`));
  };
  for (const bp of blueprints) {
    notices.push(...bp.warnings.map(formatProblem));
    const backend = options.backend ?? (bp.terraformCloud ? cloudBackend(bp.terraformCloud) : bp.stateBucket ? s3Backend(bp.stateBucket) : local);
    const common = { backend, policy: options.policy };
    for (const cloud of bp.clouds) {
      const stackName = cloudStackName(bp.name, cloud);
      switch (cloud) {
        case 'aws': {
          const eks = new EksStack(app, stackName, { blueprint: bp, ...common });
          add(bp, cloud, stackName, eks, eks.notices);
          const k8s = new KubernetesStack(app, kubernetesStackName(bp.name, cloud), {
            blueprint: bp,
            cloud,
            ...common,
            connection: {
              host: eks.cluster.clusterEndpoint,
              clusterCaCertificateBase64: eks.cluster.certificateAuthorityData,
              exec: { command: 'aws', args: ['eks', 'get-token', '--cluster-name', bp.name, '--region', bp.aws.region, '--output', 'json'] },
            },
            target: {
              networkPolicyEnforced: eks.cluster.networkPolicyEnforced,
              storage: ebsStorage(eks.volumeKmsKeyArn ?? eks.nodePool.diskKey.kmsKeyArn),
              fileStorage: eks.fileSystem && efsStorage(),
              imageMirrors: eks.imageMirrors,
              internalLoadBalancer: AWS_INTERNAL_NLB,
              systemNetworkPolicies: eksSystemNetworkPolicies(eks.fileSystem ? ['efs'] : eks.volumeKmsKeyArn ? ['ebs'] : []),
            },
            // The access point: every replica mounts the same folder as the workload's user.
            existingVolume: eks.fileSystem ? { volumeHandle: eks.fileSystem.volumeHandle } : eks.volume && { volumeHandle: eks.volume.volumeId, zone: eks.volume.availabilityZone },
          });
          acknowledgeWhatKubernetesCannotSee(k8s, bp, eks);
          add(bp, cloud, kubernetesStackName(bp.name, cloud), k8s, k8s.notices);
          break;
        }
        case 'azure': {
          const aks = new AksStack(app, stackName, { blueprint: bp, ...common });
          add(bp, cloud, stackName, aks, aks.notices);
          const k8s = new KubernetesStack(app, kubernetesStackName(bp.name, cloud), {
            blueprint: bp,
            cloud,
            ...common,
            connection: {
              host: aks.cluster.host,
              clusterCaCertificateBase64: aks.cluster.clusterCaCertificate,
              exec: {
                command: 'kubelogin',
                args: ['get-token', '--login', 'azurecli', '--server-id', AKS_ENTRA_SERVER_ID, '--environment', bp.azure.environment === 'usgovernment' ? 'AzureUSGovernmentCloud' : 'AzurePublicCloud'],
              },
            },
            target: aksTarget(aks),
            existingVolume: aksExistingVolume(aks, bp),
          });
          add(bp, cloud, kubernetesStackName(bp.name, cloud), k8s, k8s.notices);
          break;
        }
        default:
          // A cloud added to Cloud without stacks here fails to compile.
          return unknownCloud(cloud);
      }
    }
    // A blueprint's own warnings go on its first stack, once.
    const first = stacks.find((s) => s.blueprint === bp.name);
    if (first) bp.warnings.forEach((w) => Annotations.of(first.stack).addWarning(formatProblem(w)));
  }
  // The shared stacks are gated like the others: --strict applies to every stack hms-sys writes.
  addWorkspaceStacks(app, stacks, { policy: options.policy, backend: local });
  addStateBucketStacks(app, blueprints, stacks, { policy: options.policy, backend: local });
  return { stacks, notices };
}

/**
 * What the Kubernetes layer gets from an AKS stack: Cilium's NetworkPolicy, encrypted
 * disks through the blueprint's disk encryption set, the NFS share's storage account,
 * the registry cache as the mirror of the workload image's namespace, and an internal
 * Azure load balancer in the node subnet.
 * @see https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/#loadbalancer-annotations
 */
function aksTarget(aks: AksStack): IKubernetesTarget {
  return {
    networkPolicyEnforced: aks.cluster.networkPolicyEnforced,
    storage: azureDiskStorage(aks.volumeDiskEncryptionSetId ?? aks.cluster.diskEncryptionSetId),
    fileStorage: aks.fileShare && azureFileStorage({ resourceGroup: aks.fileShare.resourceGroupName, storageAccount: aks.fileShare.storageAccountName }, aks.nfsEncryptionInTransit),
    imageMirrors: aks.registry.mirror ? [aks.registry.mirror] : undefined,
    internalLoadBalancer: {
      annotations: {
        'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
        'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': NODE_SUBNET_NAME,
      },
    },
  };
}

/** The disk or NFS share the AKS stack created for the blueprint's volume. */
function aksExistingVolume(aks: AksStack, bp: Blueprint): ExistingVolume | undefined {
  if (aks.fileShare) return aks.fileShare.csiVolume(aks.nfsEncryptionInTransit);
  // Azure Disk CSI labels zones as <location>-<zone>.
  return aks.volume && { volumeHandle: aks.volume.diskId, zone: `${bp.azure.location}-${bp.azure.zones[0] ?? '0'}` };
}

/**
 * Findings the policy packs can only report as unknown on the EKS Kubernetes stack, because
 * the deciding fact lives in the cluster stack, acknowledged with the reason an assessor can
 * check. Each is recorded only when the fact it states holds here; the scanners still count
 * them as unknown and print the reason (`hms-sys check` never turns them into passes), and a
 * plan JSON, which carries no acknowledgements, is judged on the resolved values.
 */
function acknowledgeWhatKubernetesCannotSee(k8s: KubernetesStack, bp: Blueprint, eks: EksStack): void {
  // The exact resources: an acknowledgement on a construct covers everything below it, and one that matches nothing is stale.
  const resource = (...path: string[]) => path.reduce<IConstruct | undefined>((node, id) => node?.node.tryFindChild(id), k8s);
  const storageClass = resource('volume', 'StorageClass');
  const claim = resource('volume', 'Claim');
  // HMS-K8S-12/14 read encryption from the class's parameters; EFS has none: it encrypts per file system.
  const tls = efsStorage().mountOptions?.includes('tls') === true;
  if (storageClass && claim && eks.fileSystem?.kmsKey && tls) {
    const reason = `EFS encrypts at rest per file system, not per class: ${cloudStackName(bp.name, 'aws')} creates aws_efs_file_system for ${bp.storage?.volume.name} with encrypted = true and a customer key (SC-28, SC-12); an efs.csi.aws.com class has no encryption parameter; the tls mount option encrypts NFS in transit and the file system policy denies clients without TLS (SC-8)`;
    FedRampBaseline.acknowledge(storageClass, 'HMS-K8S-12', reason);
    FedRampBaseline.acknowledge(claim, 'HMS-K8S-14', reason);
  }
}

function unknownCloud(cloud: never): never {
  throw new Error(`internal: no stacks for cloud ${String(cloud)}`);
}

/** What the shared (bootstrap) stacks take from the build options: their gate and their local state. */
interface SharedStackOptions {
  readonly policy?: FedRampBaselineProps;
  readonly backend: BackendFactory;
}

/** One bootstrap stack per state bucket that blueprints name. */
function addStateBucketStacks(app: App, blueprints: readonly Blueprint[], stacks: BuiltStack[], shared: SharedStackOptions): void {
  const buckets = new Map(blueprints.filter((b) => b.stateBucket).map((b) => [b.stateBucket!.bucket, b.stateBucket!]));
  for (const [bucket, settings] of buckets) {
    const stackName = stateBucketStackName(bucket);
    stacks.push({ blueprint: '', cloud: 'aws', stackName, layer: 'state', stack: new StateBucketStack(app, stackName, settings, shared) });
  }
}

/** One workspaces stack per Terraform Cloud organization that blueprints name. */
function addWorkspaceStacks(app: App, stacks: BuiltStack[], shared: SharedStackOptions): void {
  const byOrganization = new Map<string, WorkspaceSpec[]>();
  for (const s of stacks) {
    if (!s.terraformCloud) continue;
    const specs = byOrganization.get(s.terraformCloud.organization) ?? [];
    specs.push({ stackName: s.stackName, blueprint: s.blueprint, settings: s.terraformCloud });
    byOrganization.set(s.terraformCloud.organization, specs);
  }
  for (const [organization, workspaces] of byOrganization) {
    const stackName = workspacesStackName(organization);
    const stack = new TerraformCloudStack(app, stackName, { organization, workspaces, ...shared });
    // Serves every blueprint of the organization, so it belongs to none.
    stacks.push({ blueprint: '', cloud: 'tfe', stackName, layer: 'workspaces', stack });
  }
}
