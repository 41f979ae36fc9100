import { Testing } from 'cdktf';
import { addBlueprintStacks } from '../../stacks/app';
import { NOTIFICATION_TRIGGERS } from '../../stacks/terraform-cloud-stack';
import { exampleBlueprint, resourcesOf, synthStack } from '../support/synth';

const TFC = `terraformCloud:\n  organization: dcaa\n  project: platform\n  executionMode: agent\n  agentPoolId: apool-ZjT6A7mVFm5WHT5a\n  notifications: true\n`;

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
    // A workspace holds its stack's state versions: never destroyed by a plan, deleted only by the provider's safe delete.
    for (const w of workspaces) expect(w).toMatchObject({ force_delete: false, lifecycle: { prevent_destroy: true } });
    for (const s of resourcesOf(tf, 'tfe_workspace_settings')) expect(s).toMatchObject({ execution_mode: 'agent', agent_pool_id: 'apool-ZjT6A7mVFm5WHT5a' });
    const notification = resourcesOf(tf, 'tfe_notification_configuration')[0];
    expect(notification).toMatchObject({ destination_type: 'generic', url: '${var.notification_url}', triggers: NOTIFICATION_TRIGGERS, enabled: true });
    // The webhook URL, which often carries a secret, is a sensitive variable given at apply time, never a literal.
    expect(tf.variable?.notification_url).toMatchObject({ type: 'string', sensitive: true, nullable: false });
    for (const w of workspaces) expect(w.project_id).toMatch(/^\$\{data\.tfe_project\.[\w-]+\.id\}$/);
    expect(Object.values(tf.data?.tfe_project ?? {})).toEqual([{ name: 'platform', organization: 'dcaa' }]);
  });

  test('without notifications, no variable and no webhook', () => {
    const quiet = addBlueprintStacks(Testing.app(), [exampleBlueprint((y) => `terraformCloud:\n  organization: quiet\n${y}`)]).stacks.find((s) => s.layer === 'workspaces');
    const tf = synthStack(quiet!.stack);
    expect(tf.variable).toBeUndefined();
    expect(resourcesOf(tf, 'tfe_notification_configuration')).toEqual([]);
  });

  test('without Terraform Cloud, state stays local and there is no workspaces stack', () => {
    const local = addBlueprintStacks(Testing.app(), [exampleBlueprint()]);
    expect(local.stacks.some((s) => s.layer === 'workspaces')).toBe(false);
  });
});
