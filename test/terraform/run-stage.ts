/**
 * The Terraform stage of `npm test`: synthesizes every example blueprint and
 * every fixture in test/terraform/blueprints/, then for each AWS stack runs an
 * offline plan (`terraform test` with a mocked AWS provider, which validates the
 * configuration first) against the machine's provider mirror. Providers are
 * installed once and shared by every stack; two stacks are planned at a time.
 *
 * It fails loudly: a missing terraform binary, a missing mirror or any Terraform
 * error exits non-zero. It never skips.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadBlueprints } from '../../lib/blueprint/load';
import { synthesizeBlueprints } from '../../lib/cli/synthesize';
import { AWS_PROVIDER_VERSION, MIRROR_ENV, terraformEnvironment } from '../../lib/terraform/environment';
import { BUILT_CLI, buildTestCli } from '../support/built-cli';
import { exampleProject } from '../support/cli';
import { runOfflinePlanDemo } from './offline-plan-demo';
import { runGuardDemo, type DemoCase } from './stateful-guard-demo';

const ROOT = join(__dirname, '..', '..');
/** The CLI bundled from the sources once (test/support/built-cli.ts): a tsx start costs about 2 s of CPU; jest runs bin/hms-sys itself. */
const BIN = BUILT_CLI;

/**
 * Failures of the tool chain are one readable paragraph and exit 3: Terraform
 * missing from PATH, and a provider that cannot be installed (no azurerm in the mirror).
 */
/** A state file as Terraform writes it: outputs, and managed resources with their attributes. */
function stateFile(outputs: Record<string, unknown>, resources: { type: string; name: string; attributes: Record<string, unknown> }[]): string {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.11.4',
    serial: 3,
    lineage: '9d2c6f0e-0000-4000-8000-000000000003',
    outputs: Object.fromEntries(Object.entries(outputs).map(([k, value]) => [k, { value, type: typeof value === 'number' ? 'number' : 'string' }])),
    resources: resources.map((r) => ({
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 0, attributes: r.attributes, sensitive_attributes: [] }],
    })),
  });
}

/** hms-sys status on real `terraform show -json` documents of the example's AWS stacks. */
function statusCheck(project: string, env: NodeJS.ProcessEnv): DemoCase {
  const states = join(project, 'terraform-state');
  mkdirSync(states, { recursive: true });
  const tags = { Name: 'contract-pdfs', 'hms-sys:blueprint': 'dcaa-audit' };
  writeFileSync(
    join(states, 'dcaa-audit-aws.tfstate'),
    stateFile({ cluster_name: 'dcaa-audit', node_pool_name: 'dcaa-secure', node_pool_desired_size: 10 }, [
      {
        type: 'aws_ebs_volume',
        name: 'volume_438BCE83',
        attributes: {
          id: 'vol-0123456789abcdef0',
          availability_zone: 'us-gov-west-1a',
          size: 1024,
          type: 'gp3',
          iops: 3000,
          throughput: 125,
          encrypted: true,
          final_snapshot: true,
          kms_key_id: 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/11111111-2222-3333-4444-555555555555',
          tags,
          tags_all: tags,
        },
      },
    ]),
  );
  writeFileSync(
    join(states, 'dcaa-audit-aws-k8s.tfstate'),
    stateFile({ namespace_name: 'dcaa-audit', network_policy_name: 'dcaa-isolated-default-deny', egress: 'deny-all', deployment_name: 'dcaa-secure', replicas: 10, claim_name: 'contract-pdfs', claim_mount_path: '' }, []),
  );
  // A corrupted state file is reported on its own line, not a crash.
  writeFileSync(join(states, 'dcaa-audit-azure.tfstate'), '{"version": 4, "resources": [ {oops');
  const r = spawnSync(process.execPath, [BIN, 'status', 'dcaa-audit', '--json'], { cwd: project, env: { ...env, HMS_SYS_FROM_SOURCE: '1' }, encoding: 'utf8' });
  let texts: string[] = [];
  try {
    texts = (JSON.parse(r.stdout).lines as { ok: boolean; text: string }[]).map((l) => `${l.ok ? '✔' : '✘'} ${l.text}`);
  } catch {
    texts = [];
  }
  const expected = [
    '✔ Node pool dcaa-secure created on aws (10 desired)',
    '✔ Volume encrypted with a customer key (1024 GiB) on aws',
    '✔ Claim contract-pdfs on aws: not mounted (a block volume serves one node)',
    '✔ Network policy enforced on aws: dcaa-isolated-default-deny (egress: DENY)',
    '✔ Workload dcaa-secure deployed on aws (10 replicas)',
    '✘ dcaa-audit-azure: state could not be read: Error: Failed to read the given file as a state or plan file',
    '✘ dcaa-audit-azure-k8s: not deployed',
  ];
  return {
    name: 'hms-sys status reads real terraform show -json of the deployed stacks, and names a corrupted state',
    // The corrupted-state line goes on with Terraform's explanation; its start is what matters.
    passed: r.status === 1 && texts.length === expected.length && texts.every((t, i) => t.startsWith(expected[i])),
    detail: `${r.status}\n${texts.join('\n')}\n${r.stderr}`,
  };
}

function toolchainChecks(env: NodeJS.ProcessEnv): DemoCase[] {
  const project = exampleProject();
  const plan = (args: string[], extraEnv: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [BIN, 'plan', ...args], { cwd: project, env: { ...env, HMS_SYS_FROM_SOURCE: '1', ...extraEnv }, encoding: 'utf8' });
  const status = statusCheck(exampleProject(), env);
  const corrupted = exampleProject();
  mkdirSync(join(corrupted, 'terraform-state'));
  writeFileSync(join(corrupted, 'terraform-state', 'dcaa-audit-aws.tfstate'), '{"version": 4, "resources": [ {oops');
  const corruptPlan = spawnSync(process.execPath, [BIN, 'plan', 'dcaa-audit-aws'], { cwd: corrupted, env: { ...env, HMS_SYS_FROM_SOURCE: '1' }, encoding: 'utf8' });
  const missing = plan([], { PATH: dirname(process.execPath) });
  const noProvider = plan(['dcaa-audit-azure'], {});
  return [
    status,
    {
      name: 'hms-sys plan with a corrupted state file: exit 3, says to restore the previous version',
      passed: corruptPlan.status === 3 && /terraform init failed for dcaa-audit-aws: .*state.*restore the previous version/s.test(corruptPlan.stderr),
      detail: `${corruptPlan.status} ${corruptPlan.stderr}`,
    },
    {
      name: 'hms-sys plan without terraform on PATH: exit 3, one paragraph, no stack trace',
      passed: missing.status === 3 && /terraform is not on PATH/.test(missing.stderr) && !/\n\s+at /.test(missing.stderr),
      detail: `${missing.status} ${missing.stderr}`,
    },
    {
      name: 'hms-sys plan of a stack whose provider cannot be installed: exit 3, says how to fix',
      passed: noProvider.status === 3 && /terraform init failed for dcaa-audit-azure: .*azurerm.*filesystem mirror/s.test(noProvider.stderr),
      detail: `${noProvider.status} ${noProvider.stderr}`,
    },
  ];
}
const work = mkdtempSync(join(tmpdir(), 'hms-sys-tf-'));
const started = Date.now();
/** Stacks planned at once: the machine's two cores. */
const CONCURRENCY = 2;

interface StepResult {
  readonly ok: boolean;
  readonly output: string;
}

function step(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<StepResult> {
  return new Promise((done) => {
    const child = spawn('terraform', args, { cwd, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => done({ ok: false, output: `${output}${String(e)}` }));
    child.on('close', (code) => done({ ok: code === 0, output }));
  });
}

/**
 * Installs the AWS provider once, from the mirror, into a folder whose `.terraform`
 * and lock file every stack then copies: `terraform init` hashes the 675 MB provider
 * each time it runs, and the result is the same for every stack.
 */
async function installProviders(env: NodeJS.ProcessEnv): Promise<StepResult & { dir: string }> {
  const dir = join(work, 'providers');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'main.tf.json'),
    JSON.stringify({ terraform: { required_providers: { aws: { source: 'aws', version: AWS_PROVIDER_VERSION } } } }),
  );
  return { ...(await step(dir, ['init', '-input=false', '-no-color', '-backend=false'], env)), dir };
}

async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function main(): Promise<number> {
  const tf = terraformEnvironment(work);
  if (!tf.mirror) {
    console.error(`terraform stage: no provider mirror with hashicorp/aws ${AWS_PROVIDER_VERSION} found; set ${MIRROR_ENV} to a folder that holds registry.terraform.io/`);
    return 1;
  }
  console.log(`terraform stage: Terraform ${tf.version}, provider mirror ${tf.mirror}`);
  buildTestCli();
  const blueprints = loadBlueprints([join(ROOT, 'blueprints'), join(ROOT, 'test', 'terraform', 'blueprints')], ROOT);
  const result = synthesizeBlueprints(blueprints, join(work, 'cdktf.out'));
  let passed = 0;
  let failed = 0;
  const planned = result.stacks.filter((s) => s.cloud === 'aws' && (s.layer === 'cloud' || s.layer === 'state'));
  const notPlanned = result.stacks.filter((s) => !planned.includes(s)).map((s) => s.stackName);
  // No azurerm or kubernetes provider binary exists here: those stacks are covered by
  // TypeScript types, construct tests, snapshots and the policy packs instead.
  console.log(`terraform stage: not planned here (no provider binary): ${notPlanned.join(', ') || 'none'}`);
  const providers = await installProviders(tf.env);
  if (!providers.ok) {
    console.error(`✘ terraform init of the AWS provider failed\n${providers.output}`);
    return 1;
  }
  const outcomes = await mapConcurrently(planned, CONCURRENCY, async (stack) => {
    const dir = dirname(stack.file);
    mkdirSync(join(dir, 'tests'), { recursive: true });
    copyFileSync(join(__dirname, 'offline-plan.tftest.hcl'), join(dir, 'tests', 'offline-plan.tftest.hcl'));
    cpSync(join(providers.dir, '.terraform'), join(dir, '.terraform'), { recursive: true, verbatimSymlinks: true });
    copyFileSync(join(providers.dir, '.terraform.lock.hcl'), join(dir, '.terraform.lock.hcl'));
    const t0 = Date.now();
    // `terraform test` validates the configuration, then plans it with the mocked provider.
    const r = await step(dir, ['test', '-no-color'], tf.env);
    return { stack, ok: r.ok, output: r.output, seconds: ((Date.now() - t0) / 1000).toFixed(1) };
  });
  for (const o of outcomes) {
    if (o.ok) {
      passed++;
      console.log(`✔ ${o.stack.stackName}: ${o.stack.resourceCount} resources; validate and offline plan passed (${o.seconds}s)`);
    } else {
      failed++;
      console.error(`✘ ${o.stack.stackName}: terraform test (validate, mocked plan) failed (${o.seconds}s)\n${o.output}`);
    }
  }
  const offline = await runOfflinePlanDemo(tf.env, BIN, result.stacks.find((s) => s.stackName === 'dcaa-audit-aws')?.resourceCount ?? -1);
  for (const c of [...runGuardDemo(join(work, 'guard'), { ...tf.env, HMS_SYS_FROM_SOURCE: '1' }, BIN), ...toolchainChecks(tf.env), ...offline]) {
    if (c.passed) {
      passed++;
      console.log(`✔ ${c.name}`);
    } else {
      failed++;
      console.error(`✘ ${c.name}\n${c.detail}`);
    }
  }
  if (passed + failed === 0) {
    console.error('terraform stage: no AWS stack was synthesized; nothing was checked');
    return 1;
  }
  console.log(`terraform stage finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`terraform: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: Error) => {
    console.error(`terraform stage: ${e.message}`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
