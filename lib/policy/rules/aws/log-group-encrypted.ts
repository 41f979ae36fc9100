import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { setState } from '../../engine/values';

/** NIST.800.53.R5-CloudWatchLogGroupEncrypted. */
export const logGroupEncrypted: Rule = {
  id: 'HMS-LOG-1',
  publicChecks: ['CKV_AWS_158', 'AVD-AWS-0017'],
  appliesTo: ['aws_cloudwatch_log_group'],
  summary: 'Log groups are encrypted with a customer key',
  rationale: 'Audit logs are evidence and may hold sensitive data (SC-28(1), AU-9(3)).',
  fix: 'Set kms_key_id to a customer key whose policy allows CloudWatch Logs.',
  check(r) {
    const set = setState(r.values.kms_key_id);
    if (set === 'unknown') return unknown('kms_key_id is not known from the configuration', r.values.kms_key_id);
    return set ? pass : fail('no kms_key_id');
  },
};
