/**
 * `hms-sys plan --offline` end to end, for the Terraform stage: the example's AWS
 * stack planned with the real hashicorp/aws 5.100.0 and no credentials, its Azure
 * stack reported as not reviewed (no azurerm binary here), a hand-written stack
 * with an unencrypted volume refused by the policy packs on its review plan, and
 * Ctrl-C in the middle of a plan leaving no temporary folder behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_PROVIDER_VERSION } from '../../lib/terraform/environment';
import { exampleProject } from '../support/cli';
import type { DemoCase } from './stateful-guard-demo';

/** A stack as an agency's own `cdktf synth` might write it: a raw EBS volume, no baseline, not encrypted. */
function unencryptedStack(): object {
  return {
    terraform: { required_providers: { aws: { source: 'aws', version: AWS_PROVIDER_VERSION } }, backend: { local: { path: 'must-not-be-touched.tfstate' } } },
    provider: { aws: [{ region: 'us-gov-west-1' }] },
    data: { aws_availability_zones: { zones: {} } },
    resource: { aws_ebs_volume: { records: { availability_zone: '${data.aws_availability_zones.zones.names[0]}', size: 100, type: 'gp3', encrypted: false } } },
  };
}

/** Runs the CLI and resolves with its exit code and output; `interruptAfter` sends SIGINT once stdout holds it. */
function runCli(bin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, interruptAfter?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (d) => {
      stdout += d;
      if (interruptAfter && !interrupted && stdout.includes(interruptAfter)) {
        interrupted = true;
        // Once terraform init has started: the copy exists and a child runs.
        setTimeout(() => child.kill('SIGINT'), 1500);
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

export async function runOfflinePlanDemo(env: NodeJS.ProcessEnv, bin: string, awsResourceCount: number): Promise<DemoCase[]> {
  const project = exampleProject();
  // Each run gets its own temporary folder, so that what it leaves behind can be seen.
  const tmp = (name: string) => {
    mkdirSync(join(project, name), { recursive: true });
    return join(project, name);
  };
  const cliEnv = (name: string) => ({ ...env, HMS_SYS_FROM_SOURCE: '1', TMPDIR: tmp(name) });

  const example = await runCli(bin, ['plan', '--offline', 'dcaa-audit-aws', 'dcaa-audit-azure', '--review-out', 'reviews'], project, cliEnv('tmp-example'));
  let saved: Record<string, any> = {};
  try {
    saved = JSON.parse(readFileSync(join(project, 'reviews', 'dcaa-audit-aws.review-plan.json'), 'utf8'));
  } catch {
    saved = {};
  }
  const creates = (saved.resource_changes ?? []).filter((c: any) => c.change?.actions?.join() === 'create').length;

  const agency = mkdtempSync(join(project, 'agency-'));
  mkdirSync(join(agency, 'cdktf.out', 'stacks', 'records'), { recursive: true });
  writeFileSync(join(agency, 'cdktf.out', 'stacks', 'records', 'cdk.tf.json'), JSON.stringify(unencryptedStack()));
  const bad = await runCli(bin, ['plan', '--offline', '--synthesized', 'cdktf.out'], agency, cliEnv('tmp-bad'));

  const interrupted = await runCli(bin, ['plan', '--offline', 'dcaa-audit-aws'], project, cliEnv('tmp-interrupted'), 'dcaa-audit-aws: terraform init');
  // Terraform, stopped by the signal too, may still be closing its files.
  spawnSync('sleep', ['1']);

  const left = (name: string) => readdirSync(join(project, name));
  return [
    {
      name: 'plan --offline: the example AWS stack is planned without credentials, labelled, every synthesized resource to create; the Azure stack is named as not reviewed (exit 3)',
      passed:
        example.code === 3 &&
        /^review plan: what would be created in an empty account: not a diff against deployed state/m.test(example.stdout) &&
        new RegExp(`✔ dcaa-audit-aws \\(review plan\\): ${awsResourceCount} to create in an empty account`).test(example.stdout) &&
        /mocked values:[\s\S]*data\.aws_caller_identity\.\S+ \(account_id=123456789012/.test(example.stdout) &&
        /dcaa-audit-azure: not reviewed: terraform init failed: .*hashicorp\/azurerm 4\.55\.0.*HMS_TF_PROVIDER_MIRROR/.test(example.stderr) &&
        /not reviewed: dcaa-audit-azure\./.test(example.stdout) &&
        saved.hms_sys_review_plan?.label?.startsWith('review plan: what would be created in an empty account') &&
        (saved.hms_sys_review_plan?.mocked_values ?? []).some((m: any) => m.address.startsWith('data.aws_region.') && m.values.name === 'us-gov-west-1') &&
        creates === awsResourceCount &&
        left('tmp-example').length === 0,
      detail: `exit ${example.code}; ${creates} creates in the saved plan, ${awsResourceCount} synthesized; left in TMPDIR: ${left('tmp-example').join(', ')}\n${example.stdout}\n${example.stderr}`,
    },
    {
      name: 'plan --offline --synthesized: an agency stack with an unencrypted volume is refused on its review plan (HMS-EBS-1, exit 1), its backend untouched',
      passed:
        bad.code === 1 &&
        /\[HMS-EBS-1\] records: aws_ebs_volume\.records/.test(bad.stderr) &&
        /✘ records \(review plan\): 1 to create/.test(bad.stdout) &&
        !readdirSync(join(agency, 'cdktf.out', 'stacks', 'records')).some((f) => f !== 'cdk.tf.json') &&
        left('tmp-bad').length === 0,
      detail: `exit ${bad.code}\n${bad.stdout}\n${bad.stderr}`,
    },
    {
      name: 'plan --offline interrupted by Ctrl-C during terraform: exit 130, the temporary copy is removed',
      passed: interrupted.code === 130 && left('tmp-interrupted').length === 0,
      detail: `exit ${interrupted.code}; left in TMPDIR: ${left('tmp-interrupted').join(', ')}\n${interrupted.stdout}\n${interrupted.stderr}`,
    },
  ];
}
