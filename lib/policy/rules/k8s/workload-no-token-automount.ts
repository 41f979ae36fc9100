import { fail, pass, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { podSpecs, WORKLOAD_TYPES } from './private/pod-spec';

/** CKV_K8S_38. */
export const workloadNoTokenAutomount: Rule = {
  id: 'HMS-K8S-16',
  appliesTo: WORKLOAD_TYPES,
  summary: 'Pods do not mount a service account token unless they need one',
  rationale: 'A mounted token lets a compromised pod call the Kubernetes API (AC-6, IA-5).',
  fix: 'Set automount_service_account_token = false on the pod spec.',
  check(r, ctx) {
    const mounted = podSpecs(r, ctx).some((s) => bool(s.automount_service_account_token) !== false);
    return mounted ? fail('the service account token is mounted') : pass;
  },
};
