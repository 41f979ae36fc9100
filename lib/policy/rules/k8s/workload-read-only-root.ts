import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { containersOf, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

/** Azure Policy df49d893. */
export const workloadReadOnlyRoot: Rule = {
  id: 'HMS-K8S-8',
  publicChecks: ['CKV_K8S_22'],
  appliesTo: WORKLOAD_TYPES,
  summary: 'Containers have a read-only root filesystem',
  rationale: 'An attacker cannot drop tools into an image that cannot be written (CM-6, SI-7).',
  fix: 'Set security_context.read_only_root_filesystem = true; mount an emptyDir where the app writes.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    const settings = containersOf(r, ctx).map((c) => [c, c.securityContext?.read_only_root_filesystem] as const);
    // Kubernetes leaves the root filesystem writable unless the container says otherwise.
    const writable = settings.find(([, v]) => bool(v) === false || bool(v) === undefined);
    if (writable) return fail(`container ${writable[0].name} can write its root filesystem`);
    const undecided = settings.filter(([, v]) => bool(v) === 'unknown').map(([, v]) => v);
    return undecided.length > 0 ? unknown('read_only_root_filesystem is not known from the configuration', undecided) : pass;
  },
};
