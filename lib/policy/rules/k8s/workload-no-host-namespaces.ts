import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { podSpecs, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

/** Azure Policy 47a1ee2f, 82985f06. */
export const workloadNoHostNamespaces: Rule = {
  id: 'HMS-K8S-5',
  publicChecks: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'],
  appliesTo: WORKLOAD_TYPES,
  summary: "Pods do not share the node's network, PID or IPC namespaces",
  rationale: "Host namespaces expose the node's processes and bypass NetworkPolicy (SC-7, AC-6, CM-6).",
  fix: 'Remove host_network, host_pid and host_ipc or set them to false.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    for (const spec of podSpecs(r, ctx)) {
      for (const key of ['host_network', 'host_pid', 'host_ipc']) {
        const v = bool(spec[key]);
        if (v === true) return fail(`${key} is true`);
        if (v === 'unknown') return unknown(`${key} is not known from the configuration`, spec[key]);
      }
    }
    return pass;
  },
};
