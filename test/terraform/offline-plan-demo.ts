/**
 * `hms-sys plan --offline` end to end, for the Terraform stage: the example's AWS
 * stack planned with the real hashicorp/aws 5.100.0 and no credentials, its Azure
 * stack reported as not reviewed (no azurerm binary here), a hand-written stack
 * with an unencrypted volume refused by the policy packs on its review plan, and
 * Ctrl-C in the middle of a plan leaving no temporary folder behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
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

/** Processes whose cwd or command line points into `dir` (a run's TMPDIR): what an interrupted run must not leave. */
function processesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (cwd.startsWith(dir) || args.includes(dir)) found.push(`${pid} ${args.slice(0, 160)} (cwd ${cwd})`);
    } catch {
      // Gone, a zombie, or another user's.
    }
  }
  return found;
}

/** How an interrupted run is interrupted: the first signal, and a second one some time later. */
interface Interruption {
  /** Signal the process group of a detached hms-sys (a terminal's Ctrl-C), not hms-sys alone. */
  readonly group?: boolean;
  readonly then?: { readonly signal: NodeJS.Signals; readonly afterMs: number };
}

/**
 * Runs the CLI and resolves with its exit code and output. With `interruptIn`,
 * sends SIGINT once Terraform's AWS provider runs in that folder (the plan is
 * under way), and records how long hms-sys took to exit after it.
 */
function runCli(
  bin: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  interruptIn?: string,
  how: Interruption = {},
): Promise<{ code: number | null; stdout: string; stderr: string; exitMs?: number; atExit: string[] }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env, detached: how.group === true });
    let stdout = '';
    let stderr = '';
    let interruptedAt: number | undefined;
    const send = (signal: NodeJS.Signals) => (how.group ? process.kill(-(child.pid as number), signal) : child.kill(signal));
    const poll = interruptIn
      ? setInterval(() => {
          if (interruptedAt !== undefined || !processesUnder(interruptIn).some((p) => p.includes('terraform-provider-aws'))) return;
          interruptedAt = Date.now();
          clearInterval(poll);
          send('SIGINT');
          if (how.then) setTimeout(() => child.exitCode === null && send(how.then!.signal), how.then.afterMs);
        }, 250)
      : undefined;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      // Looked at the moment hms-sys exits: it must have waited for Terraform, not left it stopping.
      const atExit = interruptIn ? processesUnder(interruptIn) : [];
      done({ atExit, code, stdout, stderr, exitMs: interruptedAt === undefined ? undefined : Date.now() - interruptedAt });
    });
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
  // A configuration Terraform refuses (a string where a bool must be): its error, not "missing provider".
  const broken = mkdtempSync(join(project, 'broken-'));
  mkdirSync(join(broken, 'cdktf.out', 'stacks', 'records'), { recursive: true });
  const invalid = unencryptedStack() as { resource: { aws_ebs_volume: { records: Record<string, unknown> } } };
  invalid.resource.aws_ebs_volume.records.lifecycle = { prevent_destroy: 'yes please' };
  writeFileSync(join(broken, 'cdktf.out', 'stacks', 'records', 'cdk.tf.json'), JSON.stringify(invalid));
  const misconfigured = await runCli(bin, ['plan', '--offline', '--synthesized', 'cdktf.out'], broken, cliEnv('tmp-misconfigured'));

  // Three interruptions while the plan runs (the provider is up): SIGINT to hms-sys alone; SIGINT to the
  // process group of a detached hms-sys, as a terminal's Ctrl-C; SIGINT then SIGTERM a second later.
  const interruptions: [string, Interruption, number][] = [
    ['tmp-interrupted', {}, 130],
    ['tmp-interrupted-group', { group: true }, 130],
    ['tmp-interrupted-twice', { then: { signal: 'SIGTERM', afterMs: 1000 } }, 130],
  ];
  const interrupted = [];
  for (const [name, how, code] of interruptions) {
    const run = await runCli(bin, ['plan', '--offline', 'dcaa-audit-aws'], project, cliEnv(name), tmp(name), how);
    // A process of the run alive when hms-sys exited, or a second later, is a leak.
    spawnSync('sleep', ['1']);
    interrupted.push({ name, how, expected: code, run, processes: [...new Set([...run.atExit, ...processesUnder(tmp(name))])] });
  }

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
      name: 'plan --offline: a stack Terraform refuses (prevent_destroy not a bool) is reported with Terraform\'s error, not as a missing provider (exit 3)',
      passed:
        misconfigured.code === 3 &&
        /records: not reviewed: Terraform refused the stack's configuration \(terraform init\): Error: Unsuitable value type: on cdk\.tf\.json line \d+, in resource\.aws_ebs_volume\.records\.lifecycle: .*a bool is required/.test(misconfigured.stderr) &&
        !/provider binaries/.test(misconfigured.stderr) &&
        left('tmp-misconfigured').length === 0,
      detail: `exit ${misconfigured.code}\n${misconfigured.stdout}\n${misconfigured.stderr}`,
    },
    ...interrupted.map(({ name, how, expected, run, processes }) => ({
      name: `plan --offline interrupted while the provider runs (${how.group ? 'SIGINT to the process group, as Ctrl-C in a terminal' : how.then ? `SIGINT, then ${how.then.signal} ${how.then.afterMs} ms later` : 'SIGINT to hms-sys alone'}): exit ${expected}, no terraform or provider process of the run left, the temporary copy removed`,
      passed: run.code === expected && processes.length === 0 && left(name).length === 0,
      detail: `exit ${run.code} ${run.exitMs ?? '?'} ms after the first signal; processes left: ${processes.join('; ') || 'none'}; left in TMPDIR: ${left(name).join(', ')}\n${run.stdout}\n${run.stderr}`,
    })),
  ];
}
