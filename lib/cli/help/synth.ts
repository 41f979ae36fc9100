import type { CommandHelp } from './command-help';

export const SYNTH_HELP: CommandHelp = {
  name: 'synth',
  usage: 'hms-sys synth [blueprint.yml | folder ...] [--out cdktf.out] [--strict]   (default: blueprints/)',
  summary: 'write Terraform JSON for every blueprint, gated by the policy packs',
  details: [
    '--strict: warnings block too, in every stack hms-sys writes (cloud, Kubernetes, S3 state bucket, Terraform Cloud workspaces).',
    'Local state stays in terraform-state/ of the folder you run in, whatever --out is: each stack\'s backend path is computed from its folder.',
  ],
};
