import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
// jsii names these two classes with an A suffix (their plain names are taken by nested types).
import { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA as S3BucketVersioning } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { PropsValidator } from '../core/errors';
import { CustomerManagedKey } from './customer-managed-key';
import { denyWithoutTls, policyDocument } from './private/policy-document';

export interface StateBucketProps {
  /** Globally unique bucket name, e.g. `dcaa-terraform-state-123456789012`. */
  readonly bucketName: string;
}

/**
 * A bucket for Terraform state: encrypted by default with a customer key
 * (SC-28, SC-28(1)), versioned so a bad write can be rolled back (CP-9),
 * TLS-only (SC-8), never public, objects owned by the bucket owner, and
 * protected from destroy. Terraform 1.10+ locks state with a lock file in the
 * bucket itself, so no DynamoDB table is needed.
 */
export class StateBucket extends Construct {
  public readonly bucketName: string;
  public readonly bucketArn: string;
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    new PropsValidator('StateBucket', this.node.path)
      .check(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(props.bucketName) && !props.bucketName.includes('..'), `bucketName (${props.bucketName}) must be a valid S3 bucket name: 3 to 63 lowercase letters, digits, "." and "-"`)
      .throwIfAny();
    const key = new CustomerManagedKey(this, 'Key', { description: `Terraform state in ${props.bucketName}`, aliasName: `hms-sys/terraform-state/${props.bucketName}` });
    const bucket = new S3Bucket(this, 'Resource', { bucket: props.bucketName, forceDestroy: false, lifecycle: { preventDestroy: true } });
    new S3BucketPublicAccessBlock(this, 'PublicAccessBlock', { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    new S3BucketOwnershipControls(this, 'Ownership', { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketServerSideEncryptionConfiguration(this, 'Encryption', {
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.kmsKeyArn }, bucketKeyEnabled: true }],
    });
    new S3BucketVersioning(this, 'Versioning', { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketPolicy(this, 'Policy', {
      bucket: bucket.id,
      policy: policyDocument([denyWithoutTls('DenyPlainHttp', 's3:*', [bucket.arn, `${bucket.arn}/*`])]),
    });
    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.kmsKeyArn = key.kmsKeyArn;
  }
}
