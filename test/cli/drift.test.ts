import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exampleProject, runCli } from '../support/cli';
import { DRIFT_PLAN, startFakeTerraformCloud, TFC_TOKEN, type FakeTerraformCloud } from '../support/fake-terraform-cloud';

describe('hms-sys drift with Terraform Cloud', () => {
  let tfc: FakeTerraformCloud;
  const saved = { ...process.env };
  beforeAll(async () => {
    tfc = await startFakeTerraformCloud({ drifted: ['dcaa-audit-aws'], assessed: ['dcaa-audit-aws', 'dcaa-audit-azure'], plan: DRIFT_PLAN });
  });
  beforeEach(() => {
    process.env = { ...saved, TFE_TOKEN: TFC_TOKEN };
    delete process.env.TFE_HOSTNAME;
    tfc.sent.length = 0;
  });
  afterAll(async () => {
    process.env = saved;
    await tfc.close();
  });

  const project = (host?: string) => exampleProject((y) => `terraformCloud:\n  organization: dcaa\n${host ? `  hostname: ${host}\n` : ''}${y}`);

  test('reads each workspace health assessment instead of planning; exit 2 on drift', async () => {
    const r = await runCli(['drift'], project(), { fetch: tfc.fetch });
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')).toEqual([
      '✘ dcaa-audit-aws: 1 resource(s) drifted',
      '    aws_security_group.network_EndpointSecurityGroup_6F209EA7: ingress changed outside Terraform',
      '… dcaa-audit-aws-k8s: no health assessment yet (Terraform Cloud runs them once a day after the first apply)',
      '✔ dcaa-audit-azure: no drift',
      '… dcaa-audit-azure-k8s: no health assessment yet (Terraform Cloud runs them once a day after the first apply)',
    ]);
    expect(new Set(tfc.sent.map((s) => s.host))).toEqual(new Set(['app.terraform.io']));
  });

  test('--json for dashboards', async () => {
    const r = await runCli(['drift', 'dcaa-audit-azure', '--json'], project(), { fetch: tfc.fetch });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ drifted: false, deployed: true, stacks: [{ stack: 'dcaa-audit-azure', deployed: true, drifted: false, source: 'terraform cloud assessment', drift: [] }] });
  });

  test('without a token, says which variable to set', async () => {
    delete process.env.TFE_TOKEN;
    const r = await runCli(['drift'], project(), { fetch: tfc.fetch });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dcaa-audit-aws is in Terraform Cloud at app\.terraform\.io; set TF_TOKEN_app_terraform_io or TFE_TOKEN/);
    expect(tfc.sent).toEqual([]);
  });

  test('TFE_TOKEN is never sent to a host that a blueprint names', async () => {
    const r = await runCli(['drift'], project('tfe.attacker.example'), { fetch: tfc.fetch });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/at tfe\.attacker\.example; set TF_TOKEN_tfe_attacker_example \(TFE_TOKEN is sent to tfe\.attacker\.example only when TFE_HOSTNAME=tfe\.attacker\.example\)/);
    expect(tfc.sent).toEqual([]);
  });

  test("a host's own token (TF_TOKEN_<host>) goes to that host, and only there", async () => {
    process.env.TF_TOKEN_tfe_agency__x_gov = TFC_TOKEN;
    delete process.env.TFE_TOKEN;
    const r = await runCli(['drift', 'dcaa-audit-aws'], project('tfe.agency-x.gov'), { fetch: tfc.fetch });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    expect(tfc.sent.filter((s) => s.authorization).length).toBeGreaterThan(0);
    expect(tfc.sent.every((s) => s.host === 'tfe.agency-x.gov' && [undefined, `Bearer ${TFC_TOKEN}`].includes(s.authorization))).toBe(true);
  });

  test('TFE_TOKEN goes to the host the operator pairs it with (TFE_HOSTNAME)', async () => {
    process.env.TFE_HOSTNAME = 'tfe.agency.gov';
    const r = await runCli(['drift', 'dcaa-audit-aws'], project('tfe.agency.gov'), { fetch: tfc.fetch });
    expect(r.code).toBe(2);
    expect(new Set(tfc.sent.map((s) => s.host))).toEqual(new Set(['tfe.agency.gov']));
  });
});

/** A project whose named stacks have a local state file where their backend points (terraform-state/). */
function deployedProject(stacks: readonly string[], edit?: (yaml: string) => string): string {
  const dir = exampleProject(edit);
  mkdirSync(join(dir, 'terraform-state'));
  const state = { version: 4, serial: 1, resources: [{ mode: 'managed', type: 'aws_vpc', name: 'network', instances: [{ attributes: { id: 'vpc-0123' } }] }] };
  for (const stack of stacks) writeFileSync(join(dir, 'terraform-state', `${stack}.tfstate`), JSON.stringify(state));
  return dir;
}

describe('hms-sys drift on local state (refresh-only plans)', () => {
  const saved = { ...process.env };
  const FAKE = join(__dirname, '..', 'support', 'fake-terraform');
  beforeEach(() => {
    process.env = { ...saved, PATH: `${FAKE}:${dirname(process.execPath)}` };
  });
  afterAll(() => {
    process.env = saved;
  });

  test('drift found: exit 2, the drifted resource and attribute, drift.json readable by the owner only', async () => {
    process.env.FAKE_TF_DRIFT = join(__dirname, '..', 'drift', 'fixtures', 'refresh-only-drift.json');
    const dir = deployedProject(['dcaa-audit-aws']);
    const r = await runCli(['drift', 'dcaa-audit-aws'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')).toEqual(['✘ dcaa-audit-aws: 1 resource(s) drifted', '    aws_security_group.network_EndpointSecurityGroup_6F209EA7: ingress changed outside Terraform']);
    const driftJson = join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'drift.json');
    expect(statSync(driftJson).mode & 0o777).toBe(0o600);
    expect(statSync(join(dirname(driftJson), 'drift.tfplan')).mode & 0o777).toBe(0o600);
  });

  test('no drift: exit 0', async () => {
    const r = await runCli(['drift', 'dcaa-audit-aws', '--json'], deployedProject(['dcaa-audit-aws']));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ drifted: false, deployed: true, stacks: [{ stack: 'dcaa-audit-aws', deployed: true, drifted: false, source: 'refresh-only plan', drift: [] }] });
  });

  test('a blueprint name selects its stacks; a stack without state is "not deployed", planned by nobody, and is not drift: exit 0', async () => {
    const dir = deployedProject(['dcaa-audit-aws']);
    process.env.FAKE_TF_LOG = join(dir, 'terraform.log');
    const r = await runCli(['drift', 'dcaa-audit'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '✔ dcaa-audit-aws: no drift',
      '- dcaa-audit-aws-k8s: not deployed (no state file at terraform-state/dcaa-audit-aws-k8s.tfstate); nothing to compare. Deploy it with hms-sys apply dcaa-audit',
      '- dcaa-audit-azure: not deployed (no state file at terraform-state/dcaa-audit-azure.tfstate); nothing to compare. Deploy it with hms-sys apply dcaa-audit',
      '- dcaa-audit-azure-k8s: not deployed (no state file at terraform-state/dcaa-audit-azure-k8s.tfstate); nothing to compare. Deploy it with hms-sys apply dcaa-audit',
    ]);
    // No Terraform (and so no credentials) for a stack that was never deployed; `version` is asked once per run.
    const calls = readFileSync(join(dir, 'terraform.log'), 'utf8').trim().split('\n');
    expect(calls.filter((c) => !c.startsWith('dcaa-audit-aws ') && !c.endsWith(' version -json'))).toEqual([]);
  });

  test('an empty state file, and a state with no resources (what a destroy leaves), are "not deployed" too, as an empty S3 state is', async () => {
    const dir = deployedProject(['dcaa-audit-aws']);
    writeFileSync(join(dir, 'terraform-state', 'dcaa-audit-aws.tfstate'), '');
    writeFileSync(join(dir, 'terraform-state', 'dcaa-audit-aws-k8s.tfstate'), '{"version":4,"serial":9,"resources":[{"mode":"data","type":"aws_region","name":"r","instances":[]}]}');
    const r = await runCli(['drift', 'dcaa-audit-aws', 'dcaa-audit-aws-k8s'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('- dcaa-audit-aws: not deployed (an empty state file at terraform-state/dcaa-audit-aws.tfstate)');
    expect(r.stdout).toContain('- dcaa-audit-aws-k8s: not deployed (a state with no resources at terraform-state/dcaa-audit-aws-k8s.tfstate)');
  });

  test('nothing deployed at all: every stack "not deployed", exit 1, and no credentials asked for', async () => {
    const dir = exampleProject();
    process.env.FAKE_TF_LOG = join(dir, 'terraform.log');
    const r = await runCli(['drift', '--json'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ drifted: false, deployed: false, stacks: [{ stack: 'dcaa-audit-aws', deployed: false, source: 'state' }, {}, {}, {}] });
    expect(r.stderr).toContain('hms-sys drift: none of dcaa-audit-aws, dcaa-audit-aws-k8s, dcaa-audit-azure, dcaa-audit-azure-k8s is deployed: there is nothing to compare.');
    expect(readFileSync(join(dir, 'terraform.log'), 'utf8').trim().split('\n').filter((c) => !c.endsWith(' version -json'))).toEqual([]);
  });

  test('a remote (S3) backend: Terraform is asked, and an empty `terraform state list` is "not deployed"', async () => {
    const dir = exampleProject((y) => `stateBucket:\n  bucket: dcaa-terraform-state\nclouds: [aws]\n${y}`);
    process.env.FAKE_TF_LOG = join(dir, 'terraform.log');
    process.env.FAKE_TF_STATE_LIST = JSON.stringify({ 'dcaa-audit-aws': 'aws_eks_cluster.cluster_8C9D3A4B\n' });
    const r = await runCli(['drift', 'dcaa-audit'], dir);
    expect(r.stdout.split('\n')).toEqual([
      '✔ dcaa-audit-aws: no drift',
      '- dcaa-audit-aws-k8s: not deployed (its s3 state is empty); nothing to compare. Deploy it with hms-sys apply dcaa-audit',
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'terraform.log'), 'utf8')).toContain('dcaa-audit-aws-k8s state list -no-color');
  });

  test('an unknown name: exit 1, the blueprints and stacks there are, and the nearest', async () => {
    const r = await runCli(['drift', 'dcaa-audit-aws-k9s'], exampleProject());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no blueprint or stack named "dcaa-audit-aws-k9s" (did you mean dcaa-audit-aws-k8s?) in blueprints/.\nblueprints: dcaa-audit\nstacks: dcaa-audit-aws,');
  });
});
