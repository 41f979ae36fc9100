import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleProject, runCli, type CliResult } from '../support/cli';

const BUCKET = 'stateBucket:\n  bucket: dcaa-terraform-state\n';
const TFC = 'terraformCloud:\n  organization: dcaa\n';
const report = (dir: string, stack: string) => JSON.parse(readFileSync(join(dir, 'cdktf.out', 'stacks', stack, 'policy-report.json'), 'utf8'));

describe('synth --strict applies to every stack hms-sys writes', () => {
  // aws only: the shared stacks are what is under test, and one cloud halves the synth.
  const bucketProject = exampleProject((y) => `${BUCKET}clouds: [aws]\n${y}`);
  const tfcProject = exampleProject((y) => `${TFC}clouds: [aws]\n${y}`);
  let bucketStrict: CliResult;
  let tfcStrict: CliResult;
  beforeAll(async () => {
    bucketStrict = await runCli(['synth', '--strict'], bucketProject);
    tfcStrict = await runCli(['synth', '--strict'], tfcProject);
  });

  test('the S3 state-bucket stack: its warning (no access logging) blocks under --strict, exit 1, nothing written', () => {
    expect(bucketStrict.code).toBe(1);
    expect(bucketStrict.stderr).toMatch(/^policy gate: 1 blocking finding\(s\); nothing was written:\n {2}\[HMS-S3-4\] hms-sys-state-dcaa-terraform-state\/state-bucket\/Resource: no access logging/);
    expect(readdirSync(bucketProject)).not.toContain('cdktf.out');
  });

  test('the Terraform Cloud workspaces stack is evaluated strictly: its policy report says so', () => {
    expect(tfcStrict.code).toBe(0);
    expect(report(tfcProject, 'hms-sys-tfc-dcaa')).toMatchObject({ strict: true, blocking: 0 });
    expect(report(tfcProject, 'dcaa-audit-aws')).toMatchObject({ strict: true });
  });

  test('without --strict the state-bucket stack synthesizes with its warning', async () => {
    const r = await runCli(['synth'], bucketProject);
    expect(r.code).toBe(0);
    expect(report(bucketProject, 'hms-sys-state-dcaa-terraform-state')).toMatchObject({ strict: false, blocking: 0, warnings: 1 });
  });
});
