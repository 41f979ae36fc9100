import { exampleProject as project, runCli } from '../support/cli';

describe('hms-sys status', () => {
  test('says clearly when nothing is deployed yet, exit 1, and leaves no cdktf.out behind', async () => {
    const dir = project();
    const r = await runCli(['status', 'dcaa-audit'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'nothing is deployed for dcaa-audit yet: no state in terraform-state/ for dcaa-audit-aws, dcaa-audit-aws-k8s, dcaa-audit-azure, dcaa-audit-azure-k8s. Deploy with `npx cdktf deploy` after `hms-sys plan`.',
    );
  });

  test('--json says the same to machines', async () => {
    const r = await runCli(['status', 'dcaa-audit', '--json'], project());
    expect(JSON.parse(r.stdout)).toMatchObject({ blueprint: 'dcaa-audit', deployed: false, lines: [] });
  });

  test('an unknown blueprint lists the known ones', async () => {
    const r = await runCli(['status', 'dcaa-secure'], project());
    expect(r).toMatchObject({ code: 1, stderr: 'hms-sys status: no blueprint named dcaa-secure; blueprints: dcaa-audit' });
  });
});
