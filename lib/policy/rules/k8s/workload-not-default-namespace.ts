import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { setState } from '../../engine/values';
import { metadataOf, WORKLOAD_TYPES } from './private/pod-spec';

/** Namespaced kinds besides workloads that must not land in default (old and _v1 names). */
const NAMESPACED = ['service', 'secret', 'service_account', 'role', 'role_binding', 'config_map', 'ingress', 'persistent_volume_claim'].flatMap((k) => [`kubernetes_${k}`, `kubernetes_${k}_v1`]);

export const workloadNotDefaultNamespace: Rule = {
  id: 'HMS-K8S-15',
  publicChecks: ['CKV_K8S_21'],
  appliesTo: [...WORKLOAD_TYPES, ...NAMESPACED],
  summary: 'Workloads and their namespaced resources live in their own namespace, not default',
  rationale: 'Namespaces carry the isolation: network policy, quotas, Pod Security labels, RBAC scope (AC-4, SC-7).',
  fix: 'Set metadata.namespace to the workload namespace.',
  check(r) {
    const ns = metadataOf(r.values).namespace;
    if (ns === undefined || ns === null || ns === '' || ns === 'default') return fail('it is in the default namespace');
    // A namespace resource's name is a reference that counts as set; a variable without a default may be "default".
    const set = setState(ns);
    return set === 'unknown' ? unknown('the namespace is not known from the configuration', ns) : pass;
  },
};
