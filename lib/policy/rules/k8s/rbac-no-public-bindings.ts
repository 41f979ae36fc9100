import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, blocks, isUnresolved } from '../../engine/values';

const EVERYONE = ['system:anonymous', 'system:unauthenticated', 'system:authenticated'];

/** Kubernetes RBAC good practices; the public-group bindings that trivy's cluster-admin checks look for. */
export const rbacNoPublicBindings: Rule = {
  id: 'HMS-K8S-18',
  appliesTo: ['kubernetes_role_binding', 'kubernetes_role_binding_v1', 'kubernetes_cluster_role_binding', 'kubernetes_cluster_role_binding_v1'],
  summary: 'No binding grants to everyone (anonymous, unauthenticated, all authenticated) or grants cluster-admin to a service account',
  rationale: 'Such bindings hand cluster rights to any caller or to any compromised pod (AC-3, AC-6, AC-14).',
  fix: 'Bind roles to named users, groups or service accounts, and never bind cluster-admin to a service account.',
  check(r) {
    const subjects = blocks(r.values, 'subject');
    const names = subjects.map((s) => s.name);
    if (names.some((n) => typeof n === 'string' && EVERYONE.includes(n.trim().toLowerCase()))) return fail('a subject is everyone');
    const role = block(r.values, 'role_ref')?.name;
    if (typeof role === 'string' && role.trim() === 'cluster-admin' && subjects.some((s) => String(s.kind).trim().toLowerCase() === 'serviceaccount')) {
      return fail('cluster-admin is bound to a service account');
    }
    const unresolved = [...names, role].filter(isUnresolved);
    return unresolved.length > 0 ? unknown('binding subjects are not known from the configuration', unresolved) : pass;
  },
};
