/**
 * The stateful-resource guard on real Terraform plans, offline: a stack with an
 * encrypted volume is synthesized (v1) and its state built by hand; then the
 * blueprint changes so that the volume would be replaced (another zone) or
 * deleted (its configuration removed, where prevent_destroy no longer applies),
 * the real AWS provider plans it with -refresh=false, and `hms-sys check` must
 * refuse the plan, naming the volume and why, unless --allow-destroy names it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { EncryptedVolume } from '../../lib/aws/encrypted-volume';

export interface DemoCase {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

type Variant = 'v1' | 'other-zone' | 'removed' | 'retagged';

function synthVariant(dir: string, variant: Variant): Record<string, any> {
  const app = new App({ outdir: join(dir, `out-${variant}`), skipValidation: true });
  const stack = new TerraformStack(app, 'guard');
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  // Static credentials and skips: the provider makes no API call when nothing is refreshed.
  new AwsProvider(stack, 'aws', {
    region: 'us-gov-west-1',
    accessKey: 'offline',
    secretKey: 'offline',
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: 'true',
    skipRegionValidation: true,
  });
  if (variant !== 'removed') {
    new EncryptedVolume(stack, 'volume', {
      volumeName: variant === 'retagged' ? 'records-2026' : 'records',
      namePrefix: 'guard',
      sizeGiB: 100,
      availabilityZone: variant === 'other-zone' ? 'us-gov-west-1b' : 'us-gov-west-1a',
      kmsKey: { kmsKeyArn: 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/11111111-2222-3333-4444-555555555555' },
      // What the guard exists for: a volume whose protection was lifted, or never set.
      preventDestroy: false,
    });
  }
  app.synth();
  return JSON.parse(readFileSync(join(dir, `out-${variant}`, 'stacks', 'guard', 'cdk.tf.json'), 'utf8'));
}

/** A state file in which v1's resources exist with the attributes v1 gives them. */
function stateOf(v1: Record<string, any>): string {
  const resources = Object.entries<Record<string, any>>(v1.resource).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, values]) => {
      const { lifecycle, depends_on, '//': metadata, ...attributes } = values;
      return {
        mode: 'managed',
        type,
        name,
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 0, attributes: { ...attributes, id: 'vol-0123456789abcdef0', tags_all: attributes.tags ?? {} }, sensitive_attributes: [] }],
      };
    }),
  );
  return JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, lineage: '3f6a1d2e-0000-4000-8000-000000000001', outputs: {}, resources });
}

export function runGuardDemo(work: string, env: NodeJS.ProcessEnv, cli: string): DemoCase[] {
  mkdirSync(work, { recursive: true });
  const v1 = synthVariant(work, 'v1');
  const volumeAddress = `aws_ebs_volume.${Object.keys(v1.resource.aws_ebs_volume)[0]}`;
  const state = stateOf(v1);
  const cases: [Variant, RegExp | undefined][] = [
    ['other-zone', /aws_ebs_volume\.\S+ would be replaced: an EBS volume: its data is lost; a changed attribute cannot be updated in place \(availability_zone\)/],
    ['removed', /aws_ebs_volume\.\S+ would be deleted: an EBS volume: its data is lost; its configuration was removed/],
    ['retagged', undefined],
  ];
  const results: DemoCase[] = [];
  // One working folder, initialized once: every variant has v1's backend and
  // provider requirements, so only the configuration and the state change.
  const dir = join(work, 'plan');
  mkdirSync(dir, { recursive: true });
  const tf = (args: string[]) => spawnSync('terraform', args, { cwd: dir, env, encoding: 'utf8' });
  copyFileSync(join(work, 'out-v1', 'stacks', 'guard', 'cdk.tf.json'), join(dir, 'cdk.tf.json'));
  const init = tf(['init', '-input=false', '-no-color']);
  for (const [variant, refusal] of cases) {
    synthVariant(work, variant);
    copyFileSync(join(work, `out-${variant}`, 'stacks', 'guard', 'cdk.tf.json'), join(dir, 'cdk.tf.json'));
    writeFileSync(join(dir, 'terraform.tfstate'), state);
    const steps = [init, tf(['plan', '-input=false', '-no-color', '-refresh=false', '-out=plan.tfplan'])];
    const failed = steps.find((s) => s.status !== 0);
    if (failed) {
      results.push({ name: `guard: ${variant}`, passed: false, detail: `terraform failed: ${failed.stdout}${failed.stderr}` });
      continue;
    }
    writeFileSync(join(dir, 'plan.json'), tf(['show', '-json', 'plan.tfplan']).stdout);
    const check = (extra: string[]) => spawnSync(process.execPath, [cli, 'check', join(dir, 'plan.json'), ...extra], { env, encoding: 'utf8' });
    const plain = check([]);
    if (refusal) {
      const allowed = check(['--allow-destroy', volumeAddress]);
      const ok = plain.status === 1 && refusal.test(plain.stderr) && allowed.status === 0 && allowed.stderr.includes(`allowed: ${volumeAddress}`);
      results.push({ name: `guard refuses a real plan that ${variant === 'removed' ? 'deletes' : 'replaces'} the volume, and lets it through by name`, passed: ok, detail: `${plain.status} ${plain.stderr} / ${allowed.status} ${allowed.stderr}` });
    } else {
      results.push({ name: 'guard lets an in-place change (a new Name tag) through', passed: plain.status === 0, detail: `${plain.status} ${plain.stderr}` });
    }
  }
  return results;
}
