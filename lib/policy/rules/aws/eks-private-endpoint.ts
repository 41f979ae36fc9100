import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool } from '../../engine/values';

/** AwsSolutions-EKS1; Security Hub EKS.1. */
export const eksPrivateEndpoint: Rule = {
  id: 'HMS-EKS-1',
  publicChecks: ['CKV_AWS_39', 'AVD-AWS-0040'],
  appliesTo: ['aws_eks_cluster'],
  summary: 'The EKS API endpoint is private only',
  rationale: 'A public Kubernetes API is an internet-facing administrative interface (SC-7, AC-4, AC-17).',
  fix: 'Set vpc_config.endpoint_public_access = false and endpoint_private_access = true; reach the API from inside the VPC.',
  check(r) {
    const vpc = block(r.values, 'vpc_config');
    // EKS makes the endpoint public when the attribute is absent.
    const publicAccess = bool(vpc?.endpoint_public_access) ?? true;
    const privateAccess = bool(vpc?.endpoint_private_access) ?? false;
    if (publicAccess === 'unknown' || privateAccess === 'unknown') return unknown('endpoint access is not known from the configuration', vpc?.endpoint_public_access, vpc?.endpoint_private_access);
    if (publicAccess) return fail('the API endpoint is public');
    return privateAccess ? pass : fail('the private endpoint is off');
  },
};
