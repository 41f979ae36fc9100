/**
 * The mocks of an offline review plan: the `terraform test` file that replaces
 * every provider of a stack by `mock_provider` (the real provider still gives the
 * schema and validates every resource; no provider is configured, so no
 * credentials are needed) and answers its data sources with values that pass the
 * provider's validation, and the list of those values for the plan's label.
 *
 * Terraform's mock provider generates random strings for whatever is not given
 * here, and the real provider refuses most of them where it validates a format
 * (an ARN, a UUID): each data source type our stacks read has its values here.
 * @see https://developer.hashicorp.com/terraform/language/tests/mocking
 */
import { isObject } from '../policy/engine/values';

/** Where the values below point: the stack's own region and its partition. */
export interface MockContext {
  readonly region: string;
  readonly partition: string;
}

type Defaults = (c: MockContext) => Record<string, unknown>;

/** The account, key and UUIDs every mock shares; obviously fake, valid in form. */
export const MOCK_ACCOUNT_ID = '123456789012';
const MOCK_KMS_KEY_ID = '11111111-2222-3333-4444-555555555555';
const MOCK_AMI_ID = 'ami-0fedcba9876543210';
const MOCK_UUID = '00000000-0000-4000-8000-000000000000';
const MOCK_SUBSCRIPTION_ID = '00000000-0000-4000-8000-000000000001';

/**
 * Values of the data sources hms-sys's stacks read, by Terraform type. The AWS
 * ones are planned here against hashicorp/aws 5.100.0 in the Terraform stage
 * (test/terraform/offline-plan-demo.ts). The azurerm and tfe ones are written from
 * the provider schema but have never run: no azurerm or tfe provider binary exists
 * where hms-sys is tested.
 */
export const DATA_SOURCE_MOCKS: Readonly<Record<string, Defaults>> = {
  // The network and the FIPS image pick zones by name (`names[0..n]`).
  aws_availability_zones: ({ region }) => ({ names: ['a', 'b', 'c', 'd', 'e', 'f'].map((z) => `${region}${z}`) }),
  aws_partition: ({ partition }) => ({ partition, dns_suffix: 'amazonaws.com', reverse_dns_prefix: 'com.amazonaws' }),
  // The EKS access entry and KMS key policies are built from these ARNs; the provider validates ARNs.
  aws_caller_identity: ({ partition }) => ({
    account_id: MOCK_ACCOUNT_ID,
    arn: `arn:${partition}:sts::${MOCK_ACCOUNT_ID}:assumed-role/hms-sys-deployer/review`,
    user_id: 'AROAMOCKEDREVIEW00000:review',
  }),
  aws_region: ({ region }) => ({ name: region }),
  aws_iam_session_context: ({ partition }) => ({
    arn: `arn:${partition}:sts::${MOCK_ACCOUNT_ID}:assumed-role/hms-sys-deployer/review`,
    issuer_arn: `arn:${partition}:iam::${MOCK_ACCOUNT_ID}:role/hms-sys-deployer`,
  }),
  aws_secretsmanager_secret: ({ partition, region }) => ({
    arn: `arn:${partition}:secretsmanager:${region}:${MOCK_ACCOUNT_ID}:secret:ecr-pullthroughcache/review-AbCdEf`,
    kms_key_id: `arn:${partition}:kms:${region}:${MOCK_ACCOUNT_ID}:key/${MOCK_KMS_KEY_ID}`,
  }),
  aws_ami: () => ({ id: MOCK_AMI_ID, image_id: MOCK_AMI_ID }),
  // The node image's AMI id, read from an SSM public parameter.
  aws_ssm_parameter: ({ partition, region }) => ({
    value: MOCK_AMI_ID,
    insecure_value: MOCK_AMI_ID,
    type: 'String',
    arn: `arn:${partition}:ssm:${region}::parameter/review/image-id`,
  }),
  // CoreDNS and kube-proxy add-ons take EKS's default version for the cluster's; the provider validates addon_version's form.
  aws_eks_addon_version: () => ({ version: 'v1.11.4-eksbuild.1' }),
  // azurerm 4.55.0 internal/services/authorization/client_config_data_source.go: four
  // computed strings. Key Vault's tenant_id and role assignments' principal_id are
  // validated as UUIDs (validation.IsUUID), scopes as /subscriptions/<uuid>. Not run here.
  azurerm_client_config: () => ({ client_id: MOCK_UUID, object_id: MOCK_UUID, tenant_id: MOCK_UUID, subscription_id: MOCK_SUBSCRIPTION_ID }),
  // hashicorp/tfe data source tfe_project: ids have the form prj-<16 characters>. Not run here.
  tfe_project: () => ({ id: 'prj-MockedReview0000' }),
};

/** A stack's Terraform JSON, as far as the mocks read it. */
type StackJson = Record<string, unknown>;

function entries(value: unknown): [string, Record<string, unknown>][] {
  return isObject(value) ? Object.entries(value).filter((e): e is [string, Record<string, unknown>] => isObject(e[1])) : [];
}

/** Provider configurations of a stack: local name and alias (a block or a list of blocks). */
function providerConfigs(stack: StackJson): { name: string; alias?: string }[] {
  const required = isObject(stack.terraform) && isObject(stack.terraform.required_providers) ? Object.keys(stack.terraform.required_providers) : [];
  const configured = isObject(stack.provider) ? stack.provider : {};
  const out: { name: string; alias?: string }[] = required.map((name) => ({ name }));
  for (const [name, blocks] of Object.entries(configured)) {
    if (!required.includes(name)) out.push({ name });
    for (const b of Array.isArray(blocks) ? blocks : [blocks]) if (isObject(b) && typeof b.alias === 'string') out.push({ name, alias: b.alias });
  }
  return out;
}

/** The AWS region of a stack's (first) provider block; the partition follows from it. */
export function mockContextOf(stack: StackJson): MockContext {
  const aws = isObject(stack.provider) ? stack.provider.aws : undefined;
  const first = Array.isArray(aws) ? aws[0] : aws;
  const region = isObject(first) && typeof first.region === 'string' && !first.region.includes('${') ? first.region : 'us-gov-west-1';
  const partition = region.startsWith('us-gov-') ? 'aws-us-gov' : region.startsWith('cn-') ? 'aws-cn' : 'aws';
  return { region, partition };
}

/** One mocked data source, as the plan's label lists it. */
export interface MockedDataSource {
  /** `data.aws_region.AwsContext_Region_51268B9B` */
  readonly address: string;
  /** The values given; empty when Terraform's mock provider generated them. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Where they come from, in a few words. */
  readonly source: string;
}

/** The base64 of a PEM block that is no certificate: `base64decode()` of it succeeds. */
const MOCK_CA = Buffer.from('-----BEGIN CERTIFICATE-----\nbW9ja2VkIGZvciBhbiBvZmZsaW5lIHJldmlldyBwbGFu\n-----END CERTIFICATE-----\n').toString('base64');

/**
 * Values of another stack's outputs that a stack reads through
 * `terraform_remote_state` (CDKTF's cross-stack references), by the attribute the
 * output exports: that stack is not deployed, so they are mocked too.
 */
function remoteOutputMock(type: string, attribute: string, c: MockContext): unknown {
  const byTypeAndAttribute: Record<string, unknown> = {
    'aws_eks_cluster.endpoint': `https://MOCKEDREVIEW00000000000000000000.gr7.${c.region}.eks.amazonaws.com`,
    'aws_eks_cluster.certificate_authority[0].data': MOCK_CA,
    'aws_efs_file_system.id': 'fs-0123456789abcdef0',
    'aws_efs_access_point.id': 'fsap-0123456789abcdef0',
    'aws_caller_identity.account_id': MOCK_ACCOUNT_ID,
    'aws_partition.dns_suffix': 'amazonaws.com',
    'aws_partition.partition': c.partition,
    'aws_region.name': c.region,
    'aws_kms_key.arn': `arn:${c.partition}:kms:${c.region}:${MOCK_ACCOUNT_ID}:key/${MOCK_KMS_KEY_ID}`,
    'azurerm_kubernetes_cluster.kube_config[0].host': 'https://mocked-review.privatelink.usgovvirginia.cx.aks.containerservice.azure.us:443',
    'azurerm_kubernetes_cluster.kube_config[0].cluster_ca_certificate': MOCK_CA,
    'azurerm_client_config.tenant_id': MOCK_UUID,
    'azurerm_client_config.subscription_id': MOCK_SUBSCRIPTION_ID,
  };
  const key = `${type}.${attribute.replace(/\.(\d+)\./g, '[$1].')}`;
  if (key in byTypeAndAttribute) return byTypeAndAttribute[key];
  if (/(^|\.)(id|name)$/.test(attribute) || attribute.endsWith('_id') || attribute.endsWith('_name')) return `mocked-${type.replace(/_/g, '-')}`;
  if (attribute.endsWith('arn')) return `arn:${c.partition}:iam::${MOCK_ACCOUNT_ID}:role/mocked-review`;
  return `mocked-${attribute.replace(/[^a-z0-9]+/gi, '-')}`;
}

/** `${aws_eks_cluster.c.certificate_authority[0].data}` -> [type, attribute]. */
function exportedAttribute(expression: unknown): [string, string] | undefined {
  if (typeof expression !== 'string') return undefined;
  const m = /^\$\{(?:data\.)?([a-z][a-z0-9_]*)\.[A-Za-z0-9_-]+\.([^}]+)\}$/.exec(expression);
  return m ? [m[1], m[2]] : undefined;
}

/** CDKTF names the data source of a cross-stack reference after the producing stack. */
const CROSS_STACK_PREFIX = 'cross-stack-reference-input-';

/**
 * `override_data` blocks for a stack's `terraform_remote_state` data sources: the
 * outputs it reads, with values for the attribute each one exports in the stack
 * that produces it (found in `producers` by name); a stack not given is mocked by
 * output name alone.
 */
function remoteStateOverrides(stack: StackJson, producers: Readonly<Record<string, StackJson>>, context: MockContext): { overrides: object[]; mocked: MockedDataSource[] } {
  const text = JSON.stringify(stack);
  const data = isObject(stack.data) ? stack.data : {};
  const overrides: object[] = [];
  const mocked: MockedDataSource[] = [];
  for (const [name] of entries(data.terraform_remote_state)) {
    const address = `data.terraform_remote_state.${name}`;
    const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const used = [...new Set([...text.matchAll(new RegExp(`${escaped}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))].map((m) => m[1]))].sort();
    const producerName = name.startsWith(CROSS_STACK_PREFIX) ? name.slice(CROSS_STACK_PREFIX.length) : name;
    const producer = producers[producerName];
    const producerOutputs = producer && isObject(producer.output) ? producer.output : {};
    const producerContext = producer ? mockContextOf(producer) : context;
    const outputs: Record<string, unknown> = {};
    for (const output of used) {
      const exported = exportedAttribute(isObject(producerOutputs[output]) ? producerOutputs[output].value : undefined);
      outputs[output] = exported ? remoteOutputMock(exported[0], exported[1], producerContext) : `mocked-${output}`;
    }
    overrides.push({ target: address, values: { outputs } });
    mocked.push({ address, values: outputs, source: `outputs of stack ${producerName}, not deployed in a review` });
  }
  return { overrides, mocked };
}

export interface ReviewTestFile {
  /** The `.tftest.json` document: mock providers, overrides, one plan run. */
  readonly test: Record<string, unknown>;
  /** Every data source whose values are mocked, for the label. */
  readonly mocked: readonly MockedDataSource[];
}

/** Name of the one run block; the plan message of `terraform test` carries it. */
export const REVIEW_RUN_NAME = 'review';

/**
 * The `terraform test` file of a stack's offline review plan. `producers` are the
 * other stacks of the same synthesis, by name, for cross-stack references.
 */
export function reviewTestFile(stack: StackJson, producers: Readonly<Record<string, StackJson>> = {}): ReviewTestFile {
  const context = mockContextOf(stack);
  const dataSources = isObject(stack.data) ? stack.data : {};
  const mocked: MockedDataSource[] = [];
  const mockData = new Map<string, Record<string, unknown>>();
  for (const [type, byName] of Object.entries(dataSources)) {
    if (type === 'terraform_remote_state' || !isObject(byName)) continue;
    const defaults = DATA_SOURCE_MOCKS[type]?.(context);
    if (defaults) mockData.set(type, { defaults });
    for (const name of Object.keys(byName)) {
      mocked.push({ address: `data.${type}.${name}`, values: defaults ?? {}, source: defaults ? 'hms-sys mock' : "generated by Terraform's mock provider (random strings)" });
    }
  }
  const providers: Record<string, object[]> = {};
  for (const { name, alias } of providerConfigs(stack)) {
    const data = Object.fromEntries([...mockData].filter(([type]) => type.startsWith(`${name}_`)));
    (providers[name] ??= []).push({ ...(alias ? { alias } : {}), ...(Object.keys(data).length > 0 ? { mock_data: data } : {}) });
  }
  const remote = remoteStateOverrides(stack, producers, context);
  const test: Record<string, unknown> = {
    mock_provider: providers,
    ...(remote.overrides.length > 0 ? { override_data: remote.overrides } : {}),
    run: { [REVIEW_RUN_NAME]: { command: 'plan' } },
  };
  return { test, mocked: [...mocked, ...remote.mocked] };
}
