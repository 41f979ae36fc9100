import { NAMING_HELP, type CommandHelp } from './command-help';

export const STATUS_HELP: CommandHelp = {
  name: 'status',
  usage:
    'hms-sys status <blueprint | stack | blueprint.yml | node pool> [--watch [--timeout 900] [--interval 10]] [--json] [--events FILE | - | https://URL] [--request-timeout 10] [--blueprints DIR] [--state-dir terraform-state]',
  summary: 'node pool, volume, network policy and workload, read live from each cluster; exit 0 only when converged',
  details: [
    NAMING_HELP,
    'status reads one blueprint: a stack name (<name>-aws or <name>-aws-k8s) reads that cloud of its blueprint only; a node pool name reads its blueprint.',
    'exit: 0 every line converged (✔); 1 not converged, not deployed, or refused (bad name, bad option); 3 a cluster or its state cannot be reached (it says from where to run); 70 internal error.',
  ],
};
