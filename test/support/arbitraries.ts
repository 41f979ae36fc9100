/** fast-check generators for blueprints: valid ones, and hostile mutations of them. */
import fc from 'fast-check';

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/).filter((s) => !s.includes('--'));

const cidr = fc
  .tuple(fc.integer({ min: 1, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 8, max: 32 }))
  .map(([a, b, c, prefix]) => {
    const address = ((a << 24) >>> 0) + (b << 16) + (c << 8);
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const network = (address & mask) >>> 0;
    return `${[24, 16, 8, 0].map((s) => (network >>> s) & 255).join('.')}/${prefix}`;
  });

const image = fc
  // Registries a private AWS platform can pull from (ECR in its region, or an ECR pull-through upstream).
  .tuple(fc.constantFrom('ghcr.io', 'quay.io', '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com'), label, fc.stringMatching(/^v[0-9]{1,2}\.[0-9]{1,2}$/))
  .map(([registry, name, tag]) => `${registry}/${name}:${tag}`);

/** A valid blueprint as the plain object a user writes. */
export const validBlueprint = fc.record({
  clouds: fc.constantFrom<string[]>(['aws'], ['azure'], ['aws', 'azure']),
  nodePool: fc.record({
    name: label,
    count: fc.integer({ min: 1, max: 50 }),
    runtime: fc.constantFrom('fips-ubuntu-22.04', 'bottlerocket-fips'),
    baseline: fc.constantFrom('cis-level-1', 'cis-level-2'),
  }),
  storage: fc.oneof(
    { weight: 9, arbitrary: fc.record({
      volume: fc.record({
        name: label,
        // Within every limit: gp3 and managed disks (block), Azure Files NFS (file, from 100Gi).
        size: fc.oneof(fc.integer({ min: 100, max: 16000 }).map((n) => `${n}Gi`), fc.integer({ min: 1, max: 15 }).map((n) => `${n}Ti`)),
        encryption: fc.constant('aes256'),
        provisioning: fc.constantFrom('static', 'dynamic'),
        mountPath: fc.constantFrom('/data/pdfs', '/srv/data', '/mnt/audit'),
      }),
    }) },
    { weight: 1, arbitrary: fc.constant('none' as const) },
  ),
  network: fc.record({ policy: fc.record({ name: label, ingressCIDR: cidr, egress: fc.constant('deny-all'), allowDns: fc.boolean() }) }),
  workload: fc.record({ image, replicas: fc.integer({ min: 1, max: 20 }) }),
}).map((bp) => {
  // bottlerocket-fips cannot run on AWS without internet (ECR FIPS endpoints have no VPC endpoint).
  if (bp.nodePool.runtime === 'bottlerocket-fips' && bp.clouds.includes('aws')) bp = { ...bp, clouds: ['azure'] };
  // Shared file storage (more than one replica) is always created by the cloud stack.
  if (bp.storage !== 'none' && bp.workload.replicas > 1) {
    const { provisioning: _static, ...volume } = bp.storage.volume;
    return { ...bp, storage: { volume } };
  }
  return bp;
});

/** Strings an attacker or a typo puts in a field. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 300, maxLength: 600 }),
  fc.constantFrom(
    '${file("/etc/passwd")}',
    '%{ if true }x%{ endif }',
    '$${aws_iam_role.admin.arn}',
    '${TfToken[TOKEN.1]}',
    '$(curl http://169.254.169.254/)',
    '`id`',
    '; rm -rf / #',
    '../../../../etc/shadow',
    '\u202eevil',
    'name\nwith: newline',
    '__proto__',
    '',
    ' ',
    'Ünïcødé',
    '0.0.0.0/0',
    'latest',
  ),
);

export const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

type Json = Record<string, unknown>;

/** Every path to a value of a nested object. */
export function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value as Json).flatMap(([k, v]) => [prefix.concat(k), ...pathsOf(v, prefix.concat(k)).filter((p) => p.length > prefix.length + 1)]);
}

/** A copy of `value` with `path` set to `replacement`, or a key added beside it. */
export function mutate(value: Json, path: readonly string[], replacement: unknown, addKey?: string): Json {
  const copy = structuredClone(value);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  if (addKey !== undefined) Object.defineProperty(node, addKey, { value: replacement, enumerable: true, configurable: true, writable: true });
  else node[path[path.length - 1]] = replacement;
  return copy;
}
