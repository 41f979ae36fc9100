/** The aws section of a blueprint, and what a private AWS platform refuses at validate. */
import { readFileSync } from 'node:fs';
import { parseBlueprint } from '../../lib/blueprint/load';
import { blueprintProblems } from '../support/problems';
import { EXAMPLE_BLUEPRINT_PATH } from '../support/synth';

const SEED = readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8');

describe('blueprint aws section', () => {
  test('the seed blueprint, verbatim, is valid: no operators, no transit gateway', () => {
    const bp = parseBlueprint(SEED, 'blueprints/dcaa-audit.yml');
    expect(bp.aws).toMatchObject({ operatorCidrs: [], clusterAdminArns: [] });
    expect(bp.aws.transitGatewayId).toBeUndefined();
  });

  test('operatorCidrs and transitGatewayId', () => {
    const bp = parseBlueprint(`aws:\n  operatorCidrs: ["10.90.0.0/24"]\n  transitGatewayId: tgw-0123456789abcdef0\n${SEED}`, 'a.yml');
    expect(bp.aws).toMatchObject({ operatorCidrs: ['10.90.0.0/24'], transitGatewayId: 'tgw-0123456789abcdef0' });
  });

  test('nodeImageRevision, a day, quoted or not (YAML 1.2 reads both as text)', () => {
    expect(parseBlueprint(`aws:\n  nodeImageRevision: "2026-11-23"\n${SEED}`, 'a.yml').aws.nodeImageRevision).toBe('2026-11-23');
    expect(parseBlueprint(`aws:\n  nodeImageRevision: 2026-11-23\n${SEED}`, 'a.yml').aws.nodeImageRevision).toBe('2026-11-23');
  });

  test('an image already in the region\'s ECR is accepted as is', () => {
    expect(() => parseBlueprint(SEED.replace('ghcr.io/hms/dcaa-audit:v1.0', '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/dcaa-audit:v1.0'), 'a.yml')).not.toThrow();
  });

  test.each([
    ['operator network wider than /8', `aws:\n  operatorCidrs: ["0.0.0.0/0"]\n${SEED}`, 'aws.operatorCidrs.0', 2, /opens the workload to the whole internet|whole internet/],
    ['operator network with host bits', `aws:\n  operatorCidrs: ["10.90.0.1/24"]\n${SEED}`, 'aws.operatorCidrs.0', 2, /host bits set/],
    ['a credential secret ECR would not read', `aws:\n  registryCredentialSecret: github-token\n${SEED}`, 'aws.registryCredentialSecret', 2, /ECR requires the ecr-pullthroughcache\/ prefix/],
    ['a node image revision that is not a day', `aws:\n  nodeImageRevision: "2026-02-30"\n${SEED}`, 'aws.nodeImageRevision', 2, /"2026-02-30" is not a date; write the day of the patch level as "YYYY-MM-DD"/],
    ['a node image revision for a golden image', `aws:\n  nodeImageId: ami-0123456789abcdef0\n  nodeImageRevision: "2026-11-23"\n${SEED}`, 'aws.nodeImageRevision', 3, /patch your golden image and give its new id in aws.nodeImageId/],
    ['not a transit gateway', `aws:\n  transitGatewayId: vgw-0123456789abcdef0\n${SEED}`, 'aws.transitGatewayId', 2, /not a transit gateway id; e.g. tgw-0123456789abcdef0/],
    ['bottlerocket-fips on AWS', SEED.replace('runtime: fips-ubuntu-22.04', 'runtime: bottlerocket-fips'), 'nodePool.runtime', 4, /cannot run on AWS with egress deny-all: .*ecr-fips.*no VPC endpoint.*Use fips-ubuntu-22.04 on AWS, or clouds: \[azure\]/],
    ['a registry ECR cannot mirror', SEED.replace('ghcr.io/hms/dcaa-audit:v1.0', 'registry.example.gov/hms/dcaa-audit:v1.0'), 'workload.image', 20, /cannot be pulled on AWS: registry\.example\.gov .*mirrors ghcr\.io, docker\.io.*push the image to ECR in us-gov-west-1/],
    ['ECR of another region', SEED.replace('ghcr.io/hms/dcaa-audit:v1.0', '123456789012.dkr.ecr.us-east-1.amazonaws.com/dcaa-audit:v1.0'), 'workload.image', 20, /ECR in us-east-1, but the nodes reach ECR only in us-gov-west-1.*replicate/],
    ['ECR FIPS endpoint', SEED.replace('ghcr.io/hms/dcaa-audit:v1.0', '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/dcaa-audit:v1.0'), 'workload.image', 20, /ECR FIPS endpoint, which has no VPC endpoint/],
  ])('refuses %s, located, with the fix', (_name, yaml, path, line, message) => {
    expect(blueprintProblems(yaml)).toContainEqual(expect.objectContaining({ path, line, message: expect.stringMatching(message) }));
  });

  test('an Azure-only blueprint may still use bottlerocket-fips and any registry', () => {
    const yaml = `clouds: [azure]\n${SEED.replace('runtime: fips-ubuntu-22.04', 'runtime: bottlerocket-fips').replace('ghcr.io', 'registry.example.gov')}`;
    expect(() => parseBlueprint(yaml, 'a.yml')).not.toThrow();
  });
});
