import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { blocks, bool } from '../../engine/values';

/** CKV_AWS_88; NIST.800.53.R5-EC2InstanceNoPublicIp. */
export const launchTemplateNoPublicIp: Rule = {
  id: 'HMS-LT-5',
  appliesTo: ['aws_launch_template'],
  summary: 'Instances get no public IP address',
  rationale: 'A public IP puts a node on the internet, outside the authorization boundary (SC-7, AC-4).',
  fix: 'Remove network_interfaces.associate_public_ip_address or set it to false; use private subnets.',
  check(r) {
    for (const nic of blocks(r.values, 'network_interfaces')) {
      const v = bool(nic.associate_public_ip_address);
      if (v === true) return fail('associate_public_ip_address is true');
      if (v === 'unknown') return unknown('associate_public_ip_address is not known from the configuration', nic.associate_public_ip_address);
    }
    return pass;
  },
};
