import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved, refersTo } from '../../engine/values';

/** CKV2_AWS_11; NIST.800.53.R5-VPCFlowLogsEnabled. */
export const vpcFlowLogs: Rule = {
  id: 'HMS-VPC-1',
  appliesTo: ['aws_vpc'],
  summary: 'Every VPC has a flow log',
  rationale: 'Network flow records are the evidence of who talked to whom (AU-2, AU-12, SI-4(17)).',
  fix: 'Add an aws_flow_log with vpc_id = this VPC and traffic_type = "ALL" (IsolatedNetwork does).',
  check(r, ctx) {
    const logs = ctx.resourcesOf('aws_flow_log');
    if (logs.some((l) => refersTo(l.values.vpc_id, r.address))) return pass;
    const vpcs = ctx.resourcesOf('aws_vpc');
    const unresolved = logs.filter((l) => isUnresolved(l.values.vpc_id) && !vpcs.some((v) => refersTo(l.values.vpc_id, v.address)));
    if (unresolved.length > 0) return unknown('a flow log exists whose VPC is not known from the configuration', unresolved.map((l) => l.values.vpc_id));
    return fail('no aws_flow_log for this VPC');
  },
};

export const flowLogAllTraffic: Rule = {
  id: 'HMS-VPC-2',
  appliesTo: ['aws_flow_log'],
  summary: 'Flow logs record all traffic, accepted and rejected',
  rationale: 'Rejected flows show probing; accepted flows show what got through (AU-12, SI-4).',
  fix: 'Set traffic_type = "ALL".',
  check(r) {
    const t = r.values.traffic_type;
    if (isUnresolved(t)) return unknown('traffic_type is not known from the configuration', t);
    return typeof t === 'string' && t.trim().toUpperCase() === 'ALL' ? pass : fail(`traffic_type is ${JSON.stringify(t)}`);
  },
};
