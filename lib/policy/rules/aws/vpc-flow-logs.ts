import { fail, pass, unknown, type Rule } from '../../engine/rule';

/** NIST.800.53.R5-VPCFlowLogsEnabled. */
export const vpcFlowLogs: Rule = {
  id: 'HMS-VPC-1',
  publicChecks: ['CKV2_AWS_11', 'AVD-AWS-0178'],
  appliesTo: ['aws_vpc'],
  summary: 'Every VPC has a flow log',
  rationale: 'Network flow records are the evidence of who talked to whom (AU-2, AU-12, SI-4(17)).',
  fix: 'Add an aws_flow_log with vpc_id = this VPC and traffic_type = "ALL" (IsolatedNetwork does).',
  check(r, ctx) {
    if (ctx.referencing('aws_flow_log', 'vpc_id', r).length > 0) return pass;
    const undecided = ctx.undecided('aws_flow_log', 'vpc_id');
    if (undecided.length > 0) return unknown('a flow log exists whose VPC is not known from the configuration', undecided.map((l) => l.values.vpc_id));
    return fail('no aws_flow_log for this VPC');
  },
};
