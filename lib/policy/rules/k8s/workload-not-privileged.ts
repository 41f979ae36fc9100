import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { containersOf, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

/** Azure Policy 95edb821. */
export const workloadNotPrivileged: Rule = {
  id: 'HMS-K8S-1',
  publicChecks: ['CKV_K8S_16'],
  appliesTo: WORKLOAD_TYPES,
  summary: 'No container runs privileged',
  rationale: 'A privileged container is root on the node, outside every other control (AC-6, CM-6).',
  fix: 'Remove security_context.privileged or set it to false; grant specific capabilities instead.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    for (const c of containersOf(r, ctx)) {
      const v = bool(c.securityContext?.privileged);
      if (v === true) return fail(`container ${c.name} is privileged`);
      if (v === 'unknown') return unknown(`privileged of ${c.name} is not known from the configuration`, c.securityContext?.privileged);
    }
    return pass;
  },
};
