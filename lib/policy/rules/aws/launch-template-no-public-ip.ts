import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { INSTANCE_TYPES, publicIpSettingsOf } from './private/instance-settings';

/** NIST.800.53.R5-EC2InstanceNoPublicIp. */
export const launchTemplateNoPublicIp: Rule = {
  id: 'HMS-LT-5',
  publicChecks: ['CKV_AWS_88', 'AVD-AWS-0009'],
  appliesTo: INSTANCE_TYPES,
  summary: 'Instances get no public IP address',
  rationale: 'A public IP puts a node on the internet, outside the authorization boundary (SC-7, AC-4).',
  fix: 'Remove network_interfaces.associate_public_ip_address or set it to false; use private subnets.',
  check(r) {
    for (const setting of publicIpSettingsOf(r)) {
      const v = bool(setting);
      if (v === true) return fail('associate_public_ip_address is true');
      if (v === 'unknown') return unknown('associate_public_ip_address is not known from the configuration', setting);
    }
    return pass;
  },
};
