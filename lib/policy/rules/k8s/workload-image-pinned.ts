import { imageTag } from '../../../core/images';
import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { containersOf, withoutContainers, WORKLOAD_TYPES } from './private/pod-spec';

/**
 * A version tag or a digest, as the blueprint contract allows; checkov CKV_K8S_43, which
 * requires a digest, is stricter and not shared.
 */
export const workloadImagePinned: Rule = {
  id: 'HMS-K8S-9',
  publicChecks: ['CKV_K8S_14'],
  appliesTo: WORKLOAD_TYPES,
  summary: 'Images are pinned to a version tag or a digest, never latest',
  rationale: '"latest" or no tag runs whatever was pushed last: the baseline configuration is unknown (CM-2, CM-6, SI-7).',
  fix: 'Use registry/name:<version> or, better, registry/name@sha256:<digest>.',
  check(r, ctx) {
    const missing = withoutContainers(r, ctx);
    if (missing) return missing;
    for (const c of containersOf(r, ctx)) {
      const named = c.values.image;
      // A private mirror's host is often known only at apply time (ECR account, ACR name):
      // the repository and tag after the last expression are what pinning is about.
      const image = typeof named === 'string' && isUnresolved(named) ? literalSuffix(named) : named;
      if (image === undefined || isUnresolved(image)) return unknown(`the image of ${c.name} is not known from the configuration`, named);
      if (typeof image !== 'string') return fail(`container ${c.name} names no image`);
      if (image.includes('@sha256:')) continue;
      const tag = imageTag(image);
      if (!tag || tag === 'latest') return fail(`image ${image} is ${tag ? 'tagged latest' : 'not tagged'}`);
    }
    return pass;
  },
};

/** The literal `/repository:tag` after the last `${...}` of an image, if there is one. */
function literalSuffix(image: string): string | undefined {
  const rest = image.slice(image.lastIndexOf('}') + 1);
  return rest.startsWith('/') && rest.length > 1 ? rest.slice(1) : undefined;
}
