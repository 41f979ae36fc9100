import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { num } from '../../engine/values';

/** FedRAMP Moderate organisations commonly define one year online (AU-11 ODP). */
export const MIN_LOG_RETENTION_DAYS = 365;

export const logGroupRetentionYear: Rule = {
  id: 'HMS-LOG-3',
  publicChecks: ['CKV_AWS_338'],
  appliesTo: ['aws_cloudwatch_log_group'],
  summary: `Logs are kept at least ${MIN_LOG_RETENTION_DAYS} days`,
  rationale: 'Audit records must outlive the investigations that need them (AU-11).',
  fix: `Set retention_in_days to ${MIN_LOG_RETENTION_DAYS} or more, or 0 (never expire).`,
  check(r) {
    const days = num(r.values.retention_in_days);
    if (days === 'unknown') return unknown('retention is not known from the configuration', r.values.retention_in_days);
    if (days === undefined) return pass; // HMS-LOG-2 reports it
    return days === 0 || days >= MIN_LOG_RETENTION_DAYS ? pass : fail(`logs are kept ${days} days`);
  },
};
