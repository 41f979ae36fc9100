import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { blocks, isUnresolved } from '../../engine/values';
import { containersOf, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

export const workloadNoHostPort: Rule = {
  id: 'HMS-K8S-20',
  publicChecks: ['CKV_K8S_26'],
  appliesTo: WORKLOAD_TYPES,
  summary: 'Containers publish no host ports',
  rationale: 'A host port exposes the pod on the node address, outside Services and NetworkPolicy (SC-7, CM-7).',
  fix: 'Remove port.host_port; expose the workload through a Service.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    for (const c of containersOf(r, ctx)) {
      for (const p of blocks(c.values, 'port')) {
        if (isUnresolved(p.host_port)) return unknown(`host_port of ${c.name} is not known from the configuration`, p.host_port);
        if (p.host_port !== undefined && p.host_port !== null && Number(p.host_port) !== 0) return fail(`container ${c.name} publishes host port ${String(p.host_port)}`);
      }
    }
    return pass;
  },
};
