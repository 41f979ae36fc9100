/**
 * hms-sys apply orchestrates Terraform: the order of stacks, the gates, the
 * confirmation and the event stream. A fake terraform on PATH records what is run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { BUILT_CLI as BIN } from '../support/built-cli';
import { CLI_ENV, exampleProject } from '../support/cli';
import { listeningServer } from '../support/net';

const FAKE = join(__dirname, '..', 'support', 'fake-terraform');
const FAKE_AZ = join(__dirname, '..', 'support', 'fake-az');

/**
 * The Azure preflights ask az and the cluster's API server: a fake az on PATH, the
 * runner network named, and a stand-in API server whose address the fake terraform
 * reports as the Azure stack's outputs.
 */
let api: ChildProcess;
let azure: NodeJS.ProcessEnv = {};
beforeAll(async () => {
  api = spawn(process.execPath, [join(__dirname, '..', 'support', 'fake-aks-api.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const { url, ca } = JSON.parse(await new Promise<string>((done) => createInterface({ input: api.stdout! }).once('line', done)));
  azure = {
    HMS_AZURE_RUNNER_NETWORK_ID: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ci/providers/Microsoft.Network/virtualNetworks/runners',
    FAKE_TF_OUTPUTS: JSON.stringify({
      cluster_api_url: { value: url },
      cluster_ca_certificate: { value: ca },
      key_vault_id: { value: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/dcaa-audit-rg/providers/Microsoft.KeyVault/vaults/kv0' },
      upstream_username_secret: { value: 'ghcr-io-username' },
      upstream_password_secret: { value: 'ghcr-io-password' },
    }),
  };
});
afterAll(() => {
  api.kill();
});

// The EKS API endpoint the fake cluster stack reports: the preflight before the
// Kubernetes stack connects to it (the kernel accepts while spawnSync blocks this process).
let endpoint: Awaited<ReturnType<typeof listeningServer>>;
beforeAll(async () => (endpoint = await listeningServer()));
afterAll(() => endpoint.close());
const clusterOutputs = () => JSON.stringify({ cluster_endpoint: { value: `https://127.0.0.1:${endpoint.port}` } });

function run(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const dir = exampleProject();
  const log = join(dir, 'terraform.log');
  const r = spawnSync(process.execPath, [BIN, 'apply', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...CLI_ENV, ...azure, FAKE_TF_OUTPUTS: JSON.stringify({ ...JSON.parse(azure.FAKE_TF_OUTPUTS ?? '{}'), ...JSON.parse(clusterOutputs()) }), ...extra, PATH: `${FAKE}:${FAKE_AZ}:${dirname(process.execPath)}:/usr/bin:/bin`, FAKE_TF_LOG: log },
  });
  const calls = (() => {
    try {
      return readFileSync(log, 'utf8').trim().split('\n');
    } catch {
      return [];
    }
  })();
  const events = (() => {
    try {
      return readFileSync(join(dir, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    } catch {
      return [];
    }
  })();
  return { ...r, calls, events, dir };
}

describe('hms-sys apply', () => {
  test('applies each stack from its saved plan, cluster before what runs on it, with progress and events', () => {
    const r = run(['dcaa-audit', '--yes', '--events', 'events.jsonl']);
    expect(r.status).toBe(0);
    expect(r.calls.filter((c) => / apply /.test(` ${c} `))).toEqual([
      'dcaa-audit-aws apply -input=false -no-color plan.tfplan',
      'dcaa-audit-aws-k8s apply -input=false -no-color plan.tfplan',
      'dcaa-audit-azure apply -input=false -no-color plan.tfplan',
      'dcaa-audit-azure-k8s apply -input=false -no-color plan.tfplan',
    ]);
    expect(r.stdout).toMatch(/\[1\/4\] dcaa-audit-aws: plan\n.*\[1\/4\] dcaa-audit-aws: 1 to add, 0 to change, 0 to destroy/s);
    expect(r.stdout).toMatch(/✔ dcaa-audit: 4 stack\(s\) applied \(\d+\.\ds\)\. Next: hms-sys status dcaa-audit/);
    expect(r.events.map((e) => `${e.type.replace('gov.hms-sys.apply.', '')}${e.subject ? ` ${e.subject}` : ''} ${e.data.outcome}`)).toEqual([
      'started started',
      'synthesized succeeded',
      ...['dcaa-audit-aws', 'dcaa-audit-aws-k8s', 'dcaa-audit-azure', 'dcaa-audit-azure-k8s'].flatMap((s) => [`stack.checked ${s} succeeded`, `stack.planned ${s} succeeded`, `stack.applied ${s} succeeded`]),
      'finished succeeded',
    ]);
    for (const e of r.events) expect(e).toMatchObject({ specversion: '1.0', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), data: { blueprint: 'dcaa-audit' } });
    expect(r.events[3].data).toMatchObject({ stack: 'dcaa-audit-aws', add: 1, change: 0, destroy: 0, blocking: 0, guardRefusals: 0, allowed: [] });
    // Azure stacks pass their preflight (prerequisites and runner path; API, cluster admin, credentials) first.
    const checked = (stack: string) => r.events.find((e) => e.type === 'gov.hms-sys.apply.stack.checked' && e.data.stack === stack)?.data.passed;
    expect(checked('dcaa-audit-azure').length).toBeGreaterThan(0);
    expect(checked('dcaa-audit-azure-k8s').length).toBeGreaterThan(0);
    // The upstream credential must exist before the cluster stack, the EKS API must answer before the Kubernetes stack.
    expect(r.events.filter((e) => e.type === 'gov.hms-sys.apply.stack.checked' && e.data.stack.startsWith('dcaa-audit-aws')).map((e) => e.data.passed)).toEqual([
      ['upstream registry credential present'],
      ['EKS API endpoint reachable'],
    ]);
  });

  test('refuses a plan that deletes a volume, applies nothing, and says so in the events', () => {
    const r = run(['dcaa-audit', '--yes', '--events', 'events.jsonl'], { FAKE_TF_PLAN: join(__dirname, '..', 'policy', 'fixtures', 'plan-deletes-volume.json') });
    expect(r.status).toBe(1);
    expect(r.calls.some((c) => c.includes(' apply '))).toBe(false);
    expect(r.stderr).toMatch(/\[stateful-guard\] aws_ebs_volume.records would be deleted/);
    expect(r.stderr).toMatch(/✘ \[1\/4\] dcaa-audit-aws: refused; nothing was applied to it/);
    expect(r.events.map((e) => `${e.type} ${e.data.outcome}`)).toEqual([
      'gov.hms-sys.apply.started started',
      'gov.hms-sys.apply.synthesized succeeded',
      'gov.hms-sys.apply.stack.checked succeeded',
      'gov.hms-sys.apply.stack.planned refused',
      'gov.hms-sys.apply.finished refused',
    ]);
  });

  test('the named allowance lets the deletion through', () => {
    const r = run(['dcaa-audit', '--yes', '--allow-destroy', 'aws_ebs_volume.records'], { FAKE_TF_PLAN: join(__dirname, '..', 'policy', 'fixtures', 'plan-deletes-volume.json') });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('allowed: aws_ebs_volume.records will be deleted (--allow-destroy)');
  });

  test('without --yes and without a terminal, nothing is applied', () => {
    const r = run(['dcaa-audit']);
    expect(r.status).toBe(1);
    expect(r.calls.some((c) => c.includes(' apply '))).toBe(false);
    expect(r.stderr).toMatch(/dcaa-audit-aws: not applied\. Review cdktf.out\/stacks\/dcaa-audit-aws\/plan.json, then re-run with --yes to apply/);
  });

  test('a failing apply stops there: exit 3, one paragraph quoting Terraform, the event says why', () => {
    const r = run(['dcaa-audit', '--yes', '--events', 'events.jsonl'], { FAKE_TF_FAIL_APPLY: 'dcaa-audit-aws' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/terraform apply failed for dcaa-audit-aws: Error: creating EKS Cluster \(dcaa-audit\): AccessDeniedException User is not authorized to perform: eks:CreateCluster\. The stacks before it were applied/);
    expect(r.calls.filter((c) => c.includes(' apply '))).toHaveLength(1);
    expect(r.events.slice(-2)).toMatchObject([
      { type: 'gov.hms-sys.apply.stack.applied', subject: 'dcaa-audit-aws', data: { outcome: 'failed', message: expect.stringContaining('AccessDeniedException') } },
      { type: 'gov.hms-sys.apply.finished', data: { outcome: 'failed', stoppedAt: 'dcaa-audit-aws', applied: [] } },
    ]);
  });

  test('a blueprint file may be named instead of its name', () => {
    const r = run(['blueprints/dcaa-audit.yml', '--yes']);
    expect(r.status).toBe(0);
  });

  test('an unknown name lists the blueprints and stacks, with the nearest', () => {
    const r = run(['dcaa-audit-aws-k8', '--yes']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('hms-sys apply: no blueprint or stack named "dcaa-audit-aws-k8" (did you mean dcaa-audit-aws-k8s?) in blueprints/.\nblueprints: dcaa-audit\nstacks: dcaa-audit-aws, dcaa-audit-aws-k8s,');
    expect(r.calls).toEqual([]);
  });

  test('a stack name applies that stack only: preflight, plan, checks, apply; its cluster outputs read from state; the hint is hms-sys status', () => {
    const r = run(['dcaa-audit-aws-k8s', '--yes']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const applied = r.calls.filter((c) => / apply /.test(` ${c} `) && !c.includes(' -refresh-only'));
    expect(applied).toEqual(['dcaa-audit-aws-k8s apply -input=false -no-color plan.tfplan']);
    expect(r.calls.some((c) => c.startsWith('dcaa-audit-azure'))).toBe(false);
    // The EKS endpoint preflight reads the cluster stack's outputs from its state: it was not applied in this run.
    expect(r.calls).toContain('dcaa-audit-aws output -json -no-color');
    expect(r.stdout).toContain('Synthesized and checked 1 stack(s) selected from dcaa-audit');
    expect(r.stdout).toMatch(/✔ dcaa-audit-aws-k8s: 1 stack\(s\) applied \([\d.]+s\)\. Next: hms-sys status dcaa-audit/);
  });
});
