import type { CommandHelp } from './command-help';

export const CHECK_HELP: CommandHelp = {
  name: 'check',
  usage:
    'hms-sys check <cdk.tf.json | plan.json | cdktf.out | folder of .tf> ... [--format text|json|sarif|junit] [--output FILE] [--pack fedramp-moderate|hipaa] [--strict] [--ignore-acknowledgements] [--allow-destroy ADDRESS]...',
  summary: 'scan Terraform against FedRAMP Moderate and HIPAA; exit 1 on a blocking finding',
};
