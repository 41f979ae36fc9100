import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { num } from '../../engine/values';
import { INSTANCE_TYPES, metadataOptionsOf } from './private/instance-settings';

export const launchTemplateHopLimit: Rule = {
  id: 'HMS-LT-4',
  publicChecks: ['CKV_AWS_341'],
  appliesTo: INSTANCE_TYPES,
  summary: 'Instance metadata is not reachable from pods (hop limit 1)',
  rationale: 'With a hop limit above 1, containers reach the node credentials through IMDS (AC-6, CM-2).',
  fix: 'Set metadata_options.http_put_response_hop_limit = 1 and give pods their own roles with Pod Identity.',
  check(r) {
    const limit = num(metadataOptionsOf(r)?.http_put_response_hop_limit);
    if (limit === 'unknown') return unknown('the hop limit is not known from the configuration', metadataOptionsOf(r)?.http_put_response_hop_limit);
    return limit === 1 ? pass : fail(`hop limit is ${limit ?? 'the AMI default'}: pods can reach node credentials`);
  },
};
