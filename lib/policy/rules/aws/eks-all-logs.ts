import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { ALL_EKS_LOG_TYPES, missingLogTypes } from './private/eks-log-types';

export const eksAllLogs: Rule = {
  id: 'HMS-EKS-5',
  publicChecks: ['CKV_AWS_37', 'AVD-AWS-0038'],
  appliesTo: ['aws_eks_cluster'],
  summary: 'EKS sends all five control-plane log types',
  rationale: 'Controller manager and scheduler logs help investigate incidents (AU-12, SI-4).',
  fix: `Set enabled_cluster_log_types to ${ALL_EKS_LOG_TYPES.join(', ')}.`,
  check(r) {
    const missing = missingLogTypes(r.values.enabled_cluster_log_types, ALL_EKS_LOG_TYPES);
    if (missing === 'unknown') return unknown('log types are not known from the configuration', r.values.enabled_cluster_log_types);
    return missing.length === 0 ? pass : fail(`log types missing: ${missing.join(', ')}`);
  },
};
