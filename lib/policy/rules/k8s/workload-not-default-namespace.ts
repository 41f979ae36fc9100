import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { setState } from '../../engine/values';
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
    if (ns === undefined || ns === null || ns === '' || ns === 'default') return fail('the workload runs in the default namespace');
    // A namespace resource's name is a reference that counts as set; a variable without a default may be "default".
    const set = setState(ns);
    return set === 'unknown' ? unknown('the namespace is not known from the configuration', ns) : pass;
  },
};
