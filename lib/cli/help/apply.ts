import { NAMING_HELP, type CommandHelp } from './command-help';

export const APPLY_HELP: CommandHelp = {
  name: 'apply',
  usage: 'hms-sys apply <blueprint | stack | blueprint.yml> [--yes] [--allow-destroy ADDRESS]... [--events FILE | - | https://URL] [--blueprints DIR]',
  summary: 'plan, check and apply one blueprint stack by stack, stopping at the first refusal',
  details: [
    NAMING_HELP,
    'apply acts on one blueprint: a blueprint name or file applies all its stacks in order (each cluster before what runs on it); a stack name applies only that stack (preflight checks, plan, policy and guard, apply), so apply the stacks it depends on first. A shared stack (S3 state bucket, Terraform Cloud workspaces) can be applied on its own by name.',
  ],
};
