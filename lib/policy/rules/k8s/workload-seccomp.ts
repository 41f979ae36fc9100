import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, isUnresolved } from '../../engine/values';
import { containersOf, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

const ALLOWED = ['RuntimeDefault', 'Localhost'];

/** Derived (checkov checks only PodSecurityPolicy). */
export const workloadSeccomp: Rule = {
  id: 'HMS-K8S-7',
  appliesTo: WORKLOAD_TYPES,
  summary: 'Containers run under a seccomp profile',
  rationale: 'Seccomp cuts the kernel surface a compromised container can reach (CM-7, SC-39).',
  fix: 'Set security_context.seccomp_profile { type = "RuntimeDefault" } on the pod or container.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    for (const c of containersOf(r, ctx)) {
      const type = block(c.securityContext, 'seccomp_profile')?.type ?? block(c.podSecurityContext, 'seccomp_profile')?.type;
      if (isUnresolved(type)) return unknown(`the seccomp profile of ${c.name} is not known from the configuration`, type);
      if (!ALLOWED.includes(String(type))) return fail(`container ${c.name} has no RuntimeDefault or Localhost seccomp profile`);
    }
    return pass;
  },
};
