import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { num } from '../../engine/values';

export const logGroupRetentionSet: Rule = {
  id: 'HMS-LOG-2',
  publicChecks: ['CKV_AWS_66', 'CKV_AWS_338'],
  appliesTo: ['aws_cloudwatch_log_group'],
  summary: 'Log groups have a retention period',
  rationale: 'Retention must be decided, not left to accident (AU-11, SI-12).',
  fix: 'Set retention_in_days (hms-sys uses logRetentionDays, 365 by default).',
  check(r) {
    const days = num(r.values.retention_in_days);
    if (days === 'unknown') return unknown('retention is not known from the configuration', r.values.retention_in_days);
    return days === undefined ? fail('no retention_in_days') : pass;
  },
};
