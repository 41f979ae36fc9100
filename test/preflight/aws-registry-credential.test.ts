import type { Blueprint } from '../../lib/blueprint/blueprint';
import type { SynthesizedStack } from '../../lib/cli/synthesize';
import { awsRegistryCredentialCheck, type SecretDescription } from '../../lib/preflight/aws-registry-credential';
import { PREFLIGHT_CHECKS } from '../../lib/preflight/checks';
import { exampleBlueprint } from '../support/synth';

const cluster = { stackName: 'dcaa-audit-aws', layer: 'cloud', cloud: 'aws' } as SynthesizedStack;
const context = (blueprint: Blueprint = exampleBlueprint()) => ({ blueprint, stack: cluster, outputsOf: () => undefined });
const SECRET = 'ecr-pullthroughcache/dcaa-audit/ghcr';
const KEY = 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/1';

describe('awsRegistryCredentialCheck', () => {
  test('is registered for hms-sys apply, before the cluster stack on AWS', () => {
    expect(PREFLIGHT_CHECKS.map((c) => c.name)).toContain('upstream registry credential present');
    expect(awsRegistryCredentialCheck().appliesTo(cluster, exampleBlueprint())).toBe(true);
    expect(awsRegistryCredentialCheck().appliesTo({ ...cluster, layer: 'kubernetes' }, exampleBlueprint())).toBe(false);
  });

  test('has nothing to check when the image needs no credential', async () => {
    const describe = jest.fn();
    const quay = exampleBlueprint((y) => y.replace('ghcr.io', 'quay.io'));
    expect(await awsRegistryCredentialCheck(describe).run(context(quay))).toEqual({ ok: true });
    expect(describe).not.toHaveBeenCalled();
  });

  test('passes when the secret the stack expects holds a value under a customer key, asking in the blueprint region', async () => {
    const describe = jest.fn((): SecretDescription => ({ ok: true, secret: { KmsKeyId: KEY, VersionIdsToStages: { v1: ['AWSCURRENT'] } } }));
    expect(await awsRegistryCredentialCheck(describe).run(context())).toEqual({ ok: true });
    expect(describe).toHaveBeenCalledWith(SECRET, 'us-gov-west-1');
  });

  test('aws.registryCredentialSecret names another secret', async () => {
    const describe = jest.fn((): SecretDescription => ({ ok: true, secret: { KmsKeyId: KEY, VersionIdsToStages: { v1: ['AWSCURRENT'] } } }));
    await awsRegistryCredentialCheck(describe).run(context(exampleBlueprint((y) => `aws:\n  registryCredentialSecret: ecr-pullthroughcache/agency/github\n${y}`)));
    expect(describe).toHaveBeenCalledWith('ecr-pullthroughcache/agency/github', 'us-gov-west-1');
  });

  test('a missing secret stops apply before ECR refuses the cache rule, with the command that creates it', async () => {
    const outcome = await awsRegistryCredentialCheck(() => ({ ok: false, error: 'An error occurred (ResourceNotFoundException) when calling the DescribeSecret operation' })).run(context());
    expect(outcome.message).toMatch(
      /^secret ecr-pullthroughcache\/dcaa-audit\/ghcr does not exist, and ECR needs it to pull ghcr\.io\/hms\/dcaa-audit:v1\.0\. Create it first: aws secretsmanager create-secret --region us-gov-west-1 --name ecr-pullthroughcache\/dcaa-audit\/ghcr --kms-key-id/,
    );
  });

  test('an empty secret, or one under the AWS managed key, is refused with the fix', async () => {
    expect((await awsRegistryCredentialCheck(() => ({ ok: true, secret: { KmsKeyId: KEY } })).run(context())).message).toMatch(/has no value yet.*put-secret-value/);
    expect((await awsRegistryCredentialCheck(() => ({ ok: true, secret: { VersionIdsToStages: { v1: ['AWSCURRENT'] } } })).run(context())).message).toMatch(/encrypted with the AWS managed key; re-create it under a customer managed key/);
  });

  test('a missing AWS CLI or an unreadable secret is said plainly', async () => {
    expect((await awsRegistryCredentialCheck(() => ({ ok: false, missingCli: true })).run(context())).message).toMatch(/AWS CLI \(aws\) is not on PATH/);
    expect((await awsRegistryCredentialCheck(() => ({ ok: false, error: 'AccessDeniedException' })).run(context())).message).toBe(`could not read secret ${SECRET}: AccessDeniedException`);
  });
});
