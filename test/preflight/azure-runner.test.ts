import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globalNameFor } from '../../lib/azure/private/names';
import { withEnvironmentDefaults } from '../../lib/cli/environment-defaults';
import type { SynthesizedStack } from '../../lib/cli/synthesize';
import { AzureCliError } from '../../lib/preflight/azure-cli';
import { azureRunnerCheck, isPrivateAddress, type AzureRunnerDeps } from '../../lib/preflight/azure-runner';
import type { Reachability } from '../../lib/preflight/endpoint-reachable';
import { RUNNER_NETWORK_ID } from '../support/azure-fixtures';
import { exampleBlueprint } from '../support/synth';

const SUBSCRIPTION = '00000000-0000-0000-0000-00000000abcd';
const VAULT = globalNameFor('kv', SUBSCRIPTION, 'dcaa-audit/vault', 24);
const stack = { stackName: 'dcaa-audit-azure', cloud: 'azure', layer: 'cloud' } as SynthesizedStack;
const withRunner = withEnvironmentDefaults([exampleBlueprint()], { HMS_AZURE_RUNNER_NETWORK_ID: RUNNER_NETWORK_ID })[0];

/** Azure as the CLI reports it: everything in place unless a test says otherwise. */
function azure(overrides: Record<string, unknown> = {}, calls: string[] = []): AzureRunnerDeps['az'] {
  const answers: Record<string, unknown> = {
    'account show': { id: SUBSCRIPTION, environmentName: 'AzureUSGovernment' },
    'feature show': { properties: { state: 'Registered' } },
    'network watcher list': [{ name: 'NetworkWatcher_usgovvirginia', location: 'usgovvirginia', resourceGroup: 'NetworkWatcherRG' }],
    'resource list': [],
    'network vnet show': { addressSpace: { addressPrefixes: ['10.200.0.0/24'] } },
    'network private-dns zone list': [{ name: 'privatelink.vaultcore.usgovcloudapi.net', resourceGroup: 'dcaa-audit-rg' }],
    'network private-dns link vnet list': [],
    'keyvault list-deleted': [{ name: 'kv-someone-else' }],
    ...overrides,
  };
  return async (args) => {
    calls.push(args.join(' '));
    const key = Object.keys(answers).find((k) => args.join(' ').startsWith(k));
    const answer = key === undefined ? undefined : answers[key];
    if (answer instanceof Error) throw answer;
    if (key === undefined) throw new Error(`unexpected az ${args.join(' ')}`);
    return answer;
  };
}

const reachable = (address: string): AzureRunnerDeps['reach'] => async (): Promise<Reachability> => ({ ok: true, address });
const deps = (d: Partial<AzureRunnerDeps> = {}): AzureRunnerDeps => ({ az: azure(), reach: reachable('10.60.64.4'), addresses: async () => ['10.200.0.7'], ...d });
const run = (d: Partial<AzureRunnerDeps>, blueprint = withRunner) => azureRunnerCheck(deps(d)).run({ blueprint, stack, outputsOf: () => undefined });

describe('azureRunnerCheck', () => {
  test('applies to Azure cloud stacks only', () => {
    const check = azureRunnerCheck(deps());
    expect(check.appliesTo(stack, withRunner)).toBe(true);
    expect(check.appliesTo({ ...stack, layer: 'kubernetes' }, withRunner)).toBe(false);
    expect(check.appliesTo({ ...stack, cloud: 'aws' }, withRunner)).toBe(false);
  });

  test('first apply from a machine in the runner network: passes, after asking Azure what it can tell', async () => {
    const calls: string[] = [];
    expect(await run({ az: azure({}, calls) })).toEqual({ ok: true });
    expect(calls).toEqual([
      'account show',
      'feature show --namespace Microsoft.Compute --name EncryptionAtHost',
      'network watcher list',
      `resource list --resource-type Microsoft.KeyVault/vaults --name ${VAULT}`,
      'keyvault list-deleted --resource-type vault',
      `network vnet show --ids ${RUNNER_NETWORK_ID}`,
      'network private-dns zone list',
    ]);
  });

  test('first apply with no runner network: stops before anything is created and says where apply must run from', async () => {
    const outcome = await run({}, exampleBlueprint());
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/first apply creates keys in a Key Vault that has no public endpoint[^]*azure.runnerNetworkId, or HMS_AZURE_RUNNER_NETWORK_ID[^]*run it from a machine there/);
  });

  test('a machine outside the runner network is told to move, with both address sets', async () => {
    const outcome = await run({ addresses: async () => ['172.17.0.2'] });
    expect(outcome.message).toMatch(/this machine \(172.17.0.2\) is not in the runner network .*runners \(10.200.0.0\/24\)[^]*run hms-sys apply on a runner or agent in that network/);
  });

  test('a runner network that overlaps the blueprint ranges cannot be peered', async () => {
    const outcome = await run({ az: azure({ 'network vnet show': { addressSpace: { addressPrefixes: ['10.60.0.0/24'] } } }) });
    expect(outcome.message).toMatch(/uses 10.60.0.0\/24, which overlaps azure.vnetCidr \(10.60.0.0\/16\): peered networks cannot overlap/);
  });

  test('a runner network the principal cannot read is named with what it needs', async () => {
    const outcome = await run({ az: azure({ 'network vnet show': new AzureCliError(['network', 'vnet', 'show'], 'ERROR: (AuthorizationFailed) no access') }) });
    expect(outcome.message).toMatch(/cannot read the virtual network .*runners[^]*needs Network Contributor on it/);
  });

  test('later applies: the vault exists, and its name must resolve privately and answer on 443', async () => {
    const existing = azure({ 'resource list': [{ name: VAULT }] });
    expect(await run({ az: existing })).toEqual({ ok: true });
    const pub = await run({ az: existing, reach: reachable('52.227.1.1') });
    expect(pub.message).toMatch(new RegExp(`${VAULT}.vault.usgovcloudapi.net resolves to the public address 52.227.1.1`));
    const blocked = await run({ az: existing, reach: async () => ({ ok: false, address: '10.60.64.4', reason: 'timed out', detail: 'no answer within 5000 ms' }) });
    expect(blocked.message).toMatch(/is timed out \(no answer within 5000 ms\) from this machine, and every plan reads its keys/);
  });

  test('EncryptionAtHost not registered: the registration commands', async () => {
    const outcome = await run({ az: azure({ 'feature show': { properties: { state: 'Registering' } } }) });
    expect(outcome.message).toMatch(/Microsoft.Compute\/EncryptionAtHost is Registering[^]*az feature register --namespace Microsoft.Compute --name EncryptionAtHost/);
  });

  test('no Network Watcher in the region: the commands that create it', async () => {
    const outcome = await run({ az: azure({ 'network watcher list': [] }) });
    expect(outcome.message).toMatch(/no Network Watcher in usgovvirginia[^]*az network watcher configure --resource-group NetworkWatcherRG --locations usgovvirginia --enabled true/);
    const other = await run({ az: azure({ 'network watcher list': [{ name: 'nw-east', location: 'usgovvirginia', resourceGroup: 'ops' }] }) });
    expect(other.message).toMatch(/is nw-east in ops, not NetworkWatcher_usgovvirginia in NetworkWatcherRG: set azure.networkWatcherName/);
  });

  test('signed in to the wrong cloud, or not at all', async () => {
    expect((await run({ az: azure({ 'account show': { id: SUBSCRIPTION, environmentName: 'AzureCloud' } }) })).message).toMatch(/signed in to AzureCloud, the blueprint targets AzureUSGovernment: az cloud set --name AzureUSGovernment/);
    expect((await run({ az: azure({ 'account show': new AzureCliError(['account', 'show'], "ERROR: Please run 'az login' to setup account.") }) })).message).toMatch(/az account show: ERROR: Please run 'az login'[^]*sign in with az login/);
  });

  test("round 3, item 2: the runner network already linked to a zone of the same name elsewhere (another blueprint, the agency's hub): stops with what to do", async () => {
    const calls: string[] = [];
    const taken = azure(
      {
        'network private-dns zone list': [
          { name: 'privatelink.vaultcore.usgovcloudapi.net', resourceGroup: 'dcaa-audit-rg' },
          { name: 'privatelink.vaultcore.usgovcloudapi.net', resourceGroup: 'hub-dns' },
        ],
        'network private-dns link vnet list': [{ virtualNetwork: { id: RUNNER_NETWORK_ID.toUpperCase() } }],
      },
      calls,
    );
    const outcome = await run({ az: taken });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/already linked to the private DNS zone privatelink.vaultcore.usgovcloudapi.net in hub-dns[^]*overlapping namespaces[^]*runner network of its own/);
    // The blueprint's own zone (a later apply) is not a conflict: only the other one was asked about.
    expect(calls).toContain('network private-dns link vnet list --resource-group hub-dns --zone-name privatelink.vaultcore.usgovcloudapi.net');
    expect(calls.filter((c) => c.startsWith('network private-dns link'))).toHaveLength(1);
    expect(await run({ az: azure({ 'network private-dns zone list': [{ name: 'privatelink.vaultcore.usgovcloudapi.net', resourceGroup: 'hub-dns' }] }) })).toEqual({ ok: true });
  });

  test('round 3, item 2: custom DNS servers outside the runner network would not see the linked zones; inside it they may forward to Azure DNS', async () => {
    const vnet = (dnsServers: string[]) => azure({ 'network vnet show': { addressSpace: { addressPrefixes: ['10.200.0.0/24'] }, dhcpOptions: { dnsServers } } });
    const outcome = await run({ az: vnet(['10.0.0.4']) });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/uses the DNS servers 10.0.0.4, outside it[^]*forwards to 168.63.129.16/);
    expect(await run({ az: vnet(['10.200.0.53']) })).toEqual({ ok: true });
  });

  test('round 3, item 4: a re-create after teardown finds the soft-deleted vault and prints the recover and import commands for every key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-kv-'));
    const file = join(dir, 'cdk.tf.json');
    writeFileSync(file, JSON.stringify({ resource: { azurerm_key_vault_key: { cluster_OsDiskKey_Key_1A2B: { name: 'dcaa-audit-os-disks' }, volume_Key_3C4D: { name: 'contract-pdfs-disk' } } } }));
    const outcome = await azureRunnerCheck(deps({ az: azure({ 'keyvault list-deleted': [{ name: VAULT.toUpperCase() }] }) })).run({ blueprint: withRunner, stack: { ...stack, file }, outputsOf: () => undefined });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain(`az keyvault recover --name ${VAULT}`);
    expect(outcome.message).toContain(`terraform -chdir=${dir} import 'azurerm_key_vault_key.cluster_OsDiskKey_Key_1A2B' "$(az keyvault key show --vault-name ${VAULT} --name dcaa-audit-os-disks --query key.kid --output tsv)"`);
    expect(outcome.message).toContain(`import 'azurerm_key_vault_key.volume_Key_3C4D'`);
  });

  test('private addresses are RFC 1918 and RFC 6598', () => {
    expect(['10.1.2.3', '172.16.0.1', '192.168.15.9', '100.64.1.1', '52.227.1.1', '172.32.0.1'].map(isPrivateAddress)).toEqual([true, true, true, true, false, false]);
  });
});
