import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { INSTANCE_TYPES, metadataOptionsOf } from './private/instance-settings';

/** NIST.800.53.R5-EC2IMDSv2Enabled. */
export const launchTemplateImdsv2: Rule = {
  id: 'HMS-LT-3',
  publicChecks: ['CKV_AWS_79', 'AVD-AWS-0130', 'AVD-AWS-0028'],
  appliesTo: INSTANCE_TYPES,
  summary: 'Instance metadata requires IMDSv2 session tokens',
  rationale: 'IMDSv1 lets any SSRF in a pod read the node role credentials (AC-6, AC-3).',
  fix: 'Set metadata_options.http_tokens = "required".',
  check(r) {
    const tokens = metadataOptionsOf(r)?.http_tokens;
    if (isUnresolved(tokens)) return unknown('http_tokens is not known from the configuration', tokens);
    return typeof tokens === 'string' && tokens.trim().toLowerCase() === 'required' ? pass : fail(`http_tokens is ${tokens === undefined ? 'not set (IMDSv1 allowed)' : JSON.stringify(tokens)}`);
  },
};
