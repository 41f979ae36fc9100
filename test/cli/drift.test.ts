import { statSync } from 'node:fs';
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
    expect(JSON.parse(r.stdout)).toEqual({ drifted: false, stacks: [{ stack: 'dcaa-audit-azure', drifted: false, source: 'terraform cloud assessment', drift: [] }] });
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
    const dir = exampleProject();
    const r = await runCli(['drift', 'dcaa-audit-aws'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')).toEqual(['✘ dcaa-audit-aws: 1 resource(s) drifted', '    aws_security_group.network_EndpointSecurityGroup_6F209EA7: ingress changed outside Terraform']);
    const driftJson = join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'drift.json');
    expect(statSync(driftJson).mode & 0o777).toBe(0o600);
    expect(statSync(join(dirname(driftJson), 'drift.tfplan')).mode & 0o777).toBe(0o600);
  });

  test('no drift: exit 0', async () => {
    const r = await runCli(['drift', 'dcaa-audit-aws', '--json'], exampleProject());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ drifted: false, stacks: [{ stack: 'dcaa-audit-aws', drifted: false, source: 'refresh-only plan', drift: [] }] });
  });
});
