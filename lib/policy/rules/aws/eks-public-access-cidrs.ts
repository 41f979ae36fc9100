import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool, strings } from '../../engine/values';

/** CKV_AWS_38. */
export const eksPublicAccessCidrs: Rule = {
  id: 'HMS-EKS-2',
  appliesTo: ['aws_eks_cluster'],
  summary: 'A public EKS endpoint, if any, is limited to named networks',
  rationale: 'An endpoint open to 0.0.0.0/0 can be attacked from anywhere (SC-7, AC-4).',
  fix: 'List the agency networks in vpc_config.public_access_cidrs, or make the endpoint private.',
  check(r) {
    const vpc = block(r.values, 'vpc_config');
    if ((bool(vpc?.endpoint_public_access) ?? true) === false) return pass;
    const cidrs = strings(vpc?.public_access_cidrs);
    if (cidrs === 'unknown') return unknown('public_access_cidrs is not known from the configuration', vpc?.public_access_cidrs);
    if (!cidrs || cidrs.length === 0) return fail('the public endpoint is open to 0.0.0.0/0 (no public_access_cidrs)');
    return cidrs.includes('0.0.0.0/0') ? fail('public_access_cidrs contains 0.0.0.0/0') : pass;
  },
};
