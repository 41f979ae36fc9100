import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool, num } from '../../engine/values';
import { containersOf, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

/** Derived (checkov checks only PodSecurityPolicy); Azure Policy f06ddb64. */
export const workloadRunsAsNonRoot: Rule = {
  id: 'HMS-K8S-4',
  appliesTo: WORKLOAD_TYPES,
  summary: 'Containers must run as a non-root user',
  rationale: 'A process running as root in a container is one kernel bug away from root on the node (AC-6, CM-6).',
  fix: 'Set run_as_non_root = true (pod or container security_context) and a non-zero run_as_user.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    for (const c of containersOf(r, ctx)) {
      const nonRoot = bool(c.securityContext?.run_as_non_root) ?? bool(c.podSecurityContext?.run_as_non_root);
      const user = num(c.securityContext?.run_as_user) ?? num(c.podSecurityContext?.run_as_user);
      if (nonRoot === 'unknown' || user === 'unknown') return unknown(`the user of ${c.name} is not known from the configuration`, c.securityContext?.run_as_non_root, c.podSecurityContext?.run_as_non_root, c.securityContext?.run_as_user, c.podSecurityContext?.run_as_user);
      if (user === 0) return fail(`container ${c.name} runs as user 0`);
      if (nonRoot !== true) return fail(`container ${c.name} may run as root (run_as_non_root is not true)`);
    }
    return pass;
  },
};
