import { parseBlueprint } from '../../lib/blueprint/load';
import { withEnvironmentDefaults } from '../../lib/cli/environment-defaults';
import { BlueprintError, type BlueprintProblem } from '../../lib/core/errors';
import { HUB_NETWORK_ID, RUNNER_NETWORK_ID } from '../support/azure-fixtures';
import { exampleBlueprint, EXAMPLE_BLUEPRINT_PATH } from '../support/synth';
import { readFileSync } from 'node:fs';

const SEED = readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8');
const withAzure = (azure: string) => `${SEED}azure:\n${azure}`;

function problemsOf(source: string): BlueprintProblem[] {
  try {
    parseBlueprint(source, 'blueprints/bad.yml');
  } catch (e) {
    if (e instanceof BlueprintError) return [...e.problems];
    throw e;
  }
  throw new Error('expected the blueprint to be refused');
}

describe('blueprint azure fields', () => {
  test('the seed gets overlay ranges that collide with nothing, and no runner, gateway or Defender', () => {
    const az = exampleBlueprint().azure;
    expect(az).toMatchObject({ podCidr: '100.64.0.0/16', serviceCidr: '100.72.0.0/16', upstreamCredentials: 'key-vault' });
    expect([az.runnerNetworkId, az.agencyGateway, az.defender]).toEqual([undefined, undefined, undefined]);
  });

  test('a default range steps aside when the agency range or the VNet takes it, so a default never collides', () => {
    const bp = exampleBlueprint((y) => y.replace('192.168.15.0/24', '100.0.0.0/8'));
    expect(bp.azure).toMatchObject({ podCidr: '172.16.0.0/16', serviceCidr: '172.24.0.0/16' });
    const bp2 = exampleBlueprint((y) => `${y.replace('192.168.15.0/24', '172.16.0.0/12')}azure:\n  vnetCidr: 100.64.0.0/16\n`);
    expect(bp2.azure).toMatchObject({ podCidr: '10.244.0.0/16', serviceCidr: '100.72.0.0/16' });
  });

  test('a large pool gets a pod range with a /24 for every node, surge included', () => {
    // (300 + 3 system) x 1.33 = 403 nodes: a /15 holds 512; 450 nodes need 603: a /14.
    expect(exampleBlueprint((y) => y.replace('count: 10', 'count: 300')).azure.podCidr).toBe('100.64.0.0/15');
    expect(exampleBlueprint((y) => y.replace('count: 10', 'count: 450')).azure.podCidr).toBe('100.64.0.0/14');
  });

  test.each([
    ['pod range over the VNet', '  podCidr: 10.60.128.0/17\n', 'azure.podCidr', /"10.60.128.0\/17" overlaps azure.vnetCidr \(10.60.0.0\/16\); pods could not reach addresses in it/],
    ['pod range over the agency range', '  podCidr: 192.168.0.0/16\n', 'azure.podCidr', /overlaps network.policy.ingressCIDR \(192.168.15.0\/24\)/],
    ['Service range over the pod range', '  podCidr: 100.64.0.0/16\n  serviceCidr: 100.64.128.0/20\n', 'azure.podCidr', /overlaps azure.serviceCidr/],
    ['pod range too small for the nodes', '  podCidr: 100.64.0.0/22\n', 'azure.podCidr', /holds 4 nodes \(a \/24 each\) but the cluster may run 18 with upgrade surge/],
    ['runner network not a VNet id', '  runnerNetworkId: /subscriptions/x/resourceGroups/y\n', 'azure.runnerNetworkId', /is not a virtual network id/],
    ['gateway of an unknown type', `  agencyGateway:\n    hubNetworkId: ${HUB_NETWORK_ID}\n    type: wireguard\n`, 'azure.agencyGateway.type', /allowed: vpn, expressroute/],
    ['Defender forced on', '  defender: true\n', 'azure.defender', /sensor needs login.microsoftonline.us and \*.cloud.defender.microsoft.com, which have no private endpoint/],
    ['unknown upstream credentials', '  upstreamCredentials: basic\n', 'azure.upstreamCredentials', /allowed: key-vault, none/],
  ])('refuses %s with a located problem', (_name, azure, path, message) => {
    const problems = problemsOf(withAzure(azure));
    expect(problems).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
    expect(problems.find((p) => p.path === path)!.line).toBeGreaterThan(20);
  });

  test('a runner network and an agency gateway are taken as written', () => {
    const bp = parseBlueprint(withAzure(`  runnerNetworkId: ${RUNNER_NETWORK_ID}\n  agencyGateway:\n    hubNetworkId: ${HUB_NETWORK_ID}\n    type: expressroute\n  defender: false\n`), 'a.yml');
    expect(bp.azure).toMatchObject({ runnerNetworkId: RUNNER_NETWORK_ID, agencyGateway: { hubNetworkId: HUB_NETWORK_ID, type: 'expressroute' }, defender: false });
  });

  test('fips-ubuntu-22.04 stops at 1.36 on AKS: 1.37 is refused at the version line, naming Azure Linux 3 FIPS as the fix', () => {
    const at137 = `kubernetesVersion: "1.37"\n${SEED}clouds: [azure]\n`;
    const problems = problemsOf(at137);
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'kubernetesVersion', line: 1, message: expect.stringMatching(/fips-ubuntu-22.04 cannot run Kubernetes 1.37 on AKS[^]*bottlerocket-fips \(Azure Linux 3 with FIPS/) }),
    );
    expect(() => parseBlueprint(at137.replace('runtime: fips-ubuntu-22.04', 'runtime: bottlerocket-fips'), 'a.yml', { today: new Date('2026-11-22') })).not.toThrow();
    expect(() => parseBlueprint(`kubernetesVersion: "1.36"\n${SEED}clouds: [azure]\n`, 'a.yml', { today: new Date('2026-11-22') })).not.toThrow();
  });

  test('azure ranges are not judged for blueprints that do not target Azure', () => {
    expect(() => parseBlueprint(`${SEED.replace('192.168.15.0/24', '10.60.0.0/16')}clouds: [aws]\n`, 'a.yml')).not.toThrow();
  });
});

describe('site settings from the environment', () => {
  const site = { HMS_AZURE_RUNNER_NETWORK_ID: RUNNER_NETWORK_ID, HMS_AZURE_AGENCY_HUB_NETWORK_ID: HUB_NETWORK_ID, HMS_AZURE_AGENCY_GATEWAY: 'vpn' };

  test('fill in the runner network and agency gateway of blueprints that name none', () => {
    const [bp] = withEnvironmentDefaults([exampleBlueprint()], site);
    expect(bp.azure).toMatchObject({ runnerNetworkId: RUNNER_NETWORK_ID, agencyGateway: { hubNetworkId: HUB_NETWORK_ID, type: 'vpn' } });
  });

  test('never override what a blueprint says', () => {
    const own = parseBlueprint(withAzure(`  runnerNetworkId: ${HUB_NETWORK_ID}\n`), 'a.yml');
    expect(withEnvironmentDefaults([own], site)[0].azure.runnerNetworkId).toBe(HUB_NETWORK_ID);
  });

  test('are checked like the blueprint fields, naming the variable', () => {
    expect(() => withEnvironmentDefaults([exampleBlueprint()], { HMS_AZURE_RUNNER_NETWORK_ID: 'runners' })).toThrow(/\$HMS_AZURE_RUNNER_NETWORK_ID +"runners" is not a virtual network id[^]*\(from the environment variable HMS_AZURE_RUNNER_NETWORK_ID\)/);
    expect(() => withEnvironmentDefaults([exampleBlueprint()], { HMS_AZURE_AGENCY_HUB_NETWORK_ID: HUB_NETWORK_ID })).toThrow(/HMS_AZURE_AGENCY_HUB_NETWORK_ID and HMS_AZURE_AGENCY_GATEWAY go together/);
  });

  test('without them, nothing changes', () => {
    expect(withEnvironmentDefaults([exampleBlueprint()], {})[0].azure).toEqual(exampleBlueprint().azure);
  });
});
