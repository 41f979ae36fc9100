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
    // The redirect to the signed download was followed without the token (the fake answers 400 when it gets one).
    expect(tfc.requests).toContain('GET /archivist/v1/object/dcaa-audit-aws?signature=abc');
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
    await expect(latestAssessment({ baseUrl: tfc.baseUrl, token: 'wrong' }, 'dcaa', 'dcaa-audit-aws')).rejects.toThrow(/refused the token .* \(401\); set TF_TOKEN_<host> to a token that can read the workspace/);
  });

  test('the token Terraform itself would use for the host: TF_TOKEN_<host>, decoded as Terraform decodes it', () => {
    expect(tokenFor('app.terraform.io', { TF_TOKEN_app_terraform_io: 'a', TFE_TOKEN: 'b' })).toBe('a');
    expect(tokenFor('tfe.agency-x.gov', { TF_TOKEN_tfe_agency__x_gov: 'c' })).toBe('c');
    expect(tokenFor('TFE.Agency.gov', { TF_TOKEN_TFE_AGENCY_GOV: 'd' })).toBe('d');
    expect(tokenFor('tfe.agency.gov', { TF_TOKEN_tfe_agency_gov_evil_example: 'e' })).toBeUndefined();
  });

  test('TFE_TOKEN only for app.terraform.io, or for the host TFE_HOSTNAME pairs it with', () => {
    expect(tokenFor('app.terraform.io', { TFE_TOKEN: 'b' })).toBe('b');
    expect(tokenFor('tfe.attacker.example', { TFE_TOKEN: 'b' })).toBeUndefined();
    expect(tokenFor('tfe.agency.gov', { TFE_TOKEN: 'b', TFE_HOSTNAME: 'tfe.agency.gov' })).toBe('b');
    expect(tokenFor('app.terraform.io', { TFE_TOKEN: 'b', TFE_HOSTNAME: 'tfe.agency.gov' })).toBeUndefined();
  });

  test('an unreachable host is a tool chain failure naming the host, not a crash', async () => {
    const failing: typeof fetch = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
    await expect(latestAssessment({ baseUrl: 'https://tfe.nowhere.example', token: 't', fetch: failing }, 'dcaa', 'x')).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/cannot reach https:\/\/tfe\.nowhere\.example \(ENOTFOUND\)/),
    });
  });
});
