import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { blocks, isUnresolved } from '../../engine/values';

export const ROLE_TYPES = ['kubernetes_role', 'kubernetes_role_v1', 'kubernetes_cluster_role', 'kubernetes_cluster_role_v1'];

/** Kubernetes RBAC good practices; checkov's CKV_K8S_155 to 157 and trivy's KSV-0044 to 0046 judge the same grants on manifests, not Terraform. */
export const rbacNoWildcards: Rule = {
  id: 'HMS-K8S-17',
  publicChecks: ['CKV_K8S_49'],
  appliesTo: ROLE_TYPES,
  summary: 'Roles grant no wildcard verbs, resources or API groups, and no escalate, bind or impersonate',
  rationale: 'A wildcard grants every present and future permission; escalate, bind and impersonate grant the rest (AC-6, AC-6(10)).',
  fix: 'List the API groups, resources and verbs the subject needs.',
  check(r) {
    const unknowns: unknown[] = [];
    for (const rule of blocks(r.values, 'rule')) {
      for (const key of ['verbs', 'resources', 'api_groups']) {
        const list = rule[key];
        if (isUnresolved(list)) {
          unknowns.push(list);
          continue;
        }
        const items = (Array.isArray(list) ? list : list === undefined ? [] : [list]).map((x) => String(x).trim().toLowerCase());
        if (items.some(isUnresolved)) unknowns.push(...items.filter(isUnresolved));
        if (items.includes('*')) return fail(`a rule grants * in ${key}`);
        if (key === 'verbs') {
          const risky = items.filter((v) => ['escalate', 'bind', 'impersonate'].includes(v));
          if (risky.length > 0) return fail(`a rule grants ${risky.join(', ')}`);
        }
      }
    }
    return unknowns.length > 0 ? unknown('role rules are not known from the configuration', unknowns) : pass;
  },
};
