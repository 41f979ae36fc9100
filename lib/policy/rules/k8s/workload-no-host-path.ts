import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, blocks, isObject, isUnresolved } from '../../engine/values';
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
    const unknowns: unknown[] = [];
    for (const spec of podSpecs(r, ctx)) {
      const hostPath = blocks(spec, 'volume').find((v) => block(v, 'host_path'));
      if (hostPath) return fail(`volume ${String(hostPath.name)} mounts ${String(block(hostPath, 'host_path')?.path ?? 'a host path')}`);
      // `volume = "..."` next to volume blocks is refused by Terraform, and hides the blocks from the HCL reader: never a pass.
      const raw = spec.volume;
      if (raw !== undefined && raw !== null && !Array.isArray(raw) && !isObject(raw)) unknowns.push(isUnresolved(raw) ? raw : `\${unreadable volume ${JSON.stringify(raw)}}`);
    }
    return unknowns.length > 0 ? unknown('the volumes of the pod are not readable from the configuration', unknowns) : pass;
  },
};
