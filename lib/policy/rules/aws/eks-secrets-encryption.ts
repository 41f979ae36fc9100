import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, isSet, strings } from '../../engine/values';

/** Config eks-secrets-encrypted. */
export const eksSecretsEncryption: Rule = {
  id: 'HMS-EKS-3',
  publicChecks: ['CKV_AWS_58', 'AVD-AWS-0039'],
  appliesTo: ['aws_eks_cluster'],
  summary: 'Kubernetes secrets are envelope-encrypted with a customer key',
  rationale: 'Secrets in etcd are otherwise protected by AWS-managed keys only (SC-28, SC-12).',
  fix: 'Add encryption_config { resources = ["secrets"], provider { key_arn = <customer key> } }.',
  check(r) {
    const config = block(r.values, 'encryption_config');
    if (!config) return fail('no encryption_config');
    const resources = strings(config.resources);
    if (resources === 'unknown') return unknown('encrypted resources are not known from the configuration', config.resources);
    if (!resources?.includes('secrets')) return fail('encryption_config does not cover secrets');
    return isSet(block(config, 'provider')?.key_arn) ? pass : fail('encryption_config has no key_arn');
  },
};
