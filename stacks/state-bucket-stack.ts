import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { StateBucket } from '../lib/aws/state-bucket';
import type { S3StateSettings } from '../lib/blueprint/blueprint';
import { FedRampBaseline } from '../lib/policy/fedramp-baseline';
import { localBackend } from './backend';

/**
 * Bootstraps the S3 bucket that holds every other stack's state. Its own state
 * is local (it must exist before the bucket does): keep terraform-state/ safe,
 * or migrate it into the bucket after the first apply.
 */
export class StateBucketStack extends TerraformStack {
  constructor(scope: Construct, id: string, settings: S3StateSettings) {
    super(scope, id);
    localBackend(this, id);
    FedRampBaseline.of(this);
    new AwsProvider(this, 'aws', { region: settings.region, defaultTags: [{ tags: { 'managed-by': 'hms-sys', 'hms-sys:purpose': 'terraform-state' } }] });
    const bucket = new StateBucket(this, 'state-bucket', { bucketName: settings.bucket });
    new TerraformOutput(this, 'bucket_name', { value: bucket.bucketName });
    new TerraformOutput(this, 'kms_key_arn', { value: bucket.kmsKeyArn });
  }
}
