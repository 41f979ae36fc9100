import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';

/** NIST.800.53.R5-VPCSubnetAutoAssignPublicIpDisabled. */
export const subnetNoPublicIp: Rule = {
  id: 'HMS-VPC-3',
  publicChecks: ['CKV_AWS_130', 'AVD-AWS-0164'],
  appliesTo: ['aws_subnet'],
  summary: 'Subnets do not assign public IP addresses',
  rationale: 'Instances launched with public addresses are reachable from the internet (SC-7, AC-4).',
  fix: 'Set map_public_ip_on_launch = false; public load balancer subnets need an acknowledgement.',
  check(r) {
    const v4 = bool(r.values.map_public_ip_on_launch);
    const v6 = bool(r.values.assign_ipv6_address_on_creation);
    if (v4 === 'unknown' || v6 === 'unknown') return unknown('public addressing is not known from the configuration', r.values.map_public_ip_on_launch, r.values.assign_ipv6_address_on_creation);
    if (v4 === true) return fail('map_public_ip_on_launch is true');
    return v6 === true ? fail('assign_ipv6_address_on_creation is true') : pass;
  },
};
