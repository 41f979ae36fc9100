import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { containersOf, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

/**
 * Stricter than CKV_K8S_20, which passes when the attribute is absent: Kubernetes
 * then defaults allowPrivilegeEscalation to true.
 */
export const workloadNoPrivilegeEscalation: Rule = {
  id: 'HMS-K8S-2',
  publicChecks: ['CKV_K8S_20'],
  appliesTo: WORKLOAD_TYPES,
  summary: 'Every container sets allow_privilege_escalation = false explicitly',
  rationale: 'Unset, Kubernetes allows setuid binaries to gain privileges (AC-6, CM-6).',
  fix: 'Set security_context.allow_privilege_escalation = false on every container.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    for (const c of containersOf(r, ctx)) {
      const v = bool(c.securityContext?.allow_privilege_escalation);
      if (v === 'unknown') return unknown(`allow_privilege_escalation of ${c.name} is not known from the configuration`, c.securityContext?.allow_privilege_escalation);
      if (v !== false) return fail(`container ${c.name} ${v === true ? 'allows' : 'does not forbid'} privilege escalation`);
    }
    return pass;
  },
};
