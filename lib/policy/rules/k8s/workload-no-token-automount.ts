import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { podSpecs, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

export const workloadNoTokenAutomount: Rule = {
  id: 'HMS-K8S-16',
  appliesTo: WORKLOAD_TYPES,
  summary: 'Pods do not mount a service account token unless they need one',
  rationale: 'A mounted token lets a compromised pod call the Kubernetes API (AC-6, IA-5).',
  fix: 'Set automount_service_account_token = false on the pod spec.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    const settings = podSpecs(r, ctx).map((s) => s.automount_service_account_token);
    // The kubernetes provider defaults automount_service_account_token to true (kubernetes/schema_pod_spec.go, v2.38.0).
    if (settings.some((v) => bool(v) === true || bool(v) === undefined)) return fail('the service account token is mounted');
    const undecided = settings.filter((v) => bool(v) === 'unknown');
    return undecided.length > 0 ? unknown('automount_service_account_token is not known from the configuration', undecided) : pass;
  },
};
