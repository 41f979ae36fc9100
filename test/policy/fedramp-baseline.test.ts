import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Testing } from 'cdktf';
import { FedRampBaseline } from '../../lib/policy/fedramp-baseline';
import { EksStack } from '../../stacks/eks-stack';
import { exampleBlueprint } from '../support/synth';

function stackWith(add: (stack: EksStack) => void): EksStack {
  const stack = new EksStack(Testing.app(), 'dcaa-audit-aws', { blueprint: exampleBlueprint() });
  add(stack);
  return stack;
}

describe('FedRampBaseline', () => {
  test('our stack for the example blueprint has no blocking finding and no warning', () => {
    const stack = stackWith(() => undefined);
    expect(stack.node.validate()).toEqual([]);
    expect(FedRampBaseline.of(stack).report).toMatchObject({ blocking: 0, findings: [] });
  });

  test('raw insecure resources added next to our constructs fail the stack validation, naming the control', () => {
    const stack = stackWith((s) => {
      new EbsVolume(s, 'scratch', { availabilityZone: 'us-gov-west-1a', size: 10 });
      new SecurityGroup(s, 'ssh', { description: 'ssh', ingress: [{ description: 'ssh', fromPort: 22, toPort: 22, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] }] });
    });
    const errors = stack.node.validate();
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[HMS-EBS-1\] dcaa-audit-aws\/scratch: the volume is not encrypted \(NIST 800-53 SC-28, SC-28\(1\); HIPAA 164.312\(a\)\(2\)\(iv\)\)/),
        expect.stringMatching(/^\[HMS-SG-1\] dcaa-audit-aws\/ssh: port 22 is open to the internet/),
      ]),
    );
  });

  test('a failing stack aborts app.synth()', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'hms-baseline-')) });
    const stack = new EksStack(app, 'x-aws', { blueprint: exampleBlueprint() });
    new EbsVolume(stack, 'scratch', { availabilityZone: 'a', size: 10 });
    expect(() => app.synth()).toThrow(/HMS-EBS-1/);
  });

  test('an acknowledgement on a construct covers its resources, travels in cdk.tf.json and is recorded', () => {
    const stack = stackWith((s) => {
      const volume = new EbsVolume(s, 'scratch', { availabilityZone: 'a', size: 10, encrypted: true });
      FedRampBaseline.acknowledge(volume, 'HMS-EBS-2', 'build cache only; holds no federal data (SEC-1234)');
    });
    expect(stack.node.validate()).toEqual([]);
    const report = FedRampBaseline.of(stack).report!;
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'HMS-EBS-2', acknowledgedBecause: 'build cache only; holds no federal data (SEC-1234)', blocking: false })]);
    // Testing.synth strips `//` metadata; the artefact is what a full synth writes.
    const outdir = Testing.fullSynth(stack);
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'dcaa-audit-aws', 'cdk.tf.json'), 'utf8'));
    expect(json.resource.aws_ebs_volume.scratch['//']['hms-sys:acknowledgements']).toEqual([
      { ruleId: 'HMS-EBS-2', reason: 'build cache only; holds no federal data (SEC-1234)' },
    ]);
  });

  test('strict makes warnings block', () => {
    const bp = exampleBlueprint((y) => y.replace('  baseline: cis-level-2', '  baseline: cis-level-2\n  metadataHopLimit: 2'));
    const stack = new EksStack(Testing.app(), 'x-aws', { blueprint: bp, policy: { strict: true } });
    expect(stack.node.validate()).toEqual([expect.stringMatching(/^\[HMS-LT-4\] x-aws\/node-pool\/LaunchTemplate: hop limit is 2/)]);
  });

  test('an acknowledgement needs a known rule and a real reason', () => {
    const stack = stackWith(() => undefined);
    expect(() => FedRampBaseline.acknowledge(stack, 'HMS-NOPE-1', 'because we said so')).toThrow(/unknown rule "HMS-NOPE-1"/);
    expect(() => FedRampBaseline.acknowledge(stack, 'HMS-EBS-1', 'ok')).toThrow(/a reason of at least 10 characters/);
  });

  test('of() returns the same baseline for a stack', () => {
    const stack = stackWith(() => undefined);
    expect(FedRampBaseline.of(stack)).toBe(FedRampBaseline.of(stack));
  });
});
