import { NetworkWatcherFlowLog } from '@cdktf/provider-azurerm/lib/network-watcher-flow-log';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Construct } from 'constructs';
import { PropsValidator } from '../core/errors';
import { DEFAULT_NETWORK_WATCHER_RESOURCE_GROUP, defaultNetworkWatcherName } from '../core/defaults';
import { CustomerKeyIdentity, HARDENED_STORAGE_ACCOUNT } from './customer-key-identity';
import type { IKeyVault } from './key-vault';
import { AzureContext } from './private/azure-context';

/** Flow logs are kept at least this long (HIPAA 90-day guidance, AU-11). */
export const MIN_FLOW_LOG_RETENTION_DAYS = 90;

/** Days a deleted flow-log blob or container stays recoverable. */
export const FLOW_LOG_SOFT_DELETE_DAYS = 30;

export interface FlowLogsProps {
  /** Prefix for names, usually the blueprint name. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The virtual network whose flows are logged. */
  readonly virtualNetworkId: string;
  /** Vault of the storage account's customer key. */
  readonly keyVault: IKeyVault;
  /** Workspace for traffic analytics. */
  readonly logAnalyticsWorkspaceId: string;
  /** Its workspace id (GUID), which traffic analytics also needs. */
  readonly logAnalyticsWorkspaceGuid: string;
  /**
   * Days to keep flow logs in storage (at least 90).
   * @default 365
   */
  readonly retentionDays?: number;
  /**
   * Network Watcher for the region; Azure creates one per region and subscription
   * when the first virtual network is created there, unless the subscription opted
   * out. `hms-sys apply` checks that it exists before the stack is applied.
   * @default 'NetworkWatcher_<location>'
   */
  readonly networkWatcherName?: string;
  /** @default 'NetworkWatcherRG' */
  readonly networkWatcherResourceGroup?: string;
}

/**
 * Virtual network flow logs (AU-12, SI-4) into a storage account that is closed to
 * every network but Azure's trusted services (Network Watcher writes as one), takes
 * no shared keys, speaks TLS 1.2 or newer, encrypts twice (infrastructure encryption
 * and a customer key), and into traffic analytics in Log Analytics.
 *
 * The account has no private endpoint: nothing in the virtual network reads it.
 * Terraform manages it through Azure Resource Manager only: the stack's provider sets
 * `features { storage { data_plane_available = false } }`, which makes azurerm v4.55.0
 * skip the blob and queue data-plane polls on create and read
 * (storage_account_resource.go: `if !features.FivePointOh() && dataPlaneAvailable`),
 * which a firewalled account answers with 403 (hashicorp/terraform-provider-azurerm#33454).
 */
export class FlowLogs extends Construct {
  public readonly storageAccountId: string;
  /** The log storage account, for acknowledgements that concern it alone. */
  public readonly storageAccount: StorageAccount;

  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);
    const retention = props.retentionDays ?? 365;
    new PropsValidator('azure.FlowLogs', this.node.path)
      .check(Number.isInteger(retention) && retention >= MIN_FLOW_LOG_RETENTION_DAYS && retention <= 365, `retentionDays (${retention}) must be from ${MIN_FLOW_LOG_RETENTION_DAYS} to 365`)
      .throwIfAny();
    const ctx = AzureContext.of(this);
    const cmk = new CustomerKeyIdentity(this, 'CustomerKey', { name: `${props.name}-flow-logs`, keyVault: props.keyVault, resourceGroupName: props.resourceGroupName, location: props.location });
    const storage = new StorageAccount(this, 'Storage', {
      name: ctx.globalName('fl', `${props.name}/flow-logs`, 24),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: 'GRS',
      ...HARDENED_STORAGE_ACCOUNT,
      ...cmk.storageAccountEncryption(),
      httpsTrafficOnlyEnabled: true,
      // Trusted-service exceptions apply only while public access is "enabled from
      // selected networks"; default_action = Deny with no network rules admits nothing else.
      publicNetworkAccessEnabled: true,
      networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
      // Deleted log blobs and containers stay recoverable (CP-9, AU-9). No versioning:
      // Network Watcher rewrites each hour's blob every minute, which would keep a version a minute.
      blobProperties: { deleteRetentionPolicy: { days: FLOW_LOG_SOFT_DELETE_DAYS }, containerDeleteRetentionPolicy: { days: FLOW_LOG_SOFT_DELETE_DAYS } },
      lifecycle: { preventDestroy: true },
    });
    new NetworkWatcherFlowLog(this, 'Resource', {
      name: `${props.name}-vnet-flow-log`,
      networkWatcherName: props.networkWatcherName ?? defaultNetworkWatcherName(props.location),
      resourceGroupName: props.networkWatcherResourceGroup ?? DEFAULT_NETWORK_WATCHER_RESOURCE_GROUP,
      targetResourceId: props.virtualNetworkId,
      storageAccountId: storage.id,
      enabled: true,
      version: 2,
      retentionPolicy: { enabled: true, days: retention },
      trafficAnalytics: {
        enabled: true,
        workspaceId: props.logAnalyticsWorkspaceGuid,
        workspaceRegion: props.location,
        workspaceResourceId: props.logAnalyticsWorkspaceId,
        intervalInMinutes: 10,
      },
    });
    this.storageAccountId = storage.id;
    this.storageAccount = storage;
  }
}
