import { latestAssessment, tokenFor } from '../../lib/drift/terraform-cloud';
import { DRIFT_PLAN, startFakeTerraformCloud, TFC_TOKEN, type FakeTerraformCloud } from '../support/fake-terraform-cloud';

describe('Terraform Cloud health assessments', () => {
  let tfc: FakeTerraformCloud;
  beforeAll(async () => {
    tfc = await startFakeTerraformCloud({ drifted: ['dcaa-audit-aws'], assessed: ['dcaa-audit-aws', 'dcaa-audit-azure'], plan: DRIFT_PLAN });
  });
  afterAll(() => tfc.close());

  test('a drifted workspace: its drifted resources and attributes, from the assessment json-output', async () => {
    const a = await latestAssessment({ baseUrl: tfc.baseUrl, token: TFC_TOKEN }, 'dcaa', 'dcaa-audit-aws');
    expect(a).toEqual({
      workspace: 'dcaa-audit-aws',
      drifted: true,
      succeeded: true,
      createdAt: '2026-11-22T06:17:00.000Z',
      errorMessage: undefined,
      drift: [{ address: 'aws_security_group.network_EndpointSecurityGroup_6F209EA7', type: 'aws_security_group', kind: 'changed', attributes: ['ingress'] }],
    });
    expect(tfc.requests).toContain('GET /api/v2/assessment-results/asmtres-dcaa-audit-aws/json-output');
  });

  test('an assessed workspace without drift does not fetch the plan', async () => {
    const a = await latestAssessment({ baseUrl: tfc.baseUrl, token: TFC_TOKEN }, 'dcaa', 'dcaa-audit-azure');
    expect(a).toMatchObject({ drifted: false, drift: [] });
    expect(tfc.requests).not.toContain('GET /api/v2/assessment-results/asmtres-dcaa-audit-azure/json-output');
  });

  test('no assessment yet is undefined, not an error', async () => {
    expect(await latestAssessment({ baseUrl: tfc.baseUrl, token: TFC_TOKEN }, 'dcaa', 'dcaa-audit-aws-k8s')).toBeUndefined();
  });

  test('an unknown workspace says to apply the workspaces stack', async () => {
    await expect(latestAssessment({ baseUrl: tfc.baseUrl, token: TFC_TOKEN }, 'dcaa', 'missing-stack')).rejects.toThrow(/no workspace missing-stack in dcaa; apply the workspaces stack \(hms-sys-tfc-dcaa\) first/);
  });

  test('a refused token is a clear error', async () => {
    await expect(latestAssessment({ baseUrl: tfc.baseUrl, token: 'wrong' }, 'dcaa', 'dcaa-audit-aws')).rejects.toThrow(/refused the token .* \(401\); set TF_TOKEN_<host> or TFE_TOKEN/);
  });

  test('the token Terraform itself would use', () => {
    expect(tokenFor('app.terraform.io', { TF_TOKEN_app_terraform_io: 'a', TFE_TOKEN: 'b' })).toBe('a');
    expect(tokenFor('tfe.agency-x.gov', { TF_TOKEN_tfe_agency__x_gov: 'c' })).toBe('c');
    expect(tokenFor('app.terraform.io', { TFE_TOKEN: 'b' })).toBe('b');
  });
});
