import { NAMING_HELP, type CommandHelp } from './command-help';

export const PLAN_HELP: CommandHelp = {
  name: 'plan',
  usage: 'hms-sys plan [blueprint | stack | blueprint.yml ...] [--blueprints DIR] [--out cdktf.out] [--allow-destroy ADDRESS]... [--no-refresh]   (default: every stack)\n       hms-sys plan --offline [blueprint | stack ...] [--blueprints DIR | --synthesized cdktf.out] [--review-out DIR]',
  summary: 'synth, check, then terraform plan each stack; refuse to delete or replace data or keys',
  details: [
    NAMING_HELP,
    '--offline: a review plan without cloud credentials (a pull request from a fork, an ISSO): what would be created in an empty account, not a diff against deployed state. Each stack is planned in a temporary copy with the real provider (its schema and validation), data sources mocked (listed in the output), no backend or state read; the policy packs and the guard check it as any plan. --synthesized reviews an existing `cdktf synth` output; --review-out saves <stack>.review-plan.json. Needs the provider binaries (a mirror, HMS_TF_PROVIDER_MIRROR): a stack whose provider is missing is not reviewed (exit 3), the others are. The azurerm, tfe and Kubernetes mocks were written from the provider sources and have not been run: no such provider binary was available where hms-sys is tested. Exit 1 when a stack is refused.',
  ],
};
