import type { Blueprint } from '../../lib/blueprint/blueprint';
import type { SynthesizedStack } from '../../lib/cli/synthesize';
import { awsRegistryCredentialCheck, type SecretDescription } from '../../lib/preflight/aws-registry-credential';
import { PREFLIGHT_CHECKS } from '../../lib/preflight/checks';

const k8s = { stackName: 'dcaa-audit-aws-k8s', layer: 'kubernetes', cloud: 'aws' } as SynthesizedStack;
const blueprint = { name: 'dcaa-audit', aws: { region: 'us-gov-west-1' }, workload: { image: 'ghcr.io/hms/dcaa-audit:v1.0' } } as unknown as Blueprint;
const context = (outputs?: Record<string, unknown>) => ({ blueprint, stack: k8s, outputsOf: (name: string) => (name === 'dcaa-audit-aws' ? outputs : undefined) });
const SECRET = 'ecr-pullthroughcache/dcaa-audit/ghcr';

describe('awsRegistryCredentialCheck', () => {
  test('is registered for hms-sys apply, before Kubernetes stacks on AWS', () => {
    expect(PREFLIGHT_CHECKS.map((c) => c.name)).toContain('upstream registry credential present');
    expect(awsRegistryCredentialCheck().appliesTo(k8s, blueprint)).toBe(true);
    expect(awsRegistryCredentialCheck().appliesTo({ ...k8s, layer: 'cloud' }, blueprint)).toBe(false);
  });

  test('has nothing to check when the image needs no credential', async () => {
    const describe = jest.fn();
    expect(await awsRegistryCredentialCheck(describe).run(context({ cluster_endpoint: 'https://x' }))).toEqual({ ok: true });
    expect(describe).not.toHaveBeenCalled();
  });

  test('passes when the secret has a current value, asking in the blueprint region', async () => {
    const describe = jest.fn((): SecretDescription => ({ ok: true, secret: { VersionIdsToStages: { v1: ['AWSCURRENT'] } } }));
    expect(await awsRegistryCredentialCheck(describe).run(context({ registry_credential_secret: SECRET }))).toEqual({ ok: true });
    expect(describe).toHaveBeenCalledWith(SECRET, 'us-gov-west-1');
  });

  test('an empty secret stops apply before a rollout that could only time out, with the command that fixes it', async () => {
    const outcome = await awsRegistryCredentialCheck(() => ({ ok: true, secret: {} })).run(context({ registry_credential_secret: SECRET }));
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^secret ecr-pullthroughcache\/dcaa-audit\/ghcr has no value yet, so ECR cannot pull ghcr\.io\/hms\/dcaa-audit:v1\.0 from its upstream\. Put the credential first: aws secretsmanager put-secret-value --region us-gov-west-1 --secret-id ecr-pullthroughcache\/dcaa-audit\/ghcr/,
      ),
    });
  });

  test('a missing AWS CLI or an unreadable secret is said plainly', async () => {
    expect((await awsRegistryCredentialCheck(() => ({ ok: false, missingCli: true })).run(context({ registry_credential_secret: SECRET }))).message).toMatch(/AWS CLI \(aws\) is not on PATH/);
    expect((await awsRegistryCredentialCheck(() => ({ ok: false, error: 'AccessDeniedException' })).run(context({ registry_credential_secret: SECRET }))).message).toBe(
      'could not read secret ecr-pullthroughcache/dcaa-audit/ghcr: AccessDeniedException',
    );
  });
});
