import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';

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
