import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleProject, runCli, type CliResult } from '../support/cli';
import { EXAMPLE_BLUEPRINT_PATH } from '../support/synth';

const project = () => exampleProject();

describe('hms-sys synth', () => {
  const dir = project();
  let first: CliResult;
  beforeAll(async () => {
    first = await runCli(['synth'], dir);
  });

  test('writes cdktf.out/stacks/dcaa-audit-aws/cdk.tf.json and a manifest, exit 0', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /✔ dcaa-audit-aws: \d+ resources, policy fedramp-moderate \+ hipaa: \d+ checks passed, 0 warnings -> cdktf.out\/stacks\/dcaa-audit-aws\/cdk.tf.json/,
    );
    const tf = JSON.parse(readFileSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'cdk.tf.json'), 'utf8'));
    expect(tf.resource.aws_eks_cluster).toBeDefined();
    expect(existsSync(join(dir, 'cdktf.out', 'manifest.json'))).toBe(true);
  });

  test('writes the Azure stack too, and explains how the node pool is named on AKS', () => {
    expect(first.stdout).toMatch(/✔ dcaa-audit-azure: \d+ resources, policy fedramp-moderate \+ hipaa: \d+ checks passed, 0 warnings -> cdktf.out\/stacks\/dcaa-audit-azure\/cdk.tf.json/);
    expect(first.stderr).toContain('note: blueprints/dcaa-audit.yml: AKS node pool names allow 12 lowercase letters and digits: "dcaa-secure" is "dcaasecure" on Azure');
  });

  test('a failing synth leaves the previous output whole and no staging folder behind', async () => {
    const before = readFileSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'cdk.tf.json'), 'utf8');
    writeFileSync(join(dir, 'blueprints', 'broken.yml'), 'nodePool: {}\n');
    const r = await runCli(['synth'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken.yml:1:1 {2}nodePool.name: required; e.g. dcaa-secure/);
    expect(readFileSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'cdk.tf.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('staging'))).toEqual([]);
  });

  test('writes a policy report beside each stack: rules, findings, acknowledgements, controls covered', () => {
    const report = JSON.parse(readFileSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'policy-report.json'), 'utf8'));
    expect(report).toMatchObject({ packs: ['fedramp-moderate', 'hipaa'], blocking: 0, findings: [], acknowledgements: [] });
    expect(report.rulesEvaluated).toHaveLength(103);
    expect(report.controlsCovered['NIST 800-53']).toContain('SC-28');
  });

  test('the policy gate refuses a blocking finding, naming rule and control, and keeps the previous output', async () => {
    const gated = project();
    expect((await runCli(['synth'], gated)).code).toBe(0);
    const before = readFileSync(join(gated, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'cdk.tf.json'), 'utf8');
    const weakened = readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8').replace('  baseline: cis-level-2', '  baseline: cis-level-2\n  metadataHopLimit: 2');
    writeFileSync(join(gated, 'blueprints', 'dcaa-audit.yml'), weakened);
    const r = await runCli(['synth', '--strict'], gated);
    expect(r.code).toBe(1);
    // Under --strict the Azure flow-log account's warnings (HMS-ST-7, HMS-ST-8) block too.
    expect(r.stderr).toMatch(/^policy gate: \d+ blocking finding\(s\); nothing was written:\n {2}\[HMS-LT-4\] dcaa-audit-aws\/node-pool\/LaunchTemplate: hop limit is 2: pods can reach node credentials \(NIST 800-53 AC-6, CM-2; HIPAA 164.308\(a\)\(4\)\)/);
    expect(readFileSync(join(gated, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'cdk.tf.json'), 'utf8')).toBe(before);
  });

  test('without --strict the same blueprint synthesizes, reporting the warning', async () => {
    const relaxed = project();
    writeFileSync(
      join(relaxed, 'blueprints', 'dcaa-audit.yml'),
      readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8').replace('  baseline: cis-level-2', '  baseline: cis-level-2\n  metadataHopLimit: 2'),
    );
    const r = await runCli(['synth'], relaxed);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 warnings ->/);
  });

  test('--out writes elsewhere, and named blueprints only', async () => {
    const r = await runCli(['synth', 'blueprints/dcaa-audit.yml', '--out', 'elsewhere'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'elsewhere', 'stacks', 'dcaa-audit-aws', 'cdk.tf.json'))).toBe(true);
  });

  test.each([
    ['azure', 'aws'],
    ['aws', 'azure'],
  ])('a blueprint that targets only %s writes no %s stack', async (cloud, other) => {
    const only = project();
    writeFileSync(join(only, 'blueprints', 'dcaa-audit.yml'), `clouds: [${cloud}]\n${readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8')}`);
    const r = await runCli(['synth'], only);
    expect(r.code).toBe(0);
    expect(readdirSync(join(only, 'cdktf.out', 'stacks')).sort()).toEqual([`dcaa-audit-${cloud}`, `dcaa-audit-${cloud}-k8s`]);
    expect(existsSync(join(only, 'cdktf.out', 'stacks', `dcaa-audit-${other}`))).toBe(false);
  });
});
