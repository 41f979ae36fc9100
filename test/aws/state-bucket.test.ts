import { StateBucket } from '../../lib/aws/state-bucket';
import { onlyResource, policyOf, synthConstructs } from '../support/synth';

describe('StateBucket', () => {
  const tf = synthConstructs((s) => new StateBucket(s, 'state', { bucketName: 'dcaa-terraform-state' }));

  test('encrypted by default with its own customer key, bucket keys on (SC-28)', () => {
    const sse = onlyResource(tf, 'aws_s3_bucket_server_side_encryption_configuration');
    expect(sse.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: expect.stringMatching(/aws_kms_key/) }, bucket_key_enabled: true }]);
    expect(onlyResource(tf, 'aws_kms_key').enable_key_rotation).toBe(true);
  });

  test('versioned, never public, owner-enforced, protected from destroy (CP-9, AC-3)', () => {
    expect(onlyResource(tf, 'aws_s3_bucket_versioning').versioning_configuration).toEqual({ status: 'Enabled' });
    expect(onlyResource(tf, 'aws_s3_bucket_public_access_block')).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    expect(onlyResource(tf, 'aws_s3_bucket_ownership_controls').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
    expect(onlyResource(tf, 'aws_s3_bucket')).toMatchObject({ bucket: 'dcaa-terraform-state', force_destroy: false, lifecycle: { prevent_destroy: true } });
  });

  test('refuses requests that are not over TLS (SC-8)', () => {
    const [statement] = policyOf(onlyResource(tf, 'aws_s3_bucket_policy')).Statement;
    expect(statement).toMatchObject({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });

  test('refuses an invalid bucket name', () => {
    expect(() => synthConstructs((s) => new StateBucket(s, 'state', { bucketName: 'Not_Valid' }))).toThrow(/StateBucket.bucketName \(Not_Valid\) must be a valid S3 bucket name/);
  });
});
