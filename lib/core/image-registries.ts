/**
 * Where a workload image can come from on a private AWS platform, whose nodes have
 * no route to the internet: Amazon ECR in the platform's region (through the
 * `ecr.dkr` VPC endpoint), or an upstream registry that ECR pull-through cache can
 * mirror into it. Anything else cannot be pulled and is refused at validate.
 *
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
 *      (supported upstreams; which need a Secrets Manager credential)
 * @see https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-ecr.html
 *      (pull-through cache in GovCloud: ECR-to-ECR rules within the partition only)
 */

/** One upstream registry that ECR pull-through cache supports, keyed by the host users write. */
export interface PullThroughUpstream {
  /** The registry host as it appears in an image reference, e.g. `ghcr.io`. */
  readonly host: string;
  /** What ECR calls it (`upstream_registry_url`), e.g. `registry-1.docker.io` for `docker.io`. */
  readonly upstreamUrl: string;
  /** Short name used in the cache's repository prefix and the credential's secret name. */
  readonly code: string;
  /** True when ECR needs a Secrets Manager credential (`ecr-pullthroughcache/...`) to pull from it. */
  readonly needsCredential: boolean;
}

export const PULL_THROUGH_UPSTREAMS: readonly PullThroughUpstream[] = [
  { host: 'ghcr.io', upstreamUrl: 'ghcr.io', code: 'ghcr', needsCredential: true },
  { host: 'docker.io', upstreamUrl: 'registry-1.docker.io', code: 'dockerhub', needsCredential: true },
  { host: 'registry.gitlab.com', upstreamUrl: 'registry.gitlab.com', code: 'gitlab', needsCredential: true },
  { host: 'cgr.dev', upstreamUrl: 'cgr.dev', code: 'chainguard', needsCredential: true },
  { host: 'quay.io', upstreamUrl: 'quay.io', code: 'quay', needsCredential: false },
  { host: 'registry.k8s.io', upstreamUrl: 'registry.k8s.io', code: 'k8s', needsCredential: false },
  { host: 'public.ecr.aws', upstreamUrl: 'public.ecr.aws', code: 'ecr-public', needsCredential: false },
];

/** The registry host of an image reference; `docker.io` when the reference names none (as Docker does). */
export function registryHost(image: string): string {
  const first = image.split('/')[0];
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : 'docker.io';
}

const ECR_HOST = /^([0-9]{12})\.dkr\.ecr(-fips)?\.([a-z0-9-]+)\.amazonaws\.com$/;

/** How the nodes of a private platform in `region` can pull `image`. */
export type ImageSource =
  | { readonly kind: 'ecr'; readonly account: string }
  | { readonly kind: 'pull-through'; readonly upstream: PullThroughUpstream }
  | { readonly kind: 'unreachable'; readonly reason: string };

export function imageSource(image: string, region: string): ImageSource {
  const host = registryHost(image);
  const ecr = ECR_HOST.exec(host);
  if (ecr) {
    if (ecr[2]) return { kind: 'unreachable', reason: `${host} is an ECR FIPS endpoint, which has no VPC endpoint (PrivateLink); write the image as ${ecr[1]}.dkr.ecr.${ecr[3]}.amazonaws.com/..., which is reached over TLS through the ecr.dkr endpoint` };
    if (ecr[3] !== region) {
      return { kind: 'unreachable', reason: `${host} is ECR in ${ecr[3]}, but the nodes reach ECR only in ${region} through its VPC endpoints; replicate the repository to ${region} (ECR replication) and name that copy` };
    }
    return { kind: 'ecr', account: ecr[1] };
  }
  const upstream = PULL_THROUGH_UPSTREAMS.find((u) => u.host === host);
  if (upstream) return { kind: 'pull-through', upstream };
  return {
    kind: 'unreachable',
    reason: `${host} cannot be reached from nodes without internet access, and ECR pull-through cache cannot mirror it (it mirrors ${PULL_THROUGH_UPSTREAMS.map((u) => u.host).join(', ')}); push the image to ECR in ${region} (<account>.dkr.ecr.${region}.amazonaws.com/<name>:<tag>) and name that`,
  };
}
