import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { AKS } from './private/aks';

/** Azure Policy 0a15ec92. */
export const aksAzurePolicy: Rule = {
  id: 'HMS-AKS-11',
  publicChecks: ['CKV_AZURE_116', 'AVD-AZU-0066'],
  appliesTo: [AKS],
  summary: 'The Azure Policy add-on enforces in-cluster guardrails',
  rationale: 'Gatekeeper-based policies enforce configuration settings at admission (CM-6, CM-7).',
  fix: 'Set azure_policy_enabled = true.',
  check(r) {
    const v = bool(r.values.azure_policy_enabled);
    if (v === 'unknown') return unknown('azure_policy_enabled is not known from the configuration', r.values.azure_policy_enabled);
    return v === true ? pass : fail('the Azure Policy add-on is off');
  },
};
