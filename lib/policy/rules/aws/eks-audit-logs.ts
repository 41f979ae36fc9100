import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { REQUIRED_EKS_LOG_TYPES, missingLogTypes } from './private/eks-log-types';

/** AwsSolutions-EKS2. */
export const eksAuditLogs: Rule = {
  id: 'HMS-EKS-4',
  publicChecks: ['AVD-AWS-0038'],
  appliesTo: ['aws_eks_cluster'],
  summary: 'EKS sends api, audit and authenticator logs to CloudWatch',
  rationale: 'Without audit logs, who did what in the cluster cannot be reconstructed (AU-2, AU-12, HIPAA 164.312(b)).',
  fix: `Set enabled_cluster_log_types to include ${REQUIRED_EKS_LOG_TYPES.join(', ')}.`,
  check(r) {
    const missing = missingLogTypes(r.values.enabled_cluster_log_types, REQUIRED_EKS_LOG_TYPES);
    if (missing === 'unknown') return unknown('log types are not known from the configuration', r.values.enabled_cluster_log_types);
    return missing.length === 0 ? pass : fail(`log types missing: ${missing.join(', ')}`);
  },
};
