import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, isObject, isSet, isUnresolved } from '../../engine/values';
import { containersOf, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

/** Azure Policy e345eecc. */
export const workloadResourceLimits: Rule = {
  id: 'HMS-K8S-10',
  publicChecks: ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13'],
  appliesTo: WORKLOAD_TYPES,
  summary: 'Containers request and limit CPU and memory',
  rationale: 'Without limits one workload can starve the others on a node (SC-6, CM-6).',
  fix: 'Set resources { requests = { cpu, memory }, limits = { cpu, memory } }.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    const undecided: unknown[] = [];
    for (const c of containersOf(r, ctx)) {
      const raw = c.values.resources;
      if (isUnresolved(raw)) {
        undecided.push(raw);
        continue;
      }
      const res = block(c.values, 'resources');
      for (const kind of ['requests', 'limits']) {
        const m = res?.[kind];
        const map = Array.isArray(m) ? m[0] : m;
        if (isUnresolved(map)) {
          undecided.push(map);
          continue;
        }
        const missing = ['cpu', 'memory'].filter((k) => !isObject(map) || !isSet(map[k]));
        if (missing.length > 0) return fail(`container ${c.name} sets no ${kind} for ${missing.join(' and ')}`);
        undecided.push(...['cpu', 'memory'].map((k) => (map as Record<string, unknown>)[k]).filter(isUnresolved));
      }
    }
    return undecided.length > 0 ? unknown('resource requests or limits are not known from the configuration', undecided) : pass;
  },
};
