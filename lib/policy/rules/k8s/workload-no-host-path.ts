import { fail, pass, type Rule } from '../../engine/rule';
import { block, blocks } from '../../engine/values';
import { podSpecs, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

/** Azure Policy 098fc59e. */
export const workloadNoHostPath: Rule = {
  id: 'HMS-K8S-6',
  publicChecks: ['CKV_K8S_27'],
  appliesTo: WORKLOAD_TYPES,
  summary: 'Pods mount no host paths',
  rationale: "A hostPath volume (the container runtime socket above all) gives a pod the node's files (AC-6, SC-4).",
  fix: 'Use a persistent volume claim, config map or secret volume instead.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    for (const spec of podSpecs(r, ctx)) {
      const hostPath = blocks(spec, 'volume').find((v) => block(v, 'host_path'));
      if (hostPath) return fail(`volume ${String(hostPath.name)} mounts ${String(block(hostPath, 'host_path')?.path ?? 'a host path')}`);
    }
    return pass;
  },
};
