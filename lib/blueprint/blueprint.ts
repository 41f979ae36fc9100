import type { Baseline } from '../core/baselines';
import type { AgencyGatewayType, AwsNetworkPolicyMode, AzureEnvironment, Cloud, UpstreamCredentials, VolumeProvisioning } from '../core/defaults';
import type { BlueprintProblem } from '../core/errors';
import type { Runtime } from '../core/runtimes';

/**
 * A validated blueprint with every default applied and every unit converted:
 * the typed input that stacks turn into constructs.
 */
export interface Blueprint {
  /** Names the stacks: `<name>-aws`, `<name>-azure`. */
  readonly name: string;
  /** The file it came from, for messages. */
  readonly sourceFile: string;
  readonly clouds: readonly Cloud[];
  readonly kubernetesVersion: string;
  readonly logRetentionDays: number;
  readonly tags: Readonly<Record<string, string>>;
  readonly nodePool: {
    readonly name: string;
    readonly count: number;
    readonly minCount: number;
    readonly maxCount: number;
    readonly runtime: Runtime;
    readonly baseline: Baseline;
    readonly diskSizeGiB: number;
    readonly metadataHopLimit: 1 | 2;
  };
  /** Absent when the blueprint says `storage: none`. */
  readonly storage?: {
    readonly volume: {
      readonly name: string;
      readonly sizeGiB: number;
      readonly encryption: 'aes256';
      readonly provisioning: VolumeProvisioning;
      readonly mountPath: string;
      readonly readOnly: boolean;
      /** `file`: shared by every replica (ReadWriteMany); `block`: one node at a time (ReadWriteOnce). */
      readonly kind: 'file' | 'block';
    };
  };
  readonly network: {
    readonly policy: { readonly name: string; readonly ingressCIDR: string; readonly egress: 'deny-all'; readonly allowDns: boolean };
  };
  readonly workload?: { readonly image: string; readonly replicas: number; readonly port: number; readonly allowedRegistries: readonly string[] };
  readonly aws: {
    readonly region: string;
    readonly vpcCidr: string;
    readonly availabilityZones: number;
    readonly instanceType: string;
    readonly fipsEndpoints: boolean;
    readonly nodeImageId?: string;
    readonly clusterAdminArns: readonly string[];
    /** Networks that apply and operate the cluster: 443 on the cluster API. */
    readonly operatorCidrs: readonly string[];
    /** The secret with the upstream registry credential, when not the default name. */
    readonly registryCredentialSecret?: string;
    /** VPC CNI NetworkPolicy mode; strict only once the Kubernetes stack's system policies exist. */
    readonly networkPolicyMode: AwsNetworkPolicyMode;
    /** The agency transit gateway the VPC attaches to; routes ingressCIDR and operatorCidrs. */
    readonly transitGatewayId?: string;
  };
  readonly terraformCloud?: TerraformCloudSettings;
  readonly stateBucket?: S3StateSettings;
  /** Things the user should know that do not stop the blueprint, located like problems (e.g. a Kubernetes version near its end of support). */
  readonly warnings: readonly BlueprintProblem[];
  /**
   * Where some fields were set (name, stateBucket.*, terraformCloud.*), by dotted
   * path, for problems that involve several blueprints (two stacks with one name).
   * A field set by the environment points at its variable.
   * @default - the blueprint's file, without a line
   */
  readonly locations?: Readonly<Record<string, FieldLocation>>;
  readonly azure: {
    readonly environment: AzureEnvironment;
    readonly location: string;
    readonly vnetCidr: string;
    readonly vmSize: string;
    readonly zones: readonly string[];
    readonly adminGroupObjectIds: readonly string[];
    readonly networkWatcherName?: string;
    readonly networkWatcherResourceGroup: string;
    /** Only ever false: the Defender sensor has no path out of a network-isolated cluster. */
    readonly defender?: boolean;
    /** Azure CNI Overlay pod range, outside the virtual network. */
    readonly podCidr: string;
    readonly serviceCidr: string;
    /** The virtual network apply runs from: peered and linked to the private DNS zones. */
    readonly runnerNetworkId?: string;
    /** Where the agency network (ingressCIDR) comes in. */
    readonly agencyGateway?: { readonly hubNetworkId: string; readonly type: AgencyGatewayType };
    readonly upstreamCredentials: UpstreamCredentials;
  };
}

/** A file (or an environment variable, `$NAME`), line and column; line 0 for the whole file. */
export interface FieldLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Where a blueprint's stacks keep state and run, when that is Terraform Cloud. */
export interface TerraformCloudSettings {
  readonly organization: string;
  readonly hostname: string;
  readonly project?: string;
  readonly executionMode: 'remote' | 'agent';
  readonly agentPoolId?: string;
  /** Notify a webhook of drift and failed runs; its URL is a sensitive variable of the workspaces stack. */
  readonly notifications: boolean;
}

/** An S3 bucket, made by the bootstrap stack, that holds the state of every stack. */
export interface S3StateSettings {
  readonly bucket: string;
  readonly region: string;
}
