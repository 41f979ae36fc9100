/**
 * The Terraform stage of `npm test`: synthesizes every example blueprint and
 * every fixture in test/terraform/blueprints/, then plans each AWS stack offline
 * (`terraform test` with a mocked AWS provider) with the real AWS provider from
 * the machine's provider mirror, runs the stateful-resource guard on real plans,
 * and checks how hms-sys reports a broken tool chain.
 *
 * Where its time goes, and why it is spent once: every Terraform command that
 * loads providers from `.terraform/` first hashes the provider package against
 * the dependency lock file (675 MB for hashicorp/aws 5.100.0: 2 to 3 s of CPU),
 * then starts the provider up to three times (schema, validation, plan). So:
 * - one stack is initialized from the mirror exactly as a user's machine would
 *   (`terraform init`, then the offline plan); the other stacks load the same
 *   provider binary through a `dev_overrides` CLI configuration, which skips
 *   installation and the hash, after the stage has checked that each declares
 *   exactly the provider requirements the initialized stack proved installable
 *   (a stack that declares others gets its own `terraform init`);
 * - no separate `terraform validate`: `terraform test` validates the
 *   configuration against the provider's schema and validators before it plans
 *   (an unknown attribute, or `deletion_window_in_days = 3` on a KMS key, fails
 *   `terraform test` with the same error `terraform validate` prints);
 * - stacks are planned in parallel, one per core.
 *
 * It fails loudly: a missing terraform binary, a missing mirror or any Terraform
 * error exits non-zero. It never skips.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadBlueprints } from '../../lib/blueprint/load';
import { synthesizeBlueprints } from '../../lib/cli/synthesize';
import { AWS_PROVIDER_VERSION, MIRROR_ENV, terraformEnvironment } from '../../lib/terraform/environment';
import { BUILT_CLI, buildTestCli } from '../support/built-cli';
import { exampleProject } from '../support/cli';
import { runGuardDemo, type DemoCase } from './stateful-guard-demo';

const ROOT = join(__dirname, '..', '..');
/** The CLI bundled from the sources (test/support/built-cli.ts); jest runs bin/hms-sys itself. */
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

interface StepResult {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs terraform without blocking, so that stacks are planned side by side. */
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

/** Runs `task` on every item, at most `limit` at a time; results in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * A CLI configuration that loads hashicorp/aws from the mirror's 5.100.0 folder as
 * it is, without `terraform init`: the same binary init installs, minus the
 * installation and the lock-file hash. Terraform ignores version constraints
 * under an override, which is why the stage compares each stack's requirements
 * with those of the stack it initialized for real.
 */
function overrideEnvironment(env: NodeJS.ProcessEnv, mirror: string): NodeJS.ProcessEnv {
  const config = join(work, 'override.tfrc');
  const binaryFolder = join(mirror, 'registry.terraform.io', 'hashicorp', 'aws', AWS_PROVIDER_VERSION, `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`);
  writeFileSync(
    config,
    [
      'provider_installation {',
      '  dev_overrides {',
      `    "registry.terraform.io/hashicorp/aws" = ${JSON.stringify(binaryFolder)}`,
      '  }',
      // `terraform init` still installs from the mirror (the guard demo's local backend needs an init).
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(mirror)}`,
      '    include = ["registry.terraform.io/*/*"]',
      '  }',
      '  direct {',
      '    exclude = ["registry.terraform.io/*/*"]',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return { ...env, TF_CLI_CONFIG_FILE: config };
}

interface PlannedStack {
  readonly stackName: string;
  readonly resourceCount: number;
  readonly file: string;
}

function requiredProviders(stack: PlannedStack): unknown {
  return JSON.parse(readFileSync(stack.file, 'utf8')).terraform?.required_providers;
}

async function main(): Promise<number> {
  const tf = terraformEnvironment(work);
  if (!tf.mirror) {
    console.error(`terraform stage: no provider mirror with hashicorp/aws ${AWS_PROVIDER_VERSION} found; set ${MIRROR_ENV} to a folder that holds registry.terraform.io/`);
    return 1;
  }
  console.log(`terraform stage: Terraform ${tf.version}, provider mirror ${tf.mirror}`);
  buildTestCli();
  const overridden = overrideEnvironment(tf.env, tf.mirror);
  const blueprints = loadBlueprints([join(ROOT, 'blueprints'), join(ROOT, 'test', 'terraform', 'blueprints')], ROOT);
  const result = synthesizeBlueprints(blueprints, join(work, 'cdktf.out'));
  let passed = 0;
  let failed = 0;
  const planned = result.stacks.filter((s) => s.cloud === 'aws' && (s.layer === 'cloud' || s.layer === 'state'));
  const notPlanned = result.stacks.filter((s) => !planned.includes(s)).map((s) => s.stackName);
  // No azurerm or kubernetes provider binary exists here: those stacks are covered by
  // TypeScript types, construct tests, snapshots and the policy packs instead.
  console.log(`terraform stage: not planned here (no provider binary): ${notPlanned.join(', ') || 'none'}`);
  // The first stack is initialized from the mirror; the others may use the override
  // only when they require exactly what that init installed.
  const initialized = planned[0] ? requiredProviders(planned[0]) : undefined;
  const cores = Math.max(1, availableParallelism());
  const outcomes = await inParallel(planned, cores, async (stack) => {
    const dir = dirname(stack.file);
    mkdirSync(join(dir, 'tests'), { recursive: true });
    copyFileSync(join(__dirname, 'offline-plan.tftest.hcl'), join(dir, 'tests', 'offline-plan.tftest.hcl'));
    const t0 = Date.now();
    const viaInit = stack === planned[0] || !isDeepStrictEqual(requiredProviders(stack), initialized);
    const steps: [string, string[], NodeJS.ProcessEnv][] = [
      ...(viaInit ? [['init', ['init', '-input=false', '-no-color', '-backend=false'], tf.env] as [string, string[], NodeJS.ProcessEnv]] : []),
      ['plan (terraform test, mocked provider)', ['test', '-no-color'], viaInit ? tf.env : overridden],
    ];
    // Steps run in order; stop at the first failure.
    let failedStep: { name: string; output: string } | undefined;
    for (const [name, args, env] of steps) {
      const r = await step(dir, args, env);
      if (!r.ok) {
        failedStep = { name, output: r.output };
        break;
      }
    }
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    const how = viaInit ? 'init from the mirror and offline plan' : 'offline plan (provider requirements as initialized)';
    return failedStep
      ? { ok: false, line: `✘ ${stack.stackName}: terraform ${failedStep.name} failed (${seconds}s)\n${failedStep.output}` }
      : { ok: true, line: `✔ ${stack.stackName}: ${stack.resourceCount} resources; ${how} passed (${seconds}s)` };
  });
  for (const o of outcomes) {
    if (o.ok) {
      passed++;
      console.log(o.line);
    } else {
      failed++;
      console.error(o.line);
    }
  }
  for (const c of [...runGuardDemo(join(work, 'guard'), { ...overridden, HMS_SYS_FROM_SOURCE: '1' }, BIN), ...toolchainChecks(tf.env)]) {
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
  .then((code) => (process.exitCode = code))
  .catch((e) => {
    console.error(`terraform stage: ${(e as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
