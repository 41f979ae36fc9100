import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { num } from '../../engine/values';

/** Config kms-cmk-not-scheduled-for-deletion. */
export const kmsKeyDeletionWindow: Rule = {
  id: 'HMS-KMS-3',
  appliesTo: ['aws_kms_key'],
  summary: 'KMS keys set an explicit deletion window of at least 7 days',
  rationale: 'A deleted key makes every volume and log encrypted with it unreadable (SC-12, CP-9).',
  fix: 'Set deletion_window_in_days, e.g. 30.',
  check(r) {
    const days = num(r.values.deletion_window_in_days);
    if (days === 'unknown') return unknown('the deletion window is not known from the configuration', r.values.deletion_window_in_days);
    if (days === undefined) return fail('deletion_window_in_days is not set');
    return days >= 7 ? pass : fail(`deletion window is ${days} days`);
  },
};
