import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../support/cli';
import { EXAMPLE_BLUEPRINT_PATH } from '../support/synth';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hms-synth-'));
  mkdirSync(join(dir, 'blueprints'));
  writeFileSync(join(dir, 'blueprints', 'dcaa-audit.yml'), readFileSync(EXAMPLE_BLUEPRINT_PATH));
  return dir;
}

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

  test('says plainly that the azure target is not built yet', () => {
    expect(first.stderr).toContain('note: blueprints/dcaa-audit.yml: the azure target is not built by this version');
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

  test('--out writes elsewhere, and named blueprints only', async () => {
    const r = await runCli(['synth', 'blueprints/dcaa-audit.yml', '--out', 'elsewhere'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'elsewhere', 'stacks', 'dcaa-audit-aws', 'cdk.tf.json'))).toBe(true);
  });

  test('a blueprint that targets only azure writes no AWS stack', async () => {
    const only = project();
    writeFileSync(join(only, 'blueprints', 'dcaa-audit.yml'), `clouds: [azure]\n${readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8')}`);
    const r = await runCli(['synth'], only);
    expect(r.code).toBe(0);
    expect(existsSync(join(only, 'cdktf.out', 'stacks', 'dcaa-audit-aws'))).toBe(false);
  });
});
