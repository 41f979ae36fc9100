import { fail, pass, type Rule } from '../../engine/rule';
import { metadataOf, WORKLOAD_TYPES } from './private/pod-spec';

/** CKV_K8S_21. */
export const workloadNotDefaultNamespace: Rule = {
  id: 'HMS-K8S-15',
  appliesTo: WORKLOAD_TYPES,
  summary: 'Workloads run in their own namespace, not default',
  rationale: 'Namespaces carry the isolation: network policy, quotas, Pod Security labels (AC-4, SC-7).',
  fix: 'Set metadata.namespace to the workload namespace.',
  check(r) {
    const ns = metadataOf(r.values).namespace;
    return ns === undefined || ns === 'default' ? fail('the workload runs in the default namespace') : pass;
  },
};
