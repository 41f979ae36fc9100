import { Testing } from 'cdktf';
import { withEnvironmentDefaults } from '../../lib/cli/environment-defaults';
import { addBlueprintStacks } from '../../stacks/app';
import { NOTIFICATION_TRIGGERS } from '../../stacks/terraform-cloud-stack';
import { exampleBlueprint, resourcesOf, synthStack } from '../support/synth';

const TFC = `terraformCloud:\n  organization: dcaa\n  project: platform\n  executionMode: agent\n  agentPoolId: apool-ZjT6A7mVFm5WHT5a\n  notificationUrl: https://hooks.agency.gov/hms\n`;

describe('Terraform Cloud', () => {
  const { stacks } = addBlueprintStacks(Testing.app(), [exampleBlueprint((y) => `${TFC}${y}`)]);
  const byName = Object.fromEntries(stacks.map((s) => [s.stackName, s]));

  test('every stack keeps its state in a workspace named after it', () => {
    for (const name of ['dcaa-audit-aws', 'dcaa-audit-aws-k8s', 'dcaa-audit-azure', 'dcaa-audit-azure-k8s']) {
      expect((synthStack(byName[name].stack).terraform as any).cloud).toEqual({ hostname: 'app.terraform.io', organization: 'dcaa', workspaces: { name, project: 'platform' } });
    }
  });

  test('one workspaces stack per organization: assessments on, agent execution, no auto-apply, no destroy plans, notifications', () => {
    const ws = byName['hms-sys-tfc-dcaa'];
    expect(ws).toMatchObject({ layer: 'workspaces', cloud: 'tfe', blueprint: '' });
    const tf = synthStack(ws.stack);
    const workspaces = resourcesOf(tf, 'tfe_workspace');
    expect(workspaces.map((w) => w.name)).toEqual(['dcaa-audit-aws', 'dcaa-audit-aws-k8s', 'dcaa-audit-azure', 'dcaa-audit-azure-k8s']);
    for (const w of workspaces) expect(w).toMatchObject({ organization: 'dcaa', assessments_enabled: true, auto_apply: false, allow_destroy_plan: false });
    for (const s of resourcesOf(tf, 'tfe_workspace_settings')) expect(s).toMatchObject({ execution_mode: 'agent', agent_pool_id: 'apool-ZjT6A7mVFm5WHT5a' });
    const notification = resourcesOf(tf, 'tfe_notification_configuration')[0];
    expect(notification).toMatchObject({ destination_type: 'generic', url: 'https://hooks.agency.gov/hms', triggers: NOTIFICATION_TRIGGERS, enabled: true });
    for (const w of workspaces) expect(w.project_id).toMatch(/^\$\{data\.tfe_project\.[\w-]+\.id\}$/);
    expect(Object.values(tf.data?.tfe_project ?? {})).toEqual([{ name: 'platform', organization: 'dcaa' }]);
  });

  test('HMS_TFC_ORGANIZATION moves blueprints that name no organization into Terraform Cloud', () => {
    const [bp] = withEnvironmentDefaults([exampleBlueprint()], { HMS_TFC_ORGANIZATION: 'agency', HMS_TFC_HOSTNAME: 'tfe.agency.gov' });
    expect(bp.terraformCloud).toEqual({ organization: 'agency', hostname: 'tfe.agency.gov', executionMode: 'remote' });
    expect(withEnvironmentDefaults([exampleBlueprint()], {})[0].terraformCloud).toBeUndefined();
  });

  test('without Terraform Cloud, state stays local and there is no workspaces stack', () => {
    const local = addBlueprintStacks(Testing.app(), [exampleBlueprint()]);
    expect(local.stacks.some((s) => s.layer === 'workspaces')).toBe(false);
  });
});
