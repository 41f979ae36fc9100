import { NAMING_HELP, type CommandHelp } from './command-help';

export const VERIFY_HELP: CommandHelp = {
  name: 'verify',
  usage:
    'hms-sys verify <blueprint | stack | blueprint.yml | node pool> [--format text|json|junit] [--output FILE] [--events FILE | - | https://URL] [--probe-image IMAGE] [--egress-target HOST:PORT] [--probe-timeout 180] [--request-timeout 10] [--blueprints DIR] [--state-dir terraform-state]',
  summary: 'prove FIPS nodes, denied egress, fenced ingress and the volume on the running platform with restricted probe pods (--help: each probe and its control)',
  details: [NAMING_HELP, 'verify proves one blueprint: a stack name (<name>-aws or <name>-aws-k8s) verifies that cloud of its blueprint only; a node pool name verifies its blueprint.'],
};
