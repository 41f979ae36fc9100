/**
 * The blueprint format. One zod schema is the single source for validation,
 * TypeScript types and the JSON Schema in `blueprints/` that editors use.
 *
 * Conversions (size strings to GiB, file name to blueprint name) happen after
 * validation in `normalize.ts`, so that this schema stays representable as JSON Schema.
 */
import { z } from 'zod';
import { BASELINES, DEFAULT_BASELINE } from '../core/baselines';
import {
  AWS_NETWORK_POLICY_MODES,
  DEFAULT_AWS_NETWORK_POLICY_MODE,
  AWS_GP3_MAX_GIB,
  AZURE_ENVIRONMENTS,
  AZURE_MANAGED_DISK_MAX_GIB,
  DEFAULT_AZURE_ENVIRONMENT,
  DEFAULT_AZURE_LOCATION,
  DEFAULT_AZURE_VM_SIZE,
  DEFAULT_AZURE_VNET_CIDR,
  AWS_GP3_MIN_GIB,
  CLOUDS,
  CLOUDWATCH_RETENTION_DAYS,
  DEFAULT_AWS_AZ_COUNT,
  DEFAULT_AWS_INSTANCE_TYPE,
  DEFAULT_AWS_REGION,
  DEFAULT_AWS_VPC_CIDR,
  DEFAULT_CLOUDS,
  DEFAULT_EGRESS,
  DEFAULT_LOG_RETENTION_DAYS,
  DEFAULT_METADATA_HOP_LIMIT,
  DEFAULT_NODE_DISK_SIZE_GIB,
  DEFAULT_VOLUME_ENCRYPTION,
  DEFAULT_VOLUME_PROVISIONING,
  DEFAULT_WORKLOAD_PORT,
  VOLUME_PROVISIONING,
  EGRESS_MODES,
  MAX_AWS_AZ_COUNT,
  MAX_NAME_LENGTH,
  MAX_NODE_COUNT,
  MAX_WORKLOAD_REPLICAS,
  MIN_AWS_AZ_COUNT,
  MIN_NODE_DISK_SIZE_GIB,
  VOLUME_ENCRYPTIONS,
  DEFAULT_VOLUME_MOUNT_PATH,
  DEFAULT_NETWORK_WATCHER_RESOURCE_GROUP,
  AZURE_FILES_NFS_MIN_GIB,
  AZURE_FILES_NFS_MAX_GIB,
  AGENCY_GATEWAY_TYPES,
  AKS_MAX_SURGE_PERCENT,
  AKS_OVERLAY_NODE_PREFIX,
  AKS_POD_CIDR_BASES,
  AKS_SERVICE_CIDR_CANDIDATES,
  DEFAULT_AKS_POD_CIDR,
  DEFAULT_AKS_POD_CIDR_PREFIX,
  DEFAULT_AKS_SYSTEM_NODE_COUNT,
  DEFAULT_UPSTREAM_CREDENTIALS,
  UPSTREAM_CREDENTIALS,
} from '../core/defaults';
import { DEFAULT_KUBERNETES_VERSION, KNOWN_KUBERNETES_VERSIONS } from '../core/kubernetes-versions';
import { DEFAULT_TFC_HOSTNAME, NOTIFICATION_URL_ENV } from '../core/terraform-cloud';
import { RUNTIMES } from '../core/runtimes';
import { cidrProblem, cidrsOverlap, ingressCidrProblem } from '../core/cidr';
import { parseSizeGiB, SIZE_HINT } from '../core/sizes';
import { literalProblem } from '../core/tokens';
import { imageTag } from '../core/images';
import { imageSource } from '../core/image-registries';
import { SYSTEM_NAMESPACES } from '../core/namespaces';
import { MAX_TAG_VALUE_LENGTH, RESERVED_TAG_KEYS, RESERVED_TAG_PREFIX, TAG_TEXT_PATTERN } from '../core/tags';
import { aksNodePoolName, rotationName } from '../azure/private/names';
import { isImageRevision } from '../aws/private/image-revision';

const MAX_TEXT_LENGTH = 256;

/** Any string in a blueprint: bounded, and never a Terraform expression. */
function text(maxLength = MAX_TEXT_LENGTH, example?: string) {
  const required = example ? `required; e.g. ${example}` : 'required';
  return z
    .string({ error: (iss) => (iss.input === undefined ? required : `expected text, received ${describe(iss.input)}`) })
    .max(maxLength, { error: `is longer than ${maxLength} characters` })
    .check((ctx) => {
      const problem = literalProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: problem });
    });
}

export function systemNamespaceMessage(name: string): string {
  return `${JSON.stringify(name)} names the blueprint's Kubernetes namespace, and ${SYSTEM_NAMESPACES.join(', ')} belong to Kubernetes itself; choose another name`;
}

/** A name used in cloud resource names and Kubernetes objects. */
const Name = text(MAX_NAME_LENGTH, 'dcaa-secure').regex(/^[a-z]([a-z0-9-]*[a-z0-9])?$/, {
  error: (iss) =>
    `${JSON.stringify(iss.input)} is not a valid name; use lowercase letters, digits and "-", starting with a letter and ending with a letter or digit (at most ${MAX_NAME_LENGTH} characters), e.g. dcaa-secure`,
});

function wholeNumber(min: number, max: number) {
  const range = `a whole number from ${min} to ${max}`;
  const outOfRange = (iss: { input?: unknown }) => `must be ${range}, received ${describe(iss.input)}`;
  return z
    .number({ error: (iss) => (iss.input === undefined ? `required; ${range}` : `expected ${range}, received ${describe(iss.input)}`) })
    .int({ error: outOfRange })
    .min(min, { error: outOfRange })
    .max(max, { error: outOfRange });
}

/**
 * An enum whose errors list the allowed values. `notAllowed` explains a refusal
 * in compliance terms where a value would weaken a control.
 */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, notAllowed?: (value: unknown) => string) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `required; allowed: ${values.join(', ')}`
        : typeof iss.input === 'number'
          ? `expected text, received ${describe(iss.input)}; allowed: ${values.join(', ')} (put numbers in quotes, e.g. "${values[0]}")`
          : notAllowed && typeof iss.input === 'string'
            ? notAllowed(iss.input)
            : `${describe(iss.input)} is not allowed; allowed: ${values.join(', ')}`,
  });
}

/** The network allowed in: the constructs check it with the same function. */
function ingressCidr() {
  return text(18, '192.168.15.0/24').check((ctx) => {
    const problem = ingressCidrProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: problem });
  });
}

function cidr(minPrefix = 0, maxPrefix = 32) {
  return text(18, '192.168.15.0/24').check((ctx) => {
    const problem = cidrProblem(ctx.value);
    const prefix = Number(ctx.value.split('/')[1]);
    if (problem) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: problem });
    } else if (prefix < minPrefix || prefix > maxPrefix) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `prefix /${prefix} is not allowed; use a prefix from /${minPrefix} to /${maxPrefix}`,
      });
    }
  });
}

const Size = text(16, '1Ti')
  .check((ctx) => {
    if (parseSizeGiB(ctx.value) === undefined) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `${JSON.stringify(ctx.value)} is not a size; ${SIZE_HINT}` });
    }
  })
  .describe(`Size with a binary unit: ${SIZE_HINT}.`);

/**
 * An OCI image reference: `registry/path[:tag][@sha256:digest]`.
 * @see https://github.com/distribution/reference/blob/main/reference.go
 */
const IMAGE_PATTERN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

const Image = text(512, 'ghcr.io/hms/dcaa-audit:v1.0')
  .regex(IMAGE_PATTERN, {
    error: (iss) =>
      `${JSON.stringify(iss.input)} is not an image reference; use registry/name:tag or registry/name@sha256:<digest>, e.g. ghcr.io/hms/dcaa-audit:v1.0`,
  })
  .check((ctx) => {
    if (!IMAGE_PATTERN.test(ctx.value) || ctx.value.includes('@sha256:')) return;
    const tag = imageTag(ctx.value);
    if (!tag || tag === 'latest') {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `${JSON.stringify(ctx.value)} is ${tag ? 'tagged latest' : 'not tagged'}, so what runs is unknown (NIST 800-53 CM-2, CM-6, SI-7; rule HMS-K8S-9); pin a version tag or, better, a @sha256 digest`,
      });
    }
  });

const AWS_REGION_PATTERN = /^[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-[0-9]$/;
const TAG_CHARACTERS = 'letters, digits, plain spaces and _ . : / = + - @ (no invisible characters such as zero-width spaces or byte order marks)';

/** `text` with invisible characters shown as `\u{...}`, for messages about them. */
function visible(text: unknown): string {
  return JSON.stringify(String(text)).replace(/[\p{Cf}\p{Zl}\p{Zp}\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu, (c) => `\\u{${c.codePointAt(0)?.toString(16)}}`);
}

const TagKey = text(128)
  .min(1, { error: 'a tag key cannot be empty' })
  .regex(TAG_TEXT_PATTERN, { error: (iss) => `tag key ${visible(iss.input)}: tag keys may hold ${TAG_CHARACTERS}` })
  .refine((k) => k.trim() === k, { error: 'a tag key cannot start or end with a space' })
  .refine((k) => !/^aws:/i.test(k), { error: 'tag keys starting with "aws:" are reserved by AWS; choose another prefix' })
  .refine((k) => !k.toLowerCase().startsWith(RESERVED_TAG_PREFIX) && !RESERVED_TAG_KEYS.includes(k.toLowerCase()), {
    error: (iss) => `${JSON.stringify(iss.input)} is set by hms-sys on every resource (${RESERVED_TAG_PREFIX}*, ${RESERVED_TAG_KEYS.join(', ')}), so that audits can trust it; choose another key`,
  });
const TagValue = text(MAX_TAG_VALUE_LENGTH).regex(TAG_TEXT_PATTERN, {
  error: (iss) => `${visible(iss.input)}: tag values may hold ${TAG_CHARACTERS}`,
});

/**
 * Azure tag names may not hold `< > % & \ ? /`, and Azure treats names that differ
 * only in case as one. @see https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations
 */
const AZURE_TAG_NAME_FORBIDDEN = /[<>%&\\?/]/;

const NodePool = z
  .strictObject({
    name: Name.describe('Node pool name; becomes the EKS node group name.'),
    count: wholeNumber(1, MAX_NODE_COUNT).describe('Desired number of nodes.'),
    minCount: wholeNumber(0, MAX_NODE_COUNT)
      .optional()
      .describe('Lower bound for autoscaling. Default: count.'),
    maxCount: wholeNumber(1, MAX_NODE_COUNT)
      .optional()
      .describe('Upper bound for autoscaling. Default: count.'),
    runtime: oneOf(RUNTIMES, (v) => `${describe(v)} is not a FIPS 140 validated runtime (NIST 800-53 SC-13); allowed: ${RUNTIMES.join(', ')}`).describe(
      'FIPS-capable node image.',
    ),
    baseline: oneOf(BASELINES).default(DEFAULT_BASELINE).describe(`Hardening profile. Default: ${DEFAULT_BASELINE}.`),
    diskSizeGiB: wholeNumber(MIN_NODE_DISK_SIZE_GIB, AWS_GP3_MAX_GIB)
      .default(DEFAULT_NODE_DISK_SIZE_GIB)
      .describe(`Root disk size per node in GiB. Default: ${DEFAULT_NODE_DISK_SIZE_GIB}.`),
    metadataHopLimit: z
      .union([z.literal(1), z.literal(2)], { error: (iss) => `${describe(iss.input)} is not allowed; allowed: 1, 2 (2 lets pods reach instance metadata; prefer Pod Identity)` })
      .default(DEFAULT_METADATA_HOP_LIMIT)
      .describe(`IMDSv2 hop limit. Default: ${DEFAULT_METADATA_HOP_LIMIT}.`),
  })
  .superRefine((pool, ctx) => {
    const min = pool.minCount ?? pool.count;
    const max = pool.maxCount ?? pool.count;
    if (pool.minCount !== undefined && pool.minCount > pool.count) {
      ctx.addIssue({ code: 'custom', path: ['minCount'], input: pool.minCount, message: `minCount (${pool.minCount}) must be <= count (${pool.count})` });
    }
    if (pool.maxCount !== undefined && pool.maxCount < pool.count) {
      ctx.addIssue({ code: 'custom', path: ['maxCount'], input: pool.maxCount, message: `maxCount (${pool.maxCount}) must be >= count (${pool.count})` });
    }
    if (min > max) {
      ctx.addIssue({ code: 'custom', path: ['maxCount'], input: max, message: `maxCount (${max}) must be >= minCount (${min})` });
    }
  });

/** Folders a volume must not hide: the container's own system paths and its scratch space. */
const RESERVED_MOUNT_PATHS = ['/', '/bin', '/dev', '/etc', '/lib', '/proc', '/sbin', '/sys', '/tmp', '/usr', '/var', '/run'];

const MountPath = text(128, DEFAULT_VOLUME_MOUNT_PATH)
  .regex(/^(\/[A-Za-z0-9._-]+)+$/, {
    error: (iss) => `${JSON.stringify(iss.input)} is not an absolute folder path; use letters, digits, ".", "_", "-" and "/", e.g. ${DEFAULT_VOLUME_MOUNT_PATH}`,
  })
  .check((ctx) => {
    const parts = ctx.value.split('/');
    if (parts.includes('..') || parts.includes('.')) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `${JSON.stringify(ctx.value)} holds "." or ".."; write the folder plainly, e.g. ${DEFAULT_VOLUME_MOUNT_PATH}` });
    } else if (RESERVED_MOUNT_PATHS.some((r) => ctx.value === r || (r !== '/' && ctx.value.startsWith(`${r}/`)))) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `${JSON.stringify(ctx.value)} would hide a system folder of the container (${RESERVED_MOUNT_PATHS.filter((r) => r !== '/').join(', ')}); mount the volume elsewhere, e.g. ${DEFAULT_VOLUME_MOUNT_PATH}`,
      });
    }
  });

const StorageVolume = z.strictObject({
  volume: z.strictObject({
    name: Name.describe('Volume name; tags the disk or file system and names its Kubernetes claim.'),
    size: Size,
    encryption: oneOf(VOLUME_ENCRYPTIONS)
      .default(DEFAULT_VOLUME_ENCRYPTION)
      .describe('aes256: AES-256 under a customer-managed key with rotation.'),
    provisioning: oneOf(VOLUME_PROVISIONING)
      .default(DEFAULT_VOLUME_PROVISIONING)
      .describe(
        'For a block volume (a workload of one replica): static: the cloud stack creates the disk (protected from destroy) and Kubernetes binds a claim to it; dynamic: the encrypted storage class creates the disk when the claim is first used. Shared file storage is always created by the cloud stack. Default: static.',
      ),
    mountPath: MountPath.default(DEFAULT_VOLUME_MOUNT_PATH).describe(`Folder where every replica mounts the volume. Default: ${DEFAULT_VOLUME_MOUNT_PATH}.`),
    readOnly: z
      .boolean({ error: (iss) => `expected true or false, received ${describe(iss.input)}` })
      .default(false)
      .describe('Mount the volume read-only in the workload. Default: false.'),
  }),
});

/**
 * Storage is declared, never forgotten: a volume, or `none` for a workload that
 * keeps no data. A blueprint that leaves the section out is refused.
 */
const STORAGE_REQUIRED =
  'required; add a storage section with the volume the workload keeps its data on (storage: { volume: { name: contract-pdfs, size: 1Ti } }), or write "storage: none" if it keeps no data';
const Storage = z.union([z.literal('none'), StorageVolume], {
  error: (iss) =>
    iss.input === undefined
      ? STORAGE_REQUIRED
      : `expected a mapping with a volume, or "none"; received ${describe(iss.input)}. ${STORAGE_REQUIRED.replace('required; ', 'To fix: ')}`,
});

const Network = z.strictObject({
  policy: z.strictObject({
    name: Name.describe('Network policy name.'),
    ingressCIDR: ingressCidr().describe('The only network allowed to reach the workload, e.g. an agency HQ range.'),
    allowDns: z
      .boolean({ error: (iss) => `expected true or false, received ${describe(iss.input)}` })
      .default(false)
      .describe('Let pods resolve names through cluster DNS (egress to kube-dns on port 53 only). Default: false.'),
    egress: oneOf(
      EGRESS_MODES,
      (v) => `${describe(v)} is not allowed: egress is denied by default and allowed by exception (NIST 800-53 SC-7(5), AC-4; HIPAA 164.312(e)(1)); allowed: ${EGRESS_MODES.join(', ')}`,
    )
      .default(DEFAULT_EGRESS)
      .describe('deny-all: no route to the internet; AWS APIs through VPC endpoints.'),
  }),
});

const Workload = z.strictObject({
  image: Image.describe('Container image: registry/name:tag, or @sha256 digest (preferred).'),
  replicas: wholeNumber(1, MAX_WORKLOAD_REPLICAS).describe('Number of pods.'),
  port: wholeNumber(1024, 65535).default(DEFAULT_WORKLOAD_PORT).describe(`Port the container listens on (unprivileged). Default: ${DEFAULT_WORKLOAD_PORT}.`),
  allowedRegistries: z
    .array(
      text(253).regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(\/[a-z0-9._-]+)*$/, {
        error: (iss) => `${JSON.stringify(iss.input)} is not a registry; e.g. ghcr.io/hms or 123456789012.dkr.ecr.us-gov-west-1.amazonaws.com`,
      }),
    )
    .max(20)
    .default([])
    .describe('Registries (or registry/path prefixes) the image must come from. Default: any.'),
}).superRefine((w, ctx) => {
  if (w.allowedRegistries.length > 0 && !w.allowedRegistries.some((r) => w.image.startsWith(`${r}/`))) {
    ctx.addIssue({
      code: 'custom',
      path: ['image'],
      input: w.image,
      message: `${JSON.stringify(w.image)} is not from an allowed registry (NIST 800-53 CM-7(5), SI-7); allowed: ${w.allowedRegistries.join(', ')}`,
    });
  }
});

export const Aws = z.strictObject({
  region: text(32)
    .regex(AWS_REGION_PATTERN, { error: (iss) => `${JSON.stringify(iss.input)} is not an AWS region; e.g. us-gov-west-1, us-gov-east-1, us-east-1` })
    .default(DEFAULT_AWS_REGION)
    .describe(`AWS region. Default: ${DEFAULT_AWS_REGION} (GovCloud).`),
  vpcCidr: cidr(16, 20).default(DEFAULT_AWS_VPC_CIDR).describe(`VPC range, /16 to /20. Default: ${DEFAULT_AWS_VPC_CIDR}.`),
  availabilityZones: wholeNumber(MIN_AWS_AZ_COUNT, MAX_AWS_AZ_COUNT)
    .default(DEFAULT_AWS_AZ_COUNT)
    .describe(`Number of availability zones for private subnets. Default: ${DEFAULT_AWS_AZ_COUNT}.`),
  instanceType: text(32)
    .regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, { error: (iss) => `${JSON.stringify(iss.input)} is not an EC2 instance type; e.g. m6i.xlarge` })
    .default(DEFAULT_AWS_INSTANCE_TYPE)
    .describe(`EC2 instance type of the nodes. Default: ${DEFAULT_AWS_INSTANCE_TYPE}.`),
  fipsEndpoints: z
    .boolean({ error: (iss) => `expected true or false, received ${describe(iss.input)}` })
    .default(false)
    .describe('Use FIPS 140 AWS API endpoints from Terraform. Default: false.'),
  nodeImageId: text(21)
    .regex(/^ami-([0-9a-f]{8}|[0-9a-f]{17})$/, { error: (iss) => `${JSON.stringify(iss.input)} is not an AMI id; e.g. ami-0123456789abcdef0` })
    .optional()
    .describe('Explicit FIPS AMI for fips-ubuntu-22.04 (an agency golden image). Default: the Canonical Ubuntu Pro EKS image for the Kubernetes version.'),
  nodeImageRevision: text(10)
    .refine(isImageRevision, { error: (iss) => `${JSON.stringify(iss.input)} is not a date; write the day of the patch level as "YYYY-MM-DD" (quoted), e.g. "2026-11-23"` })
    .optional()
    .describe(
      'Patch level of the FIPS node image built for fips-ubuntu-22.04, a date ("YYYY-MM-DD"). Changing it builds a new image from the newest Canonical Ubuntu Pro EKS image with every package update, and the node group rolls onto it (SI-2); change it at least monthly. Default: none; the image is built once per Kubernetes version and never patched.',
    ),
  clusterAdminArns: z
    .array(
      text(2048).regex(/^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)\/[\w+=,.@/-]+$/, {
        error: (iss) => `${JSON.stringify(iss.input)} is not an IAM role or user ARN; e.g. arn:aws-us-gov:iam::123456789012:role/platform-admins`,
      }),
    )
    .max(20)
    .default([])
    .describe('IAM principals granted cluster admin through EKS access entries, besides the principal that applies. Default: none.'),
  operatorCidrs: z
    .array(ingressCidr())
    .max(20)
    .default([])
    .describe(
      'Networks that run hms-sys apply and kubectl against the private cluster API (HTTPS 443): runner subnets, an operations network reached through the transit gateway. Default: HMS_AWS_OPERATOR_CIDRS (comma-separated), else none; only the VPC itself.',
    ),
  registryCredentialSecret: text(512)
    .regex(/^ecr-pullthroughcache\/[A-Za-z0-9/_+=.@-]+$/, {
      error: (iss) => `${JSON.stringify(iss.input)} is not a pull-through cache secret name; ECR requires the ecr-pullthroughcache/ prefix, e.g. ecr-pullthroughcache/dcaa-audit/ghcr`,
    })
    .optional()
    .describe(
      "Secrets Manager secret holding the credential of the workload image's upstream registry (GitHub, Docker Hub, GitLab, Chainguard), created with a customer managed key before the first apply. Default: ecr-pullthroughcache/<name>/<registry>, e.g. ecr-pullthroughcache/dcaa-audit/ghcr.",
    ),
  networkPolicyMode: oneOf(AWS_NETWORK_POLICY_MODES)
    .default(DEFAULT_AWS_NETWORK_POLICY_MODE)
    .describe(
      `VPC CNI NetworkPolicy enforcement. standard: a new pod is allowed everything until its policies apply (seconds). strict: a new pod, CoreDNS included, is denied everything until a policy selects it; set it only after the Kubernetes stack (<name>-aws-k8s) has applied once, since that stack gives CoreDNS and the CSI controllers their policies. Default: ${DEFAULT_AWS_NETWORK_POLICY_MODE}.`,
    ),
  transitGatewayId: text(32)
    .regex(/^tgw-[0-9a-f]{8,17}$/, { error: (iss) => `${JSON.stringify(iss.input)} is not a transit gateway id; e.g. tgw-0123456789abcdef0` })
    .optional()
    .describe(
      "The agency's transit gateway, in the blueprint's region (shared through AWS RAM if it lives in another account): the VPC is attached to it and network.policy.ingressCIDR and operatorCidrs are routed through it. Default: HMS_AWS_TRANSIT_GATEWAY_ID, else none; nothing outside the VPC can reach the workload or the API.",
    ),
});

/** An Azure virtual network resource id. */
export const AZURE_VIRTUAL_NETWORK_ID_PATTERN = /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[\w().-]{1,90}\/providers\/Microsoft\.Network\/virtualNetworks\/[\w.-]{2,64}$/;
const VirtualNetworkId = text(400, '/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>').regex(AZURE_VIRTUAL_NETWORK_ID_PATTERN, {
  error: (iss) => `${JSON.stringify(iss.input)} is not a virtual network id; e.g. /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>`,
});

const Azure = z.strictObject({
  environment: oneOf(AZURE_ENVIRONMENTS)
    .default(DEFAULT_AZURE_ENVIRONMENT)
    .describe(`Azure cloud. Default: ${DEFAULT_AZURE_ENVIRONMENT} (Azure Government).`),
  location: text(32)
    .regex(/^[a-z][a-z0-9]+$/, { error: (iss) => `${JSON.stringify(iss.input)} is not an Azure location; e.g. usgovvirginia, usgovarizona, eastus2` })
    .default(DEFAULT_AZURE_LOCATION)
    .describe(`Azure region. Default: ${DEFAULT_AZURE_LOCATION}.`),
  vnetCidr: cidr(16, 20).default(DEFAULT_AZURE_VNET_CIDR).describe(`Virtual network range, /16 to /20. Default: ${DEFAULT_AZURE_VNET_CIDR}.`),
  vmSize: text(64)
    .regex(/^Standard_[A-Za-z0-9_]+$/, { error: (iss) => `${JSON.stringify(iss.input)} is not an Azure VM size; e.g. Standard_D4s_v5` })
    .default(DEFAULT_AZURE_VM_SIZE)
    .describe(`VM size of the nodes. Default: ${DEFAULT_AZURE_VM_SIZE}.`),
  zones: z
    .array(z.enum(['1', '2', '3'], { error: 'allowed zones: "1", "2", "3"' }))
    .max(3)
    .refine((zones) => new Set(zones).size === zones.length, { error: (iss) => `lists a zone twice (${JSON.stringify(iss.input)}); list each zone once` })
    .default(['1', '2', '3'])
    .describe('Availability zones for nodes and the volume (the volume takes the first). Default: ["1", "2", "3"]; [] where the region has none.'),
  adminGroupObjectIds: z
    .array(text(36).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: (iss) => `${JSON.stringify(iss.input)} is not an Entra ID object id (a GUID)` }))
    .max(20)
    .default([])
    .describe('Entra ID groups granted cluster admin through Azure RBAC. Default: none.'),
  // Azure naming rules: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
  networkWatcherName: text(80)
    .regex(/^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/, {
      error: (iss) => `${JSON.stringify(iss.input)} is not a Network Watcher name; letters, digits, "_", "." and "-", starting with a letter or digit and ending with a letter, digit or "_" (Azure's rule), e.g. NetworkWatcher_usgovvirginia`,
    })
    .optional()
    .describe('Network Watcher for flow logs. Default: NetworkWatcher_<location>, which Azure creates per region.'),
  networkWatcherResourceGroup: text(90)
    .regex(/^[\p{L}\p{Nd}_().-]*[\p{L}\p{Nd}_()-]$/u, {
      error: (iss) => `${JSON.stringify(iss.input)} is not a resource group name; letters, digits, "_", "(", ")", "." and "-", not ending with "." (Azure's rule), e.g. NetworkWatcherRG`,
    })
    .default(DEFAULT_NETWORK_WATCHER_RESOURCE_GROUP)
    .describe(`Resource group of the Network Watcher. Default: ${DEFAULT_NETWORK_WATCHER_RESOURCE_GROUP}.`),
  defender: z
    .boolean({ error: (iss) => `expected true or false, received ${describe(iss.input)}` })
    .optional()
    .refine((d) => d !== true, {
      error: `Microsoft Defender for Containers' sensor needs login.microsoftonline.us and *.cloud.defender.microsoft.com, which have no private endpoint, and a network-isolated cluster has no other way out; remove defender (the cluster stays without the sensor; Defender's agentless plans still cover the registry and the control plane)`,
    })
    .describe('Microsoft Defender for Containers sensor. Off: a network-isolated cluster has no path to its endpoints; false says so explicitly.'),
  podCidr: cidr(10, 22)
    .optional()
    .describe(
      `Azure CNI Overlay pod range, outside the virtual network; each node takes a /24. Default: ${DEFAULT_AKS_POD_CIDR} (RFC 6598), or the first of ${AKS_POD_CIDR_BASES.join(', ')} that overlaps neither vnetCidr nor ingressCIDR, sized for the node count.`,
    ),
  serviceCidr: cidr(12, 24)
    .optional()
    .describe(`Kubernetes Service range; the cluster DNS service takes its tenth address. Default: the first of ${AKS_SERVICE_CIDR_CANDIDATES.join(', ')} that overlaps no other range.`),
  runnerNetworkId: VirtualNetworkId.optional().describe(
    'The virtual network hms-sys apply runs from (a runner or agent in it): peered with the blueprint network and linked to its Key Vault and API server private DNS zones. Default: HMS_AZURE_RUNNER_NETWORK_ID; without either, apply stops before anything is created.',
  ),
  agencyGateway: z
    .strictObject({
      hubNetworkId: VirtualNetworkId.describe('The hub virtual network that holds the gateway; peered with gateway transit.'),
      type: oneOf(AGENCY_GATEWAY_TYPES).describe('vpn (site-to-site VPN gateway) or expressroute.'),
    })
    .optional()
    .describe('The gateway through which the agency network (ingressCIDR) reaches the cluster\'s internal load balancer. Default: none; ingress then has no route.'),
  upstreamCredentials: oneOf(UPSTREAM_CREDENTIALS)
    .default(DEFAULT_UPSTREAM_CREDENTIALS)
    .describe(
      `How the registry cache signs in to the workload image's registry: key-vault (a username and token you store as Key Vault secrets) or none (anonymous pulls, public images only). Default: ${DEFAULT_UPSTREAM_CREDENTIALS}.`,
    ),
});

/** A DNS host name: labels of letters, digits and inner dashes, at least two of them. */
const HostName = text(253).regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/, {
  error: (iss) => `${JSON.stringify(iss.input)} is not a host name; lowercase DNS labels joined by dots, e.g. app.terraform.io or tfe.agency.gov`,
});
const NOTIFICATION_URL_MOVED = `a webhook URL often carries its secret in the path, and here it would be copied into cdk.tf.json and the blueprint's history; remove notificationUrl, set "notifications: true", and give the URL when applying the workspaces stack: ${NOTIFICATION_URL_ENV}=https://...`;

export const TerraformCloud = z
  .strictObject({
    organization: text(40)
      .regex(/^[A-Za-z0-9_-]+$/, { error: (iss) => `${JSON.stringify(iss.input)} is not a Terraform Cloud organization name; letters, digits, "-" and "_"` })
      .describe('Organization whose workspaces hold the stacks\' state and run their plans.'),
    hostname: HostName.default(DEFAULT_TFC_HOSTNAME).describe(`Terraform Cloud, or a Terraform Enterprise host. Default: ${DEFAULT_TFC_HOSTNAME}.`),
    // https://developer.hashicorp.com/terraform/cloud-docs/projects/manage#create-a-project
    project: text(40)
      .regex(/^[A-Za-z0-9 _-]+$/, { error: (iss) => `${JSON.stringify(iss.input)} is not a project name; letters, digits, spaces, "-" and "_" (at most 40)` })
      .optional()
      .describe('Project of the workspaces. Default: the organization default project.'),
    executionMode: oneOf(['remote', 'agent'] as const)
      .default('remote')
      .describe('remote: runs on Terraform Cloud; agent: runs on your agents (inside the network of private clusters). Default: remote.'),
    agentPoolId: text(40)
      .regex(/^apool-[A-Za-z0-9]+$/, { error: (iss) => `${JSON.stringify(iss.input)} is not an agent pool id; e.g. apool-ZjT6A7mVFm5WHT5a` })
      .optional()
      .describe('Agent pool for executionMode agent.'),
    notifications: z
      .boolean({ error: (iss) => `expected true or false, received ${describe(iss.input)}` })
      .default(false)
      .describe(
        `Tell a webhook when a health assessment finds drift or a run fails. Its URL, which often carries a secret, never enters the blueprint or cdk.tf.json: give it when applying the workspaces stack, as ${NOTIFICATION_URL_ENV}. Default: false.`,
      ),
    notificationUrl: z
      .never({ error: NOTIFICATION_URL_MOVED })
      .optional()
      .describe(`No longer accepted: ${NOTIFICATION_URL_MOVED}`),
  })
  .superRefine((t, ctx) => {
    if (t.executionMode === 'agent' && !t.agentPoolId) {
      ctx.addIssue({ code: 'custom', path: ['agentPoolId'], input: undefined, message: 'required when executionMode is agent; e.g. apool-ZjT6A7mVFm5WHT5a' });
    }
  });

/**
 * An S3 general purpose bucket name, by every rule S3 applies.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
const BucketName = text(63)
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: (iss) => `${JSON.stringify(iss.input)} is not an S3 bucket name; 3 to 63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit` })
  .check((ctx) => {
    const name = ctx.value;
    const refuse = (why: string) => ctx.issues.push({ code: 'custom', input: name, message: `${JSON.stringify(name)} is not an S3 bucket name: ${why}` });
    if (name.includes('..')) refuse('it holds two periods in a row');
    else if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) refuse('it is formatted as an IP address');
    else if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name)) refuse('the prefixes xn--, sthree- and amzn-s3-demo- are reserved');
    else if (/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)) refuse('the suffixes -s3alias, --ol-s3, .mrap, --x-s3 and --table-s3 are reserved');
  });

const Tags = z
  .record(TagKey, TagValue)
  .refine((t) => Object.keys(t).length <= 40, { error: 'at most 40 tags; AWS allows 50 and hms-sys adds its own' })
  .default({})
  .describe('Tags added to every resource.');

const BlueprintShape = z.strictObject({
    name: Name.refine((n) => !SYSTEM_NAMESPACES.includes(n), { error: (iss) => systemNamespaceMessage(String(iss.input)) })
      .optional()
      .describe('Blueprint name; stacks are named <name>-aws, <name>-azure. Default: the file name.'),
    clouds: z
      .array(oneOf(CLOUDS))
      .min(1, { error: `list at least one cloud; allowed: ${CLOUDS.join(', ')}` })
      .refine((c) => new Set(c).size === c.length, { error: 'lists a cloud twice' })
      .default([...DEFAULT_CLOUDS])
      .describe(`Clouds to build for. Default: ${DEFAULT_CLOUDS.join(', ')}.`),
    kubernetesVersion: oneOf(KNOWN_KUBERNETES_VERSIONS as [string, ...string[]])
      .default(DEFAULT_KUBERNETES_VERSION)
      .describe(
        `Kubernetes minor version; it must be in support on every cloud of the blueprint on the day it is validated (lib/core/kubernetes-versions.ts). Default: ${DEFAULT_KUBERNETES_VERSION}.`,
      ),
    logRetentionDays: z
      .number()
      .refine((d) => (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(d), {
        error: (iss) => `${describe(iss.input)} is not allowed; allowed: ${CLOUDWATCH_RETENTION_DAYS.join(', ')}`,
      })
      .default(DEFAULT_LOG_RETENTION_DAYS)
      .describe(`Days to keep audit and flow logs (AU-11). Default: ${DEFAULT_LOG_RETENTION_DAYS}.`),
    tags: Tags,
    nodePool: NodePool,
    storage: Storage.describe('The encrypted volume the workload keeps its data on, or "none".'),
    network: Network,
    workload: Workload.optional().describe('The containers to run.'),
    aws: Aws.prefault({}).describe('AWS settings.'),
    azure: Azure.prefault({}).describe('Azure settings.'),
    stateBucket: z
      .strictObject({
        bucket: BucketName,
        region: text(32)
          .regex(AWS_REGION_PATTERN, { error: (iss) => `${JSON.stringify(iss.input)} is not an AWS region; e.g. us-gov-west-1` })
          .default(DEFAULT_AWS_REGION),
      })
      .optional()
      .describe('Keep state in an encrypted, versioned S3 bucket that a bootstrap stack creates. Default: local state.'),
    terraformCloud: TerraformCloud.optional().describe('Keep state and run plans in Terraform Cloud or Enterprise. Default: local state (or HMS_TFC_ORGANIZATION).'),
  });

export const BlueprintSchema = BlueprintShape.superRefine((bp, ctx) => {
    if (bp.stateBucket && bp.terraformCloud) {
      ctx.addIssue({ code: 'custom', path: ['stateBucket'], input: bp.stateBucket, message: 'choose one place for state: stateBucket or terraformCloud, not both' });
    }
    azureRangeIssues(bp).forEach((i) => ctx.addIssue({ code: 'custom', ...i }));
    refuseWhatTheCloudsWouldRefuse(bp, ctx);
    if (bp.clouds.includes('aws')) awsProblems(bp, ctx);
    if (bp.storage === 'none') return;
    const volume = bp.storage.volume;
    const gib = parseSizeGiB(volume.size);
    const kind = volumeKind(bp.workload?.replicas);
    const sizeIssue = (message: string) => ctx.addIssue({ code: 'custom', path: ['storage', 'volume', 'size'], input: volume.size, message });
    if (kind === 'file' && volume.provisioning === 'dynamic') {
      ctx.addIssue({
        code: 'custom',
        path: ['storage', 'volume', 'provisioning'],
        input: volume.provisioning,
        message: `"dynamic" applies to a block volume, which one replica mounts; ${bp.workload?.replicas} replicas share file storage that the cloud stack always creates. Remove provisioning, or set workload.replicas to 1`,
      });
    }
    if (gib === undefined) return;
    if (kind === 'block' && bp.clouds.includes('aws') && (gib < AWS_GP3_MIN_GIB || gib > AWS_GP3_MAX_GIB)) {
      sizeIssue(`${JSON.stringify(volume.size)} is larger than an AWS gp3 volume can be; use at most 16Ti`);
    }
    if (kind === 'block' && bp.clouds.includes('azure') && gib > AZURE_MANAGED_DISK_MAX_GIB) {
      sizeIssue(`${JSON.stringify(volume.size)} is larger than an Azure managed disk can be; use at most ${AZURE_MANAGED_DISK_MAX_GIB}Gi`);
    }
    if (kind === 'file' && bp.clouds.includes('azure') && (gib < AZURE_FILES_NFS_MIN_GIB || gib > AZURE_FILES_NFS_MAX_GIB)) {
      sizeIssue(
        `${JSON.stringify(volume.size)} is outside what an Azure Files premium NFS share can be provisioned at (${AZURE_FILES_NFS_MIN_GIB}Gi to ${AZURE_FILES_NFS_MAX_GIB}Gi)`,
      );
    }
  });

type RefinementContext = Parameters<Parameters<z.ZodType['superRefine']>[0]>[1];

/**
 * What the clouds (or the stacks, on their behalf) would refuse for this
 * combination of fields, found here so that `hms-sys validate` reports it with its
 * line instead of synth stopping on it.
 */
function refuseWhatTheCloudsWouldRefuse(bp: z.output<typeof BlueprintShape>, ctx: RefinementContext): void {
  if (bp.clouds.includes('azure')) {
    // AKS: the system pool is "system" and rotates as "systemtmp" (lib/azure/secure-cluster.ts); a user pool may take neither name.
    const taken = ['system', rotationName('system')];
    const poolName = aksNodePoolName(bp.nodePool.name);
    if (taken.includes(poolName)) {
      ctx.addIssue({
        code: 'custom',
        path: ['nodePool', 'name'],
        input: bp.nodePool.name,
        message: `${JSON.stringify(bp.nodePool.name)} is "${poolName}" on AKS (lowercase letters and digits), a name the cluster's system pool uses (${taken.join(', ')}); choose another name`,
      });
    }
    const seen = new Map<string, string>();
    for (const key of Object.keys(bp.tags)) {
      if (AZURE_TAG_NAME_FORBIDDEN.test(key)) {
        ctx.addIssue({ code: 'custom', path: ['tags', key], input: key, message: `Azure tag names may not hold < > % & \\ ? or /; rename ${JSON.stringify(key)}, or leave azure out of clouds` });
      }
      const other = seen.get(key.toLowerCase());
      if (other !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['tags', key], input: key, message: `Azure treats tag names that differ only in case as one: ${JSON.stringify(key)} and ${JSON.stringify(other)}; keep one` });
      }
      seen.set(key.toLowerCase(), key);
    }
  }
  if (bp.clouds.includes('aws') && bp.aws.nodeImageId && bp.nodePool.runtime !== 'fips-ubuntu-22.04') {
    ctx.addIssue({
      code: 'custom',
      path: ['aws', 'nodeImageId'],
      input: bp.aws.nodeImageId,
      message: `applies to runtime fips-ubuntu-22.04 only: ${bp.nodePool.runtime} images are chosen and updated by EKS; remove aws.nodeImageId, or set nodePool.runtime to fips-ubuntu-22.04`,
    });
  }
  if (bp.clouds.includes('aws') && bp.aws.nodeImageRevision && bp.aws.nodeImageId) {
    ctx.addIssue({
      code: 'custom',
      path: ['aws', 'nodeImageRevision'],
      input: bp.aws.nodeImageRevision,
      message: `patches the image hms-sys builds, and aws.nodeImageId replaces that image with yours: patch your golden image and give its new id in aws.nodeImageId, or remove aws.nodeImageId`,
    });
  }
}

/** What the private AWS platform cannot do, refused before anything is built. */
function awsProblems(bp: z.output<typeof BlueprintShape>, ctx: RefinementContext): void {
  if (bp.nodePool.runtime === 'bottlerocket-fips') {
    ctx.addIssue({
      code: 'custom',
      path: ['nodePool', 'runtime'],
      input: bp.nodePool.runtime,
      message: `"bottlerocket-fips" cannot run on AWS with egress deny-all: its FIPS variant pulls its host containers and the EKS add-on images from ECR FIPS endpoints (ecr-fips), which have no VPC endpoint, so nodes without internet never become ready (github.com/aws/containers-roadmap/issues/1002, github.com/bottlerocket-os/bottlerocket/issues/4372). Use fips-ubuntu-22.04 on AWS, or clouds: [azure]`,
    });
  }
  const source = bp.workload && imageSource(bp.workload.image, bp.aws.region);
  if (source?.kind === 'unreachable') {
    ctx.addIssue({ code: 'custom', path: ['workload', 'image'], input: bp.workload?.image, message: `cannot be pulled on AWS: ${source.reason}` });
  }
}

/**
 * The overlay pod and Service ranges must not collide with the virtual network, the
 * agency range or each other (pods could not reach a colliding address), and the pod
 * range must hold a /24 for every node, surge included.
 * @see https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay#pods
 */
function azureRangeIssues(bp: {
  clouds: readonly string[];
  azure: { vnetCidr: string; podCidr?: string; serviceCidr?: string };
  network: { policy: { ingressCIDR: string } };
  nodePool: { count: number; maxCount?: number };
}): { path: (string | number)[]; input: unknown; message: string }[] {
  if (!bp.clouds.includes('azure') || [bp.azure.vnetCidr, bp.network.policy.ingressCIDR].some((c) => cidrProblem(c))) return [];
  const { vnetCidr } = bp.azure;
  const { podCidr, serviceCidr } = overlayRanges(bp);
  const issues: { path: (string | number)[]; input: unknown; message: string }[] = [];
  const others: [string, string, (string | number)[]][] = [
    [vnetCidr, 'azure.vnetCidr', ['azure', 'vnetCidr']],
    [bp.network.policy.ingressCIDR, 'network.policy.ingressCIDR', ['network', 'policy', 'ingressCIDR']],
  ];
  for (const [field, value, against] of [
    ['podCidr', podCidr, [...others, [serviceCidr, 'azure.serviceCidr', ['azure', 'serviceCidr']]]],
    ['serviceCidr', serviceCidr, others],
  ] as [string, string, [string, string, (string | number)[]][]][]) {
    if (cidrProblem(value)) continue;
    const hit = against.find(([other]) => !cidrProblem(other) && cidrsOverlap(value, other));
    if (hit) {
      issues.push({ path: ['azure', field], input: value, message: `${JSON.stringify(value)} overlaps ${hit[1]} (${hit[0]}); pods could not reach addresses in it. Choose a range outside it, or leave ${field} out and hms-sys picks a free one` });
    }
  }
  if (!cidrProblem(podCidr)) {
    const nodes = aksMaxNodes(bp.nodePool);
    const blocks = 2 ** Math.max(0, AKS_OVERLAY_NODE_PREFIX - Number(podCidr.split('/')[1]));
    if (blocks < nodes) {
      issues.push({ path: ['azure', 'podCidr'], input: podCidr, message: `${JSON.stringify(podCidr)} holds ${blocks} nodes (a /24 each) but the cluster may run ${nodes} with upgrade surge; use a shorter prefix` });
    }
  }
  return issues;
}

/** Nodes an AKS cluster may run at once: the pool at its maximum and the system pool, with upgrade surge. */
function aksMaxNodes(pool: { count: number; maxCount?: number }): number {
  // Refinements also run when the counts were refused: keep the arithmetic in range.
  const nodes = Math.min(MAX_NODE_COUNT, Math.max(1, Number(pool.maxCount ?? pool.count) || 1));
  return Math.ceil((nodes + DEFAULT_AKS_SYSTEM_NODE_COUNT) * (1 + AKS_MAX_SURGE_PERCENT / 100));
}

/**
 * The blueprint's overlay ranges: as written, or the first candidate that collides
 * with nothing else (see AKS_POD_CIDR_BASES), the pod range sized for the node count.
 */
export function overlayRanges(bp: {
  azure: { vnetCidr: string; podCidr?: string; serviceCidr?: string };
  network: { policy: { ingressCIDR: string } };
  nodePool: { count: number; maxCount?: number };
}): { podCidr: string; serviceCidr: string } {
  const taken = [bp.azure.vnetCidr, bp.network.policy.ingressCIDR];
  const free = (candidates: readonly string[], avoid: readonly string[]) => candidates.find((c) => !avoid.some((a) => cidrsOverlap(c, a))) ?? candidates[0];
  // Sized for the node count, between a /16 and a /14 (the aligned bases allow no wider).
  const prefix = Math.max(14, Math.min(DEFAULT_AKS_POD_CIDR_PREFIX, AKS_OVERLAY_NODE_PREFIX - Math.ceil(Math.log2(aksMaxNodes(bp.nodePool)))));
  const podCidr = bp.azure.podCidr ?? free(AKS_POD_CIDR_BASES.map((b) => `${b}/${prefix}`), taken);
  const serviceCidr = bp.azure.serviceCidr ?? (cidrProblem(podCidr) ? AKS_SERVICE_CIDR_CANDIDATES[0] : free(AKS_SERVICE_CIDR_CANDIDATES, [...taken, podCidr]));
  return { podCidr, serviceCidr };
}

/**
 * How a volume is stored: `file` (shared, ReadWriteMany: EFS, Azure Files NFS)
 * whenever more than one replica mounts it, `block` (one node at a time,
 * ReadWriteOnce: EBS, managed disk) otherwise.
 */
export function volumeKind(replicas: number | undefined): 'file' | 'block' {
  return (replicas ?? 1) > 1 ? 'file' : 'block';
}

/** A blueprint as written, after defaults. */
export type BlueprintInput = z.output<typeof BlueprintSchema>;

/** Describes a received value for an error message, briefly. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

/** The image reference rule of `workload.image` (pinned: a version tag or a digest), for images named outside a blueprint. */
export const ImageReferenceSchema = Image;

/** The rule of a blueprint's `name` (pattern and length), for a name taken from the file name. */
export const BlueprintNameSchema = Name;
