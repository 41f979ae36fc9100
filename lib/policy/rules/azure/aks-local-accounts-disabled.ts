import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { AKS } from './private/aks';

export const aksLocalAccountsDisabled: Rule = {
  id: 'HMS-AKS-8',
  publicChecks: ['CKV_AZURE_141'],
  appliesTo: [AKS],
  summary: 'AKS local accounts (static admin kubeconfig) are disabled',
  rationale: 'The local admin credential bypasses Entra ID, MFA and audit by identity (AC-2, AC-6, IA-2, IA-5).',
  fix: 'Set local_account_disabled = true and use Entra ID with Azure RBAC.',
  check(r) {
    const v = bool(r.values.local_account_disabled);
    if (v === 'unknown') return unknown('local_account_disabled is not known from the configuration', r.values.local_account_disabled);
    return v === true ? pass : fail('local accounts are enabled');
  },
};
