import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, isUnresolved, refersTo } from '../../engine/values';

/** EKS AMI types built with FIPS 140 validated modules. */
export const FIPS_AMI_TYPES = ['BOTTLEROCKET_x86_64_FIPS', 'BOTTLEROCKET_ARM_64_FIPS'];

/** Derived: no public scanner checks node FIPS mode. */
export const eksNodeGroupFipsImage: Rule = {
  id: 'HMS-EKS-7',
  appliesTo: ['aws_eks_node_group'],
  summary: 'Nodes run a FIPS 140 validated image',
  rationale: 'Cryptography protecting CUI and PHI must use FIPS-validated modules (SC-13, HIPAA 164.312(e)(2)(ii)).',
  fix: 'Use runtime bottlerocket-fips or fips-ubuntu-22.04 (ami_type BOTTLEROCKET_*_FIPS, or a custom AMI whose user data enforces FIPS mode).',
  check(r, ctx) {
    const amiType = r.values.ami_type;
    if (isUnresolved(amiType)) return unknown('ami_type is not known from the configuration', amiType);
    if (typeof amiType === 'string' && FIPS_AMI_TYPES.includes(amiType)) return pass;
    if (amiType !== 'CUSTOM') return fail(`ami_type ${amiType === undefined ? '(default AL2023)' : JSON.stringify(amiType)} is not FIPS enabled`);
    const templateId = block(r.values, 'launch_template')?.id;
    const template = ctx.resourcesOf('aws_launch_template').find((lt) => refersTo(templateId, lt.address));
    const userData = String(template?.values.user_data ?? '');
    // hms-sys user data joins the cluster only when the kernel reports FIPS mode.
    if (userData.includes('/proc/sys/crypto/fips_enabled')) return pass;
    return unknown('a custom AMI: FIPS mode cannot be verified from Terraform; acknowledge with the AMI FIPS attestation');
  },
};
