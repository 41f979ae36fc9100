import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, isUnresolved } from '../../engine/values';

/** CKV_AWS_79; NIST.800.53.R5-EC2IMDSv2Enabled. */
export const launchTemplateImdsv2: Rule = {
  id: 'HMS-LT-3',
  appliesTo: ['aws_launch_template'],
  summary: 'Instance metadata requires IMDSv2 session tokens',
  rationale: 'IMDSv1 lets any SSRF in a pod read the node role credentials (AC-6, AC-3).',
  fix: 'Set metadata_options.http_tokens = "required".',
  check(r) {
    const tokens = block(r.values, 'metadata_options')?.http_tokens;
    if (isUnresolved(tokens)) return unknown('http_tokens is not known from the configuration', tokens);
    return tokens === 'required' ? pass : fail(`http_tokens is ${tokens === undefined ? 'not set (IMDSv1 allowed)' : JSON.stringify(tokens)}`);
  },
};
