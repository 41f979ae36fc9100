import { PullThroughCache, pullThroughPrefix } from '../../lib/aws/pull-through-cache';
import { PULL_THROUGH_UPSTREAMS } from '../../lib/core/image-registries';
import { onlyResource, policyOf, resourcesOf, synthConstructs } from '../support/synth';

const upstream = (host: string) => PULL_THROUGH_UPSTREAMS.find((u) => u.host === host)!;

describe('PullThroughCache', () => {
  describe('ghcr.io, which needs a credential', () => {
    let mirror = '';
    const tf = synthConstructs((scope) => {
      mirror = new PullThroughCache(scope, 'cache', { namePrefix: 'dcaa-audit', upstreams: [upstream('ghcr.io')] }).registries[0].mirror;
    });

    test('a pull-through cache rule mirrors ghcr.io under dcaa-audit/ghcr, authenticated by the secret named by convention', () => {
      const rule = onlyResource(tf, 'aws_ecr_pull_through_cache_rule');
      expect(rule).toMatchObject({ ecr_repository_prefix: 'dcaa-audit/ghcr', upstream_registry_url: 'ghcr.io' });
      expect(rule.credential_arn).toMatch(/^\$\{data\.aws_secretsmanager_secret\.[\w-]+\.arn\}$/);
      // Resolved in the stack tests: <account>.dkr.ecr.<region>.<dns suffix>/dcaa-audit/ghcr
      expect(mirror).toMatch(/\.dkr\.ecr\..+\/dcaa-audit\/ghcr$/);
    });

    test('the credential is read by reference, metadata only: its value never enters Terraform', () => {
      const secret = Object.values(tf.data?.aws_secretsmanager_secret ?? {})[0] as any;
      expect(secret.name).toBe('ecr-pullthroughcache/dcaa-audit/ghcr');
      expect(tf.resource?.aws_secretsmanager_secret).toBeUndefined();
      expect(tf.resource?.aws_secretsmanager_secret_version).toBeUndefined();
      expect(tf.data?.aws_secretsmanager_secret_version).toBeUndefined();
    });

    test('the plan refuses a credential encrypted with the AWS managed key (SC-12)', () => {
      const secret = Object.values(tf.data?.aws_secretsmanager_secret ?? {})[0] as any;
      expect(secret.lifecycle.postcondition).toEqual([
        { condition: '${self.kms_key_id != null && self.kms_key_id != ""}', error_message: expect.stringMatching(/encrypted with the AWS managed key; re-create it with a customer managed KMS key/) },
      ]);
    });

    test('every cached repository is created encrypted with the customer key and tag-immutable', () => {
      const template = onlyResource(tf, 'aws_ecr_repository_creation_template');
      expect(template).toMatchObject({ prefix: 'dcaa-audit/ghcr', applied_for: ['PULL_THROUGH_CACHE'], image_tag_mutability: 'IMMUTABLE' });
      expect(template.encryption_configuration).toEqual([{ encryption_type: 'KMS', kms_key: expect.stringMatching(/aws_kms_key/) }]);
      expect(template.custom_role_arn).toMatch(/aws_iam_role\.\w+\.arn/);
      const role = onlyResource(tf, 'aws_iam_role');
      expect(policyOf(role, 'assume_role_policy').Statement[0].Principal).toEqual({ Service: 'ecr.amazonaws.com' });
      const grants = policyOf(onlyResource(tf, 'aws_iam_role_policy')).Statement;
      expect(grants[0]).toMatchObject({ Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'], Resource: expect.stringMatching(/aws_kms_key/) });
      expect(grants[1].Resource).toEqual([expect.stringMatching(/:repository\/dcaa-audit\/ghcr\/\*$/)]);
    });

    test('cached images are scanned on push', () => {
      expect(onlyResource(tf, 'aws_ecr_registry_scanning_configuration')).toMatchObject({
        scan_type: 'BASIC',
        rule: [{ scan_frequency: 'SCAN_ON_PUSH', repository_filter: [{ filter: 'dcaa-audit/ghcr/*', filter_type: 'WILDCARD' }] }],
      });
    });
  });

  test('credentialSecretNames names another secret; an upstream without authentication reads none', () => {
    const named = synthConstructs((scope) => new PullThroughCache(scope, 'cache', { namePrefix: 'x', upstreams: [upstream('ghcr.io')], credentialSecretNames: { 'ghcr.io': 'ecr-pullthroughcache/agency/github' } }));
    expect((Object.values(named.data?.aws_secretsmanager_secret ?? {})[0] as any).name).toBe('ecr-pullthroughcache/agency/github');
    const tf = synthConstructs((scope) => new PullThroughCache(scope, 'cache', { namePrefix: 'x', upstreams: [upstream('quay.io')] }));
    expect(tf.data?.aws_secretsmanager_secret).toBeUndefined();
    expect(onlyResource(tf, 'aws_ecr_pull_through_cache_rule').credential_arn).toBeUndefined();
    expect(resourcesOf(tf, 'aws_ecr_repository_creation_template')).toHaveLength(1);
  });

  test('prefixes fit the 30 characters ECR allows, stay distinct, and stay stable', () => {
    const long = 'a-very-long-blueprint-name-of-32';
    expect(pullThroughPrefix('dcaa-audit', 'ghcr')).toBe('dcaa-audit/ghcr');
    expect(pullThroughPrefix(long, 'chainguard').length).toBeLessThanOrEqual(30);
    expect(pullThroughPrefix(long, 'chainguard')).toBe(pullThroughPrefix(long, 'chainguard'));
    expect(pullThroughPrefix(long, 'chainguard')).not.toBe(pullThroughPrefix(`${long.slice(0, -1)}x`, 'chainguard'));
    expect(pullThroughPrefix(long, 'chainguard')).toMatch(/^[a-z0-9]+(?:[._-][a-z0-9]+)*\/chainguard$/);
  });

  test('refuses an empty or repeated upstream list', () => {
    expect(() => synthConstructs((scope) => new PullThroughCache(scope, 'c', { namePrefix: 'x', upstreams: [] }))).toThrow(/upstreams must name at least one registry/);
    expect(() => synthConstructs((scope) => new PullThroughCache(scope, 'c', { namePrefix: 'x', upstreams: [upstream('quay.io'), upstream('quay.io')] }))).toThrow(/must not repeat/);
    expect(() => synthConstructs((scope) => new PullThroughCache(scope, 'c', { namePrefix: 'x', upstreams: [upstream('ghcr.io')], credentialSecretNames: { 'ghcr.io': 'github' } }))).toThrow(
      /credentialSecretNames must start with ecr-pullthroughcache\//,
    );
  });
});
