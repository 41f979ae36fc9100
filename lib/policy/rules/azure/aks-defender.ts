import { fail, pass, type Rule } from '../../engine/rule';
import { block, isSet } from '../../engine/values';
import { AKS } from './private/aks';

/** Azure Policy 1c988dd6. */
export const aksDefender: Rule = {
  id: 'HMS-AKS-15',
  appliesTo: [AKS],
  summary: 'Microsoft Defender for Containers watches the cluster',
  rationale: 'Runtime threat detection for nodes and pods (SI-4, RA-5).',
  fix: 'Add microsoft_defender { log_analytics_workspace_id = <workspace> } where the cloud offers it.',
  check: (r) => (isSet(block(r.values, 'microsoft_defender')?.log_analytics_workspace_id) ? pass : fail('Defender is not enabled')),
};
