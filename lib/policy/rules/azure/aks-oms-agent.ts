import { fail, pass, type Rule } from '../../engine/rule';
import { block, isSet } from '../../engine/values';
import { AKS } from './private/aks';

export const aksOmsAgent: Rule = {
  id: 'HMS-AKS-6',
  publicChecks: ['CKV_AZURE_4', 'AVD-AZU-0040'],
  appliesTo: [AKS],
  summary: 'AKS sends container logs and metrics to Log Analytics',
  rationale: 'Container insight is the basis of monitoring and incident response (AU-12, SI-4).',
  fix: 'Add oms_agent { log_analytics_workspace_id = <workspace> }.',
  check: (r) => (isSet(block(r.values, 'oms_agent')?.log_analytics_workspace_id) ? pass : fail('no oms_agent workspace')),
};
