import { fail, pass, type Rule } from '../../engine/rule';
import { block, isObject } from '../../engine/values';
import { containersOf, WORKLOAD_TYPES } from './private/pod-spec';

/** CKV_K8S_10 to CKV_K8S_13; Azure Policy e345eecc. */
export const workloadResourceLimits: Rule = {
  id: 'HMS-K8S-10',
  appliesTo: WORKLOAD_TYPES,
  summary: 'Containers request and limit CPU and memory',
  rationale: 'Without limits one workload can starve the others on a node (SC-6, CM-6).',
  fix: 'Set resources { requests = { cpu, memory }, limits = { cpu, memory } }.',
  check(r, ctx) {
    for (const c of containersOf(r, ctx)) {
      const res = block(c.values, 'resources');
      for (const kind of ['requests', 'limits']) {
        const m = res?.[kind];
        const map = Array.isArray(m) ? m[0] : m;
        if (!isObject(map) || !map.cpu || !map.memory) return fail(`container ${c.name} sets no ${kind} for cpu and memory`);
      }
    }
    return pass;
  },
};
