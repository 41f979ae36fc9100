/**
 * An agency that installs hms-sys from a checkout (`npm install ../hms-sys`, a
 * symlink) has two copies of cdktf and constructs: its own, which makes the App and
 * its stacks, and hms-sys's, which our constructs and the baseline load.
 * `jest.isolateModules` loads that second copy here: its module-local state
 * (cdktf's `Symbol('cdktf-aspects')`, any WeakSet) is its own, exactly as in a
 * second node_modules folder.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ourCdktf from 'cdktf';
import { CustomerManagedKey } from '../../lib/aws/customer-managed-key';
import { FedRampBaseline, POLICY_REPORT_FILE } from '../../lib/policy/fedramp-baseline';

type Cdktf = typeof import('cdktf');
type EbsVolumeModule = typeof import('@cdktf/provider-aws/lib/ebs-volume');
type ProviderModule = typeof import('@cdktf/provider-aws/lib/provider');

/** The agency's own copy of cdktf and of the provider bindings built on it. */
/* eslint-disable @typescript-eslint/no-require-imports -- jest.isolateModules hands out a second copy only through require() */
function agencyCopy(): { cdktf: Cdktf; EbsVolume: EbsVolumeModule['EbsVolume']; AwsProvider: ProviderModule['AwsProvider'] } {
  let copy: ReturnType<typeof agencyCopy> | undefined;
  jest.isolateModules(() => {
    copy = {
      cdktf: require('cdktf') as Cdktf,
      EbsVolume: (require('@cdktf/provider-aws/lib/ebs-volume') as EbsVolumeModule).EbsVolume,
      AwsProvider: (require('@cdktf/provider-aws/lib/provider') as ProviderModule).AwsProvider,
    };
  });
  return copy!;
}
/* eslint-enable @typescript-eslint/no-require-imports */

const REASON = 'build cache only; holds no federal data (SEC-1234)';

/** An agency stack on the agency's cdktf: its own volume, one of our keys, the baseline; synthesized by its own App. */
function synthAgencyStack(acknowledge: boolean): { outdir: string; synth: () => void } {
  const agency = agencyCopy();
  const outdir = mkdtempSync(join(tmpdir(), 'hms-two-copies-'));
  const app = new agency.cdktf.App({ outdir });
  const stack = new agency.cdktf.TerraformStack(app, 'agency');
  new agency.AwsProvider(stack, 'aws', { region: 'us-gov-west-1' });
  // One of our constructs, made with our copy of cdktf, in the agency's stack.
  new CustomerManagedKey(stack as unknown as ourCdktf.TerraformStack, 'key', { description: 'agency records', aliasName: 'alias/agency-records' });
  // Not encrypted: HMS-EBS-1 is a blocking finding.
  const volume = new agency.EbsVolume(stack, 'scratch', { availabilityZone: 'us-gov-west-1a', size: 10 });
  FedRampBaseline.of(stack as unknown as ourCdktf.TerraformStack);
  if (acknowledge) FedRampBaseline.acknowledge(volume, 'HMS-EBS-1', REASON);
  return { outdir, synth: () => app.synth() };
}

describe('FedRampBaseline with a second copy of cdktf', () => {
  test('the copy is really a second one (its Aspects registry is not ours)', () => {
    const agency = agencyCopy();
    expect(agency.cdktf.Aspects).not.toBe(ourCdktf.Aspects);
    expect(agency.cdktf.App).not.toBe(ourCdktf.App);
  });

  describe('with an acknowledgement', () => {
    const { outdir, synth } = synthAgencyStack(true);
    synth();
    const stackDir = join(outdir, 'stacks', 'agency');
    const read = (file: string) => JSON.parse(readFileSync(join(stackDir, file), 'utf8'));

    test('the agency App writes the acknowledgement into cdk.tf.json, where hms-sys check reads it', () => {
      expect(read('cdk.tf.json').resource.aws_ebs_volume.scratch['//']['hms-sys:acknowledgements']).toEqual([{ ruleId: 'HMS-EBS-1', reason: REASON }]);
    });

    test('the agency App writes the policy report beside cdk.tf.json, with the acknowledgement as evidence', () => {
      const report = read(POLICY_REPORT_FILE);
      expect(report.blocking).toBe(0);
      expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'HMS-EBS-1', acknowledgedBecause: REASON, blocking: false })]));
    });
  });

  test('without the acknowledgement the agency App refuses the stack and writes nothing', () => {
    const { outdir, synth } = synthAgencyStack(false);
    expect(synth).toThrow(/\[HMS-EBS-1\] agency\/scratch/);
    expect(existsSync(join(outdir, 'stacks', 'agency', 'cdk.tf.json'))).toBe(false);
  });
});
