import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = 'test/policy/fixtures';

describe('hms-sys check', () => {
  test.each([
    ['an unencrypted EBS volume', 'insecure-aws.tf.json', 'HMS-EBS-1', 'SC-28'],
    ['a security group open to the world on port 22', 'insecure-aws.tf.json', 'HMS-SG-1', 'SC-7'],
    ['a public EKS endpoint', 'insecure-aws.tf.json', 'HMS-EKS-1', 'AC-4'],
    ['IMDSv1', 'insecure-aws.tf.json', 'HMS-LT-3', 'AC-6'],
    ['an AKS cluster with local accounts', 'insecure-azure.tf.json', 'HMS-AKS-8', 'IA-2'],
    ['a FIPS-disabled AKS node pool', 'insecure-azure.tf.json', 'HMS-AKS-13', 'SC-13'],
    ['an Azure disk without a customer key', 'insecure-azure.tf.json', 'HMS-DISK-1', 'SC-12'],
    ['a privileged Kubernetes container', 'insecure-k8s.tf.json', 'HMS-K8S-1', 'AC-6'],
    ['HCL: an unencrypted volume in an existing .tf folder', 'hcl', 'HMS-EBS-1', 'SC-28'],
    ['a plan (terraform show -json) with IMDSv1', 'plan.json', 'HMS-LT-3', 'AC-6'],
  ])('%s exits 1 and names the control', async (_name, fixture, ruleId, control) => {
    const r = await runCli(['check', `${FIXTURES}/${fixture}`], ROOT);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`FAIL +\\[${ruleId}\\]`));
    const controlsLine = r.stdout.split('\n').findIndex((l) => l.includes(`[${ruleId}]`)) + 1;
    expect(r.stdout.split('\n')[controlsLine]).toContain(control);
  });

  test('our synthesized output passes with exit 0', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hms-check-')), 'cdktf.out');
    expect((await runCli(['synth', '--out', out], ROOT)).code).toBe(0);
    const r = await runCli(['check', out], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ \d+ resources, 79 rules \(fedramp-moderate, hipaa\): \d+ checks passed, 0 blocking, 0 warnings/m);
  });

  test('a plan that deletes a volume is refused by the stateful guard unless allowed by name', async () => {
    const refused = await runCli(['check', `${FIXTURES}/plan-deletes-volume.json`], ROOT);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      '[stateful-guard] aws_ebs_volume.records would be deleted: an EBS volume: its data is lost; its configuration was removed. If that is intended, re-run with --allow-destroy aws_ebs_volume.records',
    );
    const allowed = await runCli(['check', `${FIXTURES}/plan-deletes-volume.json`, '--allow-destroy', 'aws_ebs_volume.records'], ROOT);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain('allowed: aws_ebs_volume.records will be deleted (--allow-destroy)');
  });

  test('--format json is the report', async () => {
    const r = await runCli(['check', `${FIXTURES}/insecure-k8s.tf.json`, '--format', 'json'], ROOT);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ packs: ['fedramp-moderate', 'hipaa'], blocking: 1 });
  });

  test('--format sarif --output writes SARIF for code scanning and prints the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-check-'));
    const r = await runCli(['check', `${FIXTURES}/insecure-aws.tf.json`, '--format', 'sarif', '--output', join(dir, 'hms.sarif')], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^✘ 4 resources/);
    const sarif = JSON.parse(readFileSync(join(dir, 'hms.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`${FIXTURES}/insecure-aws.tf.json`);
  });

  test('--format junit', async () => {
    const r = await runCli(['check', `${FIXTURES}/insecure-k8s.tf.json`, '--format', 'junit'], ROOT);
    expect(r.stdout).toContain('<failure message="No container runs privileged">');
  });

  test('--pack hipaa and --strict', async () => {
    const r = await runCli(['check', `${FIXTURES}/insecure-k8s.tf.json`, '--pack', 'hipaa', '--strict'], ROOT);
    expect(r.stdout).toMatch(/\(hipaa, strict\)/);
  });

  test.each([
    [['check'], /name what to scan/],
    [['check', 'nowhere.json'], /nowhere.json does not exist/],
    [['check', 'README.md'], /reads .json files and folders/],
    [['check', `${FIXTURES}/plan.json`, '--format', 'html'], /--format html is not supported; formats: text, json, sarif, junit/],
    [['check', `${FIXTURES}/plan.json`, '--pack', 'pci'], /unknown policy pack "pci"/],
  ])('%p is a user error', async (argv, message) => {
    const r = await runCli(argv, ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});
