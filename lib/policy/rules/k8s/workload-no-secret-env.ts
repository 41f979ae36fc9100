import { fail, pass, type Rule } from '../../engine/rule';
import { block, blocks } from '../../engine/values';
import { containersOf, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

export const workloadNoSecretEnv: Rule = {
  id: 'HMS-K8S-21',
  publicChecks: ['CKV_K8S_35'],
  appliesTo: WORKLOAD_TYPES,
  summary: 'Secrets are mounted as files, not passed in environment variables',
  rationale: 'Environment variables leak into logs, crash dumps and child processes (IA-5, SC-28).',
  fix: 'Mount the secret as a volume and read it from the file.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    for (const c of containersOf(r, ctx)) {
      const fromSecret = blocks(c.values, 'env').some((e) => block(block(e, 'value_from'), 'secret_key_ref')) || blocks(c.values, 'env_from').some((e) => block(e, 'secret_ref'));
      if (fromSecret) return fail(`container ${c.name} reads a secret into its environment`);
    }
    return pass;
  },
};
