import { NotificationConfiguration } from '@cdktf/provider-tfe/lib/notification-configuration';
import { DataTfeProject } from '@cdktf/provider-tfe/lib/data-tfe-project';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { Workspace } from '@cdktf/provider-tfe/lib/workspace';
import { WorkspaceSettings } from '@cdktf/provider-tfe/lib/workspace-settings';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import type { TerraformCloudSettings } from '../lib/blueprint/blueprint';
import { DEFAULT_TFC_HOSTNAME, NOTIFICATION_URL_ENV, NOTIFICATION_URL_VARIABLE } from '../lib/core/terraform-cloud';
import { FedRampBaseline, type FedRampBaselineProps } from '../lib/policy/fedramp-baseline';
import { localBackend, type BackendFactory } from './backend';

/** Health assessment and run events that reach the notification webhook. */
export const NOTIFICATION_TRIGGERS = ['assessment:drifted', 'assessment:failed', 'run:errored', 'run:needs_attention'];

export interface WorkspaceSpec {
  readonly stackName: string;
  readonly blueprint: string;
  readonly settings: TerraformCloudSettings;
}

export interface TerraformCloudStackProps {
  readonly organization: string;
  readonly workspaces: readonly WorkspaceSpec[];
  /**
   * Where this stack's own state lives. It creates the workspaces the others use,
   * so it starts local (bootstrap) and can move into a workspace of its own later.
   * @default localBackend
   */
  readonly backend?: BackendFactory;
  /**
   * The policy packs and strictness, as for the blueprints' own stacks (`--strict`).
   * @default both packs, not strict
   */
  readonly policy?: FedRampBaselineProps;
}

/**
 * The Terraform Cloud workspaces of an organization's stacks: one per stack,
 * named after it, with health assessments (drift detection) on, the execution
 * mode the blueprint asks for, no auto-apply, destroy plans refused, and a
 * notification when an assessment finds drift or a run fails.
 *
 * A workspace holds its stack's state versions: deleting it loses them. So each
 * has `prevent_destroy`, and `force_delete = false`, with which the tfe provider
 * deletes only through the safe-delete API, which refuses a workspace that still
 * manages resources (resourceTFEWorkspaceDelete in internal/provider/
 * resource_tfe_workspace.go of hashicorp/terraform-provider-tfe).
 */
export class TerraformCloudStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: TerraformCloudStackProps) {
    super(scope, id);
    (props.backend ?? localBackend)(this, id);
    // The same gate under `cdktf synth` as under `hms-sys synth`, which has always evaluated this stack.
    FedRampBaseline.of(this, props.policy);
    const hostname = props.workspaces[0]?.settings.hostname ?? DEFAULT_TFC_HOSTNAME;
    new TfeProvider(this, 'tfe', { hostname, organization: props.organization });
    // The webhook URL often carries its secret in the path: a sensitive variable,
    // given when this stack is applied, never a literal in cdk.tf.json.
    const notificationUrl = props.workspaces.some((w) => w.settings.notifications)
      ? new TerraformVariable(this, NOTIFICATION_URL_VARIABLE, {
          type: 'string',
          sensitive: true,
          nullable: false,
          description: `Webhook told when a health assessment finds drift or a run fails; set ${NOTIFICATION_URL_ENV} when applying this stack.`,
        })
      : undefined;
    const projects = new Map<string, string>();
    for (const w of props.workspaces) {
      const project = w.settings.project;
      if (project && !projects.has(project)) {
        projects.set(project, new DataTfeProject(this, `project-${project}`, { name: project, organization: props.organization }).id);
      }
      const workspace = new Workspace(this, w.stackName, {
        name: w.stackName,
        organization: props.organization,
        projectId: project ? projects.get(project) : undefined,
        description: `hms-sys stack ${w.stackName} of blueprint ${w.blueprint}`,
        assessmentsEnabled: true,
        autoApply: false,
        allowDestroyPlan: false,
        queueAllRuns: false,
        forceDelete: false,
        tagNames: ['hms-sys', `blueprint-${w.blueprint}`],
        lifecycle: { preventDestroy: true },
      });
      new WorkspaceSettings(this, `${w.stackName}-settings`, {
        workspaceId: workspace.id,
        executionMode: w.settings.executionMode,
        agentPoolId: w.settings.executionMode === 'agent' ? w.settings.agentPoolId : undefined,
      });
      if (w.settings.notifications && notificationUrl) {
        new NotificationConfiguration(this, `${w.stackName}-notifications`, {
          name: 'hms-sys drift and failures',
          workspaceId: workspace.id,
          destinationType: 'generic',
          url: notificationUrl.stringValue,
          enabled: true,
          triggers: NOTIFICATION_TRIGGERS,
        });
      }
      new TerraformOutput(this, `${w.stackName}-workspace-id`, { value: workspace.id });
    }
  }
}
