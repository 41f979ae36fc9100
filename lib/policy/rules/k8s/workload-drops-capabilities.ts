import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, strings } from '../../engine/values';
import { containersOf, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

/** Azure Policy c26596ff. */
export const workloadDropsCapabilities: Rule = {
  id: 'HMS-K8S-3',
  publicChecks: ['CKV_K8S_37', 'CKV_K8S_28', 'CKV_K8S_25', 'CKV_K8S_39'],
  appliesTo: WORKLOAD_TYPES,
  summary: 'Containers drop all Linux capabilities and add none',
  rationale: 'Capabilities such as NET_RAW and SYS_ADMIN give pieces of root (AC-6, CM-7).',
  fix: 'Set security_context.capabilities { drop = ["ALL"] } and no add.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    for (const c of containersOf(r, ctx)) {
      const caps = block(c.securityContext, 'capabilities');
      const drop = strings(caps?.drop);
      const add = strings(caps?.add);
      if (drop === 'unknown' || add === 'unknown') return unknown(`capabilities of ${c.name} are not known from the configuration`, caps?.drop, caps?.add);
      if (!drop?.includes('ALL')) return fail(`container ${c.name} does not drop ALL capabilities`);
      if (add && add.length > 0) return fail(`container ${c.name} adds ${add.join(', ')}`);
    }
    return pass;
  },
};
