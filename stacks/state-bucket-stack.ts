import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { StateBucket } from '../lib/aws/state-bucket';
import type { S3StateSettings } from '../lib/blueprint/blueprint';
import { FedRampBaseline, type FedRampBaselineProps } from '../lib/policy/fedramp-baseline';
import { localBackend, type BackendFactory } from './backend';

export interface StateBucketStackOptions {
  /**
   * The policy packs and strictness, as for the blueprint's own stacks (`--strict`).
   * @default both packs, not strict
   */
  readonly policy?: FedRampBaselineProps;
  /**
   * Where this stack's own state lives: local, since the bucket it creates does not exist yet.
   * @default localBackend
   */
  readonly backend?: BackendFactory;
}

/**
 * Bootstraps the S3 bucket that holds every other stack's state. Its own state
 * is local (it must exist before the bucket does): keep terraform-state/ safe,
 * or migrate it into the bucket after the first apply.
 */
export class StateBucketStack extends TerraformStack {
  constructor(scope: Construct, id: string, settings: S3StateSettings, options: StateBucketStackOptions = {}) {
    super(scope, id);
    (options.backend ?? localBackend)(this, id);
    FedRampBaseline.of(this, options.policy);
    new AwsProvider(this, 'aws', { region: settings.region, defaultTags: [{ tags: { 'managed-by': 'hms-sys', 'hms-sys:purpose': 'terraform-state' } }] });
    const bucket = new StateBucket(this, 'state-bucket', { bucketName: settings.bucket });
    new TerraformOutput(this, 'bucket_name', { value: bucket.bucketName });
    new TerraformOutput(this, 'kms_key_arn', { value: bucket.kmsKeyArn });
  }
}
