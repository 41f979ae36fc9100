import { fail, pass, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { containersOf, WORKLOAD_TYPES } from './private/pod-spec';

/** CKV_K8S_22; Azure Policy df49d893. */
export const workloadReadOnlyRoot: Rule = {
  id: 'HMS-K8S-8',
  appliesTo: WORKLOAD_TYPES,
  summary: 'Containers have a read-only root filesystem',
  rationale: 'An attacker cannot drop tools into an image that cannot be written (CM-6, SI-7).',
  fix: 'Set security_context.read_only_root_filesystem = true; mount an emptyDir where the app writes.',
  check(r, ctx) {
    const writable = containersOf(r, ctx).find((c) => bool(c.securityContext?.read_only_root_filesystem) !== true);
    return writable ? fail(`container ${writable.name} can write its root filesystem`) : pass;
  },
};
