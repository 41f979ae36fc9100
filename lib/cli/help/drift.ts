import { NAMING_HELP, type CommandHelp } from './command-help';

export const DRIFT_HELP: CommandHelp = {
  name: 'drift',
  usage: 'hms-sys drift [blueprint | stack | blueprint.yml ...] [--json] [--blueprints DIR] [--out cdktf.out]   (default: every stack)',
  summary: 'refresh-only plan of each stack; exit 2 when the infrastructure changed outside Terraform',
  details: [
    NAMING_HELP,
    'A stack with no state (local: no state file where its backend points; S3: an empty `terraform state list`) is "not deployed": it is reported, not planned, and is not drift.',
    'exit: 0 no drift in the deployed stacks; 1 none of the named stacks is deployed (nothing to compare), or refused; 2 drift found; 3 tool chain or cloud failed (credentials, unreachable); 70 internal error.',
  ],
};
