import { NAMING_HELP, type CommandHelp } from './command-help';

export const PLAN_HELP: CommandHelp = {
  name: 'plan',
  usage: 'hms-sys plan [blueprint | stack | blueprint.yml ...] [--blueprints DIR] [--out cdktf.out] [--allow-destroy ADDRESS]... [--no-refresh]   (default: every stack)',
  summary: 'synth, check, then terraform plan each stack; refuse to delete or replace data or keys',
  details: [NAMING_HELP],
};
