/**
 * Before the Azure stack: what Azure's API can tell about the first apply. The stack
 * creates Key Vault keys in a vault with no public endpoint (a data-plane call from
 * this machine), writes flow logs through the region's Network Watcher, and puts
 * nodes on encryption at host; each has a prerequisite Terraform cannot create, and
 * each failure here would otherwise come half-way through an apply.
 */
import { KEY_VAULT_DNS_SUFFIX } from '../azure/private/dns-zones';
import { globalNameFor } from '../azure/private/names';
import type * as KeyVaultModule from '../azure/key-vault';
import type { Blueprint } from '../blueprint/blueprint';
import { cidrProblem, cidrsOverlap } from '../core/cidr';
import { defaultNetworkWatcherName } from '../core/defaults';
import { azureCli, AzureCliError, type AzureCli } from './azure-cli';
import { machineAddresses } from './azure-machine';
import { runnerDnsProblems } from './azure-runner-dns';
import { deletedVaultProblem } from './azure-deleted-vault';
import { checkReachable, type Reachability } from './endpoint-reachable';
import type { PreflightCheck, PreflightOutcome } from './preflight';
import { lazyNamespace } from '../core/lazy';

/**
 * `hms-sys apply` imports every preflight check, whatever the blueprint's clouds; the
 * Key Vault construct module loads @cdktf/provider-azurerm, which an AWS-only agency
 * does not install. Loaded when an Azure stack's check runs, so the vault's name comes
 * from the one function the construct names it with.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const keyVault: typeof KeyVaultModule = lazyNamespace(() => require('../azure/key-vault'));

/** What the check needs from the world, injected by tests. */
export interface AzureRunnerDeps {
  readonly az: AzureCli;
  readonly reach: (host: string, port: number) => Promise<Reachability>;
  readonly addresses: () => Promise<string[]>;
}

const DEFAULT_DEPS: AzureRunnerDeps = { az: azureCli, reach: checkReachable, addresses: () => machineAddresses() };

const CLOUD_NAMES: Record<Blueprint['azure']['environment'], string> = { usgovernment: 'AzureUSGovernment', public: 'AzureCloud' };

/** Private address space a private endpoint's address is in (RFC 1918, RFC 6598). */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

export function isPrivateAddress(address: string): boolean {
  const host = `${address}/32`;
  return !cidrProblem(host) && PRIVATE_RANGES.some((r) => cidrsOverlap(host, r));
}

const fail = (message: string): PreflightOutcome => ({ ok: false, message });
const PASS: PreflightOutcome = { ok: true };

interface Account {
  id?: string;
  environmentName?: string;
  user?: { name?: string };
}

/** The check `hms-sys apply` runs before each Azure cloud stack. */
export function azureRunnerCheck(deps: AzureRunnerDeps = DEFAULT_DEPS): PreflightCheck {
  return {
    name: 'Azure prerequisites and the runner path to the private Key Vault',
    appliesTo: (stack) => stack.cloud === 'azure' && stack.layer === 'cloud',
    run: async ({ blueprint, stack }) => {
      try {
        return await runChecks(blueprint, stack.file, deps);
      } catch (e) {
        if (e instanceof AzureCliError) return fail(`${e.message}. The preflight asks Azure through the Azure CLI, as azurerm does; sign in with az login (az cloud set --name ${CLOUD_NAMES[blueprint.azure.environment]} first)`);
        throw e;
      }
    },
  };
}

async function runChecks(bp: Blueprint, stackFile: string, deps: AzureRunnerDeps): Promise<PreflightOutcome> {
  const az = bp.azure;
  const account = (await deps.az(['account', 'show'])) as Account;
  if (account.environmentName !== CLOUD_NAMES[az.environment]) {
    return fail(`the Azure CLI is signed in to ${account.environmentName ?? 'no cloud'}, the blueprint targets ${CLOUD_NAMES[az.environment]}: az cloud set --name ${CLOUD_NAMES[az.environment]} && az login`);
  }
  const subscription = String(account.id ?? '');
  for (const outcome of [await encryptionAtHost(deps), await networkWatcher(bp, deps)]) if (!outcome.ok) return outcome;
  return runnerPath(bp, subscription, stackFile, deps);
}

/** Host encryption on every pool needs the subscription feature (articles/aks/enable-host-encryption.md). */
async function encryptionAtHost(deps: AzureRunnerDeps): Promise<PreflightOutcome> {
  const feature = (await deps.az(['feature', 'show', '--namespace', 'Microsoft.Compute', '--name', 'EncryptionAtHost'])) as { properties?: { state?: string } };
  const state = feature?.properties?.state ?? 'NotRegistered';
  return state === 'Registered'
    ? PASS
    : fail(
        `the subscription feature Microsoft.Compute/EncryptionAtHost is ${state}; every node pool encrypts at host. Run az feature register --namespace Microsoft.Compute --name EncryptionAtHost, wait until az feature show reports Registered, then az provider register --namespace Microsoft.Compute`,
      );
}

/**
 * Azure creates NetworkWatcher_<region> in NetworkWatcherRG when a first virtual network
 * appears in a region, asynchronously and only where the subscription has not opted
 * out; the flow log names it in the same apply, so it must exist before.
 */
async function networkWatcher(bp: Blueprint, deps: AzureRunnerDeps): Promise<PreflightOutcome> {
  const az = bp.azure;
  const name = az.networkWatcherName ?? defaultNetworkWatcherName(az.location);
  const watchers = ((await deps.az(['network', 'watcher', 'list'])) ?? []) as { name?: string; location?: string; resourceGroup?: string }[];
  const inRegion = watchers.filter((w) => w.location?.toLowerCase() === az.location.toLowerCase());
  const match = inRegion.find((w) => w.name?.toLowerCase() === name.toLowerCase() && w.resourceGroup?.toLowerCase() === az.networkWatcherResourceGroup.toLowerCase());
  if (match) return PASS;
  if (inRegion.length > 0) {
    const w = inRegion[0];
    return fail(`the Network Watcher of ${az.location} is ${w.name} in ${w.resourceGroup}, not ${name} in ${az.networkWatcherResourceGroup}: set azure.networkWatcherName and azure.networkWatcherResourceGroup to it`);
  }
  return fail(
    `no Network Watcher in ${az.location}, and the flow logs need one: az group create --name ${az.networkWatcherResourceGroup} --location ${az.location} && az network watcher configure --resource-group ${az.networkWatcherResourceGroup} --locations ${az.location} --enabled true`,
  );
}

async function runnerPath(bp: Blueprint, subscription: string, stackFile: string, deps: AzureRunnerDeps): Promise<PreflightOutcome> {
  const az = bp.azure;
  const vaultName = globalNameFor('kv', subscription, keyVault.keyVaultNameSeed(bp.name), 24);
  const host = `${vaultName}.${KEY_VAULT_DNS_SUFFIX[az.environment]}`;
  const existing = ((await deps.az(['resource', 'list', '--resource-type', 'Microsoft.KeyVault/vaults', '--name', vaultName])) ?? []) as unknown[];
  const where = az.runnerNetworkId
    ? `run hms-sys apply on a machine in the runner network ${az.runnerNetworkId}`
    : 'name the network hms-sys apply runs from (azure.runnerNetworkId, or HMS_AZURE_RUNNER_NETWORK_ID) and run it from a machine there; hms-sys peers it with the blueprint network and links it to the private DNS zones';
  if (existing.length === 0) {
    const deleted = await deletedVaultProblem(vaultName, stackFile, deps.az);
    if (!deleted.ok) return deleted;
  }
  if (existing.length > 0) {
    // Later applies and plans refresh keys on the vault's data plane: the path must work now.
    const reach = await deps.reach(host, 443);
    if (!reach.ok) return fail(`the Key Vault ${host} is ${reach.reason}${reach.detail ? ` (${reach.detail})` : ''} from this machine, and every plan reads its keys: ${where}`);
    if (reach.address && !isPrivateAddress(reach.address)) {
      return fail(`${host} resolves to the public address ${reach.address} here, and the vault admits only its private endpoint: this machine does not resolve through the vault's private DNS zone; ${where}`);
    }
  }
  if (!az.runnerNetworkId) {
    return existing.length > 0 ? PASS : fail(`the first apply creates keys in a Key Vault that has no public endpoint (a data-plane call from this machine): ${where}`);
  }
  const ranges = [
    [az.vnetCidr, 'azure.vnetCidr'],
    [az.podCidr, 'azure.podCidr'],
    [az.serviceCidr, 'azure.serviceCidr'],
  ];
  const networks = [az.runnerNetworkId, ...(az.agencyGateway && az.agencyGateway.hubNetworkId !== az.runnerNetworkId ? [az.agencyGateway.hubNetworkId] : [])];
  let runnerPrefixes: string[] = [];
  let runnerDnsServers: string[] = [];
  for (const id of networks) {
    let vnet: { addressSpace?: { addressPrefixes?: string[] }; dhcpOptions?: { dnsServers?: string[] } };
    try {
      vnet = (await deps.az(['network', 'vnet', 'show', '--ids', id])) as typeof vnet;
    } catch (e) {
      if (e instanceof AzureCliError && !e.notInstalled) {
        return fail(`cannot read the virtual network ${id} (${e.message}): it must exist, and the deploying principal needs Network Contributor on it to create its half of the peering`);
      }
      throw e;
    }
    const prefixes = vnet?.addressSpace?.addressPrefixes ?? [];
    for (const p of prefixes.filter((x) => !cidrProblem(x))) {
      const hit = ranges.find(([r]) => cidrsOverlap(p, r));
      if (hit) return fail(`${id} uses ${p}, which overlaps ${hit[1]} (${hit[0]}): peered networks cannot overlap, and pods could not reach it; choose another ${hit[1]}`);
    }
    if (id === az.runnerNetworkId) {
      runnerPrefixes = prefixes;
      runnerDnsServers = vnet?.dhcpOptions?.dnsServers ?? [];
    }
  }
  const dns = await runnerDnsProblems(bp, { id: az.runnerNetworkId, addressPrefixes: runnerPrefixes, dnsServers: runnerDnsServers }, deps.az);
  if (!dns.ok) return dns;
  const mine = await deps.addresses();
  const inside = mine.filter((a) => runnerPrefixes.some((p) => !cidrProblem(p) && cidrsOverlap(`${a}/32`, p)));
  if (inside.length === 0) {
    return fail(
      `this machine (${mine.join(', ') || 'no IPv4 address'}) is not in the runner network ${az.runnerNetworkId} (${runnerPrefixes.join(', ') || 'no address space'}), so it cannot reach the private Key Vault once it exists: run hms-sys apply on a runner or agent in that network`,
    );
  }
  return PASS;
}
