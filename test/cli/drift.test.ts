import { TFC_ADDRESS_ENV } from '../../lib/cli/commands/drift';
import { exampleProject, runCli } from '../support/cli';
import { DRIFT_PLAN, startFakeTerraformCloud, TFC_TOKEN, type FakeTerraformCloud } from '../support/fake-terraform-cloud';

describe('hms-sys drift with Terraform Cloud', () => {
  let tfc: FakeTerraformCloud;
  const saved = { ...process.env };
  beforeAll(async () => {
    tfc = await startFakeTerraformCloud({ drifted: ['dcaa-audit-aws'], assessed: ['dcaa-audit-aws', 'dcaa-audit-azure'], plan: DRIFT_PLAN });
    process.env[TFC_ADDRESS_ENV] = tfc.baseUrl;
    process.env.TFE_TOKEN = TFC_TOKEN;
  });
  afterAll(async () => {
    process.env = saved;
    await tfc.close();
  });

  const project = () => exampleProject((y) => `terraformCloud:\n  organization: dcaa\n${y}`);

  test('reads each workspace health assessment instead of planning; exit 2 on drift', async () => {
    const r = await runCli(['drift'], project());
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')).toEqual([
      '✘ dcaa-audit-aws: 1 resource(s) drifted',
      '    aws_security_group.network_EndpointSecurityGroup_6F209EA7: ingress changed outside Terraform',
      '… dcaa-audit-aws-k8s: no health assessment yet (Terraform Cloud runs them once a day after the first apply)',
      '✔ dcaa-audit-azure: no drift',
      '… dcaa-audit-azure-k8s: no health assessment yet (Terraform Cloud runs them once a day after the first apply)',
    ]);
  });

  test('--json for dashboards', async () => {
    const r = await runCli(['drift', 'dcaa-audit-azure', '--json'], project());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ drifted: false, stacks: [{ stack: 'dcaa-audit-azure', drifted: false, source: 'terraform cloud assessment', drift: [] }] });
  });

  test('without a token, says which variable to set', async () => {
    delete process.env.TFE_TOKEN;
    const r = await runCli(['drift'], project());
    process.env.TFE_TOKEN = TFC_TOKEN;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dcaa-audit-aws is in Terraform Cloud; set TF_TOKEN_app_terraform_io or TFE_TOKEN/);
  });
});
