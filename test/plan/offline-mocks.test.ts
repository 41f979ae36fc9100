/**
 * The mocks of `hms-sys plan --offline` cover what our stacks read: every data
 * source type the stacks create (derived from synthesized blueprints, not listed
 * here) has values in the provider's formats, every provider is mocked, and every
 * output one stack reads from another is given. The end-to-end plan with the real
 * AWS provider runs in the Terraform stage (test/terraform/offline-plan-demo.ts).
 */
import { App } from 'cdktf';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_SOURCE_MOCKS, reviewTestFile } from '../../lib/plan/offline-mocks';
import { addBlueprintStacks } from '../../stacks/app';
import { exampleBlueprint } from '../support/synth';

/** Both clouds, shared storage (cross-stack EFS ids), S3 state and Terraform Cloud workspaces. */
const VARIANTS = [
  (y: string) => y,
  (y: string) => `clouds: [aws]\nstateBucket:\n  bucket: agency-terraform-state\naws:\n  region: us-gov-east-1\n${y}`,
  (y: string) => `clouds: [aws]\nterraformCloud:\n  organization: agency\n  project: audit\n${y}`,
];

type StackJson = Record<string, any>;

function synthesizedStacks(): Record<string, StackJson> {
  const out: Record<string, StackJson> = {};
  const app = new App({ outdir: join(tmpdir(), 'hms-offline-mocks'), skipValidation: true });
  for (const [i, edit] of VARIANTS.entries()) {
    const { stacks } = addBlueprintStacks(app, [{ ...exampleBlueprint(edit), name: `variant-${i}` }]);
    // toTerraform() leaves cross-stack references for synth to wire: resolve them as synth does.
    for (const s of stacks) out[s.stackName] = s.stack;
  }
  app.synth();
  return Object.fromEntries(Object.entries(out).map(([name, stack]) => [name, JSON.parse(JSON.stringify((stack as any).toTerraform()))]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('offline review plan mocks', () => {
  const stacks = synthesizedStacks();
  const files = Object.fromEntries(Object.entries(stacks).map(([name, stack]) => [name, reviewTestFile(stack, stacks)]));
  const dataTypes = [...new Set(Object.values(stacks).flatMap((s) => Object.keys(s.data ?? {})))].sort();

  test('the stacks were built: both clouds, the cross-stack Kubernetes stacks, S3 state and workspaces', () => {
    expect(Object.keys(stacks)).toEqual(expect.arrayContaining(['variant-0-aws', 'variant-0-aws-k8s', 'variant-0-azure', 'variant-0-azure-k8s']));
    expect(dataTypes).toEqual(expect.arrayContaining(['aws_caller_identity', 'azurerm_client_config', 'terraform_remote_state', 'tfe_project']));
  });

  test('every data source type our stacks read has mocked values (random strings fail the provider validation)', () => {
    expect(dataTypes.filter((t) => t !== 'terraform_remote_state' && !(t in DATA_SOURCE_MOCKS))).toEqual([]);
  });

  test('every provider a stack requires is mocked, and data sources go to their own provider', () => {
    for (const [name, stack] of Object.entries(stacks)) {
      const mocked = files[name].test.mock_provider as Record<string, { mock_data?: Record<string, unknown> }[]>;
      expect(Object.keys(mocked).sort()).toEqual(Object.keys(stack.terraform.required_providers).sort());
      for (const [provider, blocks] of Object.entries(mocked)) {
        for (const type of Object.keys(blocks[0].mock_data ?? {})) expect(type.startsWith(`${provider}_`)).toBe(true);
      }
    }
  });

  test('the mocked values are in the formats the providers validate, in the stack region and partition', () => {
    const gov = files['variant-0-aws'].test.mock_provider as any;
    const defaults = (type: string) => gov.aws[0].mock_data[type].defaults;
    expect(defaults('aws_caller_identity').arn).toMatch(/^arn:aws-us-gov:sts::\d{12}:assumed-role\//);
    expect(defaults('aws_iam_session_context').issuer_arn).toMatch(/^arn:aws-us-gov:iam::\d{12}:role\//);
    expect(defaults('aws_secretsmanager_secret').kms_key_id).toMatch(/^arn:aws-us-gov:kms:us-gov-west-1:\d{12}:key\//);
    expect(defaults('aws_region').name).toBe('us-gov-west-1');
    expect(defaults('aws_availability_zones').names[0]).toBe('us-gov-west-1a');
    const east = files['variant-1-aws'].test.mock_provider as any;
    expect(east.aws[0].mock_data.aws_region.defaults.name).toBe('us-gov-east-1');
    const azure = (files['variant-0-azure'].test.mock_provider as any).azurerm[0].mock_data.azurerm_client_config.defaults;
    for (const k of ['client_id', 'object_id', 'tenant_id', 'subscription_id']) expect(azure[k]).toMatch(UUID);
  });

  test('a stack reading another stack has every output it reads, with values its expressions accept', () => {
    for (const name of ['variant-0-aws-k8s', 'variant-0-azure-k8s']) {
      const text = JSON.stringify(stacks[name]);
      const overrides = files[name].test.override_data as { target: string; values: { outputs: Record<string, string> } }[];
      expect(overrides.length).toBeGreaterThan(0);
      for (const o of overrides) {
        const read = [...text.matchAll(new RegExp(`${o.target.replace(/\./g, '\\.')}\\.outputs\\.([\\w-]+)`, 'g'))].map((m) => m[1]);
        expect(Object.keys(o.values.outputs).sort()).toEqual([...new Set(read)].sort());
      }
      const outputs = Object.assign({}, ...overrides.map((o) => o.values.outputs));
      // The Kubernetes provider block: base64decode(<cluster CA>) and an https host.
      const provider = JSON.stringify(stacks[name].provider.kubernetes);
      const ca = /base64decode\(data\.terraform_remote_state\.[\w-]+\.outputs\.([\w-]+)\)/.exec(provider)?.[1];
      const host = /"host":"\$\{data\.terraform_remote_state\.[\w-]+\.outputs\.([\w-]+)\}"/.exec(provider)?.[1];
      expect(Buffer.from(outputs[ca as string], 'base64').toString()).toMatch(/^-----BEGIN CERTIFICATE-----/);
      expect(outputs[host as string]).toMatch(/^https:\/\//);
    }
  });

  test('every mocked data source is listed for the label, with its values', () => {
    const mocked = files['variant-0-aws'].mocked;
    const addresses = Object.entries(stacks['variant-0-aws'].data as Record<string, object>).flatMap(([type, byName]) => Object.keys(byName).map((n) => `data.${type}.${n}`));
    expect(mocked.map((m) => m.address).sort()).toEqual(addresses.sort());
    expect(mocked.find((m) => m.address.startsWith('data.aws_region.'))?.values).toEqual({ name: 'us-gov-west-1' });
    expect(files['variant-0-aws-k8s'].mocked.some((m) => m.address.startsWith('data.terraform_remote_state.') && /variant-0-aws, not deployed/.test(m.source))).toBe(true);
  });

  test('a data source type without mocks is listed as generated by the mock provider, not hidden', () => {
    const file = reviewTestFile({ terraform: { required_providers: { aws: { source: 'aws' } } }, data: { aws_vpc: { main: {} } } });
    expect(file.mocked).toEqual([{ address: 'data.aws_vpc.main', values: {}, source: "generated by Terraform's mock provider (random strings)" }]);
    expect(file.test.mock_provider).toEqual({ aws: [{}] });
  });
});
