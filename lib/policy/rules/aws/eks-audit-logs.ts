import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { strings } from '../../engine/values';

/** The log types auditors need: who called the API, what they did, how they authenticated. */
export const REQUIRED_EKS_LOG_TYPES = ['api', 'audit', 'authenticator'];
export const ALL_EKS_LOG_TYPES = [...REQUIRED_EKS_LOG_TYPES, 'controllerManager', 'scheduler'];

function missingLogTypes(value: unknown, wanted: readonly string[]) {
  const enabled = strings(value);
  if (enabled === 'unknown') return 'unknown' as const;
  return wanted.filter((t) => !(enabled ?? []).includes(t));
}

/** CKV_AWS_37 (all five); AwsSolutions-EKS2. */
export const eksAuditLogs: Rule = {
  id: 'HMS-EKS-4',
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

export const eksAllLogs: Rule = {
  id: 'HMS-EKS-5',
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
