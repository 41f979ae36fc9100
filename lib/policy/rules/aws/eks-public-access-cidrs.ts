import { exposureOf } from '../../engine/network';
import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool, strings } from '../../engine/values';

export const eksPublicAccessCidrs: Rule = {
  id: 'HMS-EKS-2',
  publicChecks: ['CKV_AWS_38', 'AVD-AWS-0041'],
  appliesTo: ['aws_eks_cluster'],
  summary: 'A public EKS endpoint, if any, is limited to named networks',
  rationale: 'An endpoint open to 0.0.0.0/0 can be attacked from anywhere (SC-7, AC-4).',
  fix: 'List the agency networks in vpc_config.public_access_cidrs, or make the endpoint private.',
  check(r) {
    const vpc = block(r.values, 'vpc_config');
    const publicAccess = bool(vpc?.endpoint_public_access) ?? true; // EKS makes the endpoint public when omitted
    if (publicAccess === false) return pass;
    const cidrs = strings(vpc?.public_access_cidrs);
    if (cidrs === 'unknown') return unknown('public_access_cidrs is not known from the configuration', vpc?.public_access_cidrs);
    // EKS opens an endpoint without public_access_cidrs to 0.0.0.0/0; halves and IPv6 spellings count as the internet too.
    const exposure = exposureOf(cidrs && cidrs.length > 0 ? cidrs : ['0.0.0.0/0']);
    const open = exposure.internetWide ? fail(cidrs && cidrs.length > 0 ? `public_access_cidrs ${cidrs.join(', ')} admit the internet` : 'the public endpoint is open to 0.0.0.0/0 (no public_access_cidrs)') : undefined;
    if (publicAccess === 'unknown') return open ? unknown('whether the endpoint is public is not known from the configuration', vpc?.endpoint_public_access) : pass;
    if (open) return open;
    return exposure.unreadable.length > 0 ? unknown('public_access_cidrs holds values that are not addresses', exposure.unreadable.map((u) => `\${unreadable address ${JSON.stringify(u)}}`)) : pass;
  },
};
