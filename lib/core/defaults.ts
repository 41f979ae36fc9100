/**
 * Every default hms-sys applies, by name. Code, the README and error messages
 * read these constants so that the three never disagree.
 */

/** Clouds a blueprint can target. */
export const CLOUDS = ['aws', 'azure'] as const;
export type Cloud = (typeof CLOUDS)[number];
/** A blueprint targets both clouds unless it says otherwise. */
export const DEFAULT_CLOUDS: readonly Cloud[] = ['aws', 'azure'];

/** Kubernetes versions and their support dates: see kubernetes-versions.ts. */

/** GovCloud (US-West) is the default: FedRAMP High/Moderate workloads live there. */
export const DEFAULT_AWS_REGION = 'us-gov-west-1';
export const DEFAULT_AWS_VPC_CIDR = '10.40.0.0/16';
/** EKS needs subnets in at least two zones; three keeps a zone outage survivable. */
export const DEFAULT_AWS_AZ_COUNT = 3;
export const MIN_AWS_AZ_COUNT = 2;
export const MAX_AWS_AZ_COUNT = 6;
export const DEFAULT_AWS_INSTANCE_TYPE = 'm6i.xlarge';
/**
 * VPC CNI NetworkPolicy modes: `standard` (a new pod is allowed everything until its
 * policies reconcile) or `strict` (a new pod, CoreDNS included, is denied everything until
 * a policy selects it). Strict needs the Kubernetes stack's kube-system policies to exist
 * first, so the first apply runs standard; see docs/DEPLOYMENT-REVIEW.md (AWS, round 3).
 * @see https://github.com/aws/amazon-vpc-cni-k8s#network_policy_enforcing_mode-v1171
 */
export const AWS_NETWORK_POLICY_MODES = ['standard', 'strict'] as const;
export type AwsNetworkPolicyMode = (typeof AWS_NETWORK_POLICY_MODES)[number];
export const DEFAULT_AWS_NETWORK_POLICY_MODE: AwsNetworkPolicyMode = 'standard';

/** NIST 800-53 AU-11: one year online retention is the usual FedRAMP Moderate ODP. */
export const DEFAULT_LOG_RETENTION_DAYS = 365;
/** The only retention values CloudWatch Logs accepts (0 = never expire). */
export const CLOUDWATCH_RETENTION_DAYS = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
  3288, 3653,
] as const;

/** KMS waits this long before deleting a key, so a mistaken deletion can be cancelled. */
export const DEFAULT_KMS_DELETION_WINDOW_DAYS = 30;

/** Root disk of each node. */
export const DEFAULT_NODE_DISK_SIZE_GIB = 100;
export const MIN_NODE_DISK_SIZE_GIB = 20;
/** EKS managed node groups accept at most 450 nodes. */
export const MAX_NODE_COUNT = 450;
/**
 * IMDSv2 hop limit 1 keeps pods from reaching node credentials (AC-6). Pods that
 * really need IMDS take 2, explicitly; prefer Pod Identity.
 */
export const DEFAULT_METADATA_HOP_LIMIT = 1;
/** A rolling update replaces at most this share of nodes at once. */
export const DEFAULT_MAX_UNAVAILABLE_PERCENTAGE = 25;

/** gp3 baseline performance, included in its price. */
export const DEFAULT_GP3_IOPS = 3000;
export const DEFAULT_GP3_THROUGHPUT_MIBPS = 125;
/** gp3 limits. @see https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html */
export const AWS_GP3_MIN_GIB = 1;
export const AWS_GP3_MAX_GIB = 16384;

export const MAX_WORKLOAD_REPLICAS = 1000;

/** Volume encryption algorithms a blueprint may name. EBS encrypts with AES-256 (XTS) under a KMS key. */
export const VOLUME_ENCRYPTIONS = ['aes256'] as const;
export const DEFAULT_VOLUME_ENCRYPTION = 'aes256';

/** Egress modes. `deny-all`: no route to the internet; nodes reach AWS through VPC endpoints only. */
export const EGRESS_MODES = ['deny-all'] as const;
export const DEFAULT_EGRESS = 'deny-all';

/** Names used in resource names stay short so that suffixed names fit every cloud's limits. */
export const MAX_NAME_LENGTH = 32;

/** Azure Government (US Gov Virginia) is the default: FedRAMP High/Moderate workloads live there. */
export const AZURE_ENVIRONMENTS = ['usgovernment', 'public'] as const;
export type AzureEnvironment = (typeof AZURE_ENVIRONMENTS)[number];
export const DEFAULT_AZURE_ENVIRONMENT: AzureEnvironment = 'usgovernment';
export const DEFAULT_AZURE_LOCATION = 'usgovvirginia';
export const DEFAULT_AZURE_VNET_CIDR = '10.60.0.0/16';
export const DEFAULT_AZURE_VM_SIZE = 'Standard_D4s_v5';
/** Nodes of the system pool, which runs only cluster add-ons. */
export const DEFAULT_AKS_SYSTEM_NODE_COUNT = 3;
/** Log Analytics keeps data interactively for at most two years; older data goes to archive. */
export const MAX_LOG_ANALYTICS_RETENTION_DAYS = 730;
/** AKS node pool names: lowercase letters and digits, at most 12. */
export const MAX_AKS_NODE_POOL_NAME_LENGTH = 12;
/** Premium SSD managed disks: 4 GiB to 32 TiB. */
export const AZURE_MANAGED_DISK_MAX_GIB = 32767;

/** How a blueprint's volume comes to exist; see the README. */
export const VOLUME_PROVISIONING = ['static', 'dynamic'] as const;
export type VolumeProvisioning = (typeof VOLUME_PROVISIONING)[number];
export const DEFAULT_VOLUME_PROVISIONING: VolumeProvisioning = 'static';
export const DEFAULT_WORKLOAD_PORT = 8080;
/** Non-root user and group the workload runs as. */
export const WORKLOAD_USER_ID = 10001;
/** Where every replica mounts the blueprint's volume, unless storage.volume.mountPath says otherwise. */
export const DEFAULT_VOLUME_MOUNT_PATH = '/data/pdfs';
/**
 * Azure Files premium (provisioned) NFS shares: 100 GiB to 100 TiB.
 * @see https://learn.microsoft.com/azure/storage/files/storage-files-scale-targets
 */
export const AZURE_FILES_NFS_MIN_GIB = 100;
export const AZURE_FILES_NFS_MAX_GIB = 102400;

/** Terraform Cloud's own host: the default of `terraformCloud.hostname`, and where TFE_TOKEN goes unless TFE_HOSTNAME names another. */
export const DEFAULT_TFC_HOSTNAME = 'app.terraform.io';

/**
 * Where Azure puts the Network Watcher it creates for a region when a subscription first
 * uses networking there: `NetworkWatcher_<location>` in the resource group `NetworkWatcherRG`.
 * @see https://learn.microsoft.com/azure/network-watcher/network-watcher-create
 */
export const DEFAULT_NETWORK_WATCHER_RESOURCE_GROUP = 'NetworkWatcherRG';
export function defaultNetworkWatcherName(location: string): string {
  return `NetworkWatcher_${location}`;
}
/**
 * Where AKS Azure CNI Overlay pod and Service ranges are taken from when a blueprint
 * names none: the first candidate that overlaps neither the virtual network nor the
 * agency range (nor, for Services, the pod range) is used, so a default never collides.
 * The candidates lie in three different /8s (RFC 6598 shared space first, which
 * Microsoft supports for pod CIDRs and agency networks rarely use), and an agency range
 * is at most a /8 and a virtual network at most a /16, so one is always free.
 * @see https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay#ip-address-planning
 */
export const AKS_POD_CIDR_BASES = ['100.64.0.0', '172.16.0.0', '10.244.0.0'] as const;
export const AKS_SERVICE_CIDR_CANDIDATES = ['100.72.0.0/16', '172.24.0.0/16', '10.248.0.0/16'] as const;
/** The pod range is a /16 (256 nodes) unless the node count needs more, down to a /14. */
export const DEFAULT_AKS_POD_CIDR_PREFIX = 16;
export const DEFAULT_AKS_POD_CIDR = `${AKS_POD_CIDR_BASES[0]}/${DEFAULT_AKS_POD_CIDR_PREFIX}`;
export const DEFAULT_AKS_SERVICE_CIDR = AKS_SERVICE_CIDR_CANDIDATES[0];
/** Azure CNI Overlay gives each node a fixed /24 of the pod CIDR. */
export const AKS_OVERLAY_NODE_PREFIX = 24;
/** Node pools upgrade with this surge; the pod CIDR must hold the extra nodes too. */
export const AKS_MAX_SURGE_PERCENT = 33;
/** How the registry cache authenticates to the workload image's upstream registry. */
export const UPSTREAM_CREDENTIALS = ['key-vault', 'none'] as const;
export type UpstreamCredentials = (typeof UPSTREAM_CREDENTIALS)[number];
export const DEFAULT_UPSTREAM_CREDENTIALS: UpstreamCredentials = 'key-vault';
/** Gateways through which an agency network reaches the blueprint's virtual network. */
export const AGENCY_GATEWAY_TYPES = ['vpn', 'expressroute'] as const;
export type AgencyGatewayType = (typeof AGENCY_GATEWAY_TYPES)[number];
/**
 * Upstream registries Azure Container Registry's artifact cache can mirror.
 * @see https://learn.microsoft.com/azure/container-registry/artifact-cache-overview#upstream-support
 */
export const ACR_CACHE_UPSTREAMS = ['docker.io', 'mcr.microsoft.com', 'public.ecr.aws', 'ghcr.io', 'nvcr.io', 'quay.io', 'registry.k8s.io', 'gcr.io'] as const;

/**
 * Kubelet (node) versions may trail the API server by up to three minor versions
 * (Kubernetes 1.28 and later). @see https://kubernetes.io/releases/version-skew-policy/#kubelet
 */
export const MAX_KUBELET_SKEW = 3;
/**
 * The newest Kubernetes version for which Canonical publishes an Ubuntu Pro 22.04 EKS image;
 * newer versions are built only on 24.04 and 26.04, and only 22.04 carries NIST-validated FIPS
 * modules. @see https://github.com/canonical/ubuntu-cloud-docs/blob/main/docs/aws/aws-how-to/kubernetes/deploy-ubuntu-pro-cluster-with-eks-pro-ami.rst
 */
export const NEWEST_UBUNTU_2204_EKS_VERSION = '1.34';
/** The oldest Kubernetes version with an Ubuntu Pro 22.04 EKS image (same page). */
export const OLDEST_UBUNTU_2204_EKS_VERSION = '1.29';
/**
 * Canonical's image-publishing accounts, per partition (commercial, GovCloud).
 * @see https://github.com/canonical/ubuntu-cloud-docs/blob/main/docs/aws/aws-how-to/instances/find-ubuntu-images.rst (Ownership verification)
 */
export const CANONICAL_AMI_OWNERS = ['099720109477', '513442679011'] as const;
/**
 * The FIPS node image's build network: its own VPC, never peered or routed to the
 * platform, whose only way out is the firewall's allowlist.
 */
export const DEFAULT_IMAGE_BUILD_CIDR = '10.255.0.0/24';
/** How long Terraform waits for Image Builder to build and distribute the FIPS node image. */
export const IMAGE_BUILD_TIMEOUT = '3h';
/** How long Terraform waits for a managed node group to roll onto a new image (a quarter of the nodes at a time). */
export const NODE_GROUP_UPDATE_TIMEOUT = '3h';
/** Days AWS Backup keeps daily recovery points of shared file storage (CP-9). */
export const DEFAULT_BACKUP_RETENTION_DAYS = 35;
/** Repository prefix of images cached from an upstream registry, e.g. `ghcr` for ghcr.io. */
export const ECR_PULL_THROUGH_PREFIX_MAX_LENGTH = 30;
