import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, isUnresolved } from '../../engine/values';
import { AKS } from './private/aks';

export const AKS_NETWORK_POLICY_ENGINES = ['azure', 'calico', 'cilium'];

export const aksNetworkPolicy: Rule = {
  id: 'HMS-AKS-5',
  publicChecks: ['CKV_AZURE_7', 'AVD-AZU-0043'],
  appliesTo: [AKS],
  summary: 'AKS enforces Kubernetes NetworkPolicy',
  rationale: 'Without a policy engine, NetworkPolicy objects are accepted and ignored (SC-7, AC-4).',
  fix: `Set network_profile.network_policy to one of ${AKS_NETWORK_POLICY_ENGINES.join(', ')}.`,
  check(r) {
    const engine = block(r.values, 'network_profile')?.network_policy;
    if (isUnresolved(engine)) return unknown('the network policy engine is not known from the configuration', engine);
    return AKS_NETWORK_POLICY_ENGINES.includes(String(engine)) ? pass : fail(`network_policy is ${engine === undefined ? 'not set' : JSON.stringify(engine)}`);
  },
};
