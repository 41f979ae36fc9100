/**
 * No value becomes a Terraform expression, a template directive, a shell argument
 * or a path outside the project: every blueprint field, and every value that
 * reaches Terraform from outside the blueprint's fields (file and folder names,
 * environment variables, command-line options), is tried with the strings that
 * would exploit it. Each is refused with a problem located at that field, or the
 * synthesized Terraform holds no expression that the unmodified blueprint's does not.
 */
import { App } from 'cdktf';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprints, parseBlueprint } from '../../lib/blueprint/load';
import { BlueprintError } from '../../lib/core/errors';
import { TAG_SOURCE } from '../../lib/core/tags';
import { addBlueprintStacks } from '../../stacks/app';
import { exampleProject, runCli } from '../support/cli';
import { EXAMPLE_BLUEPRINT_PATH } from '../support/synth';

const EXAMPLE = readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8');

/** YAML that sets a field to a value, and the field's path as problems name it. */
const FIELDS: [string, (v: string) => string][] = [
  ['name', (v) => `name: ${v}\n${EXAMPLE}`],
  ['nodePool.name', (v) => EXAMPLE.replace('name: dcaa-secure', `name: ${v}`)],
  ['storage.volume.name', (v) => EXAMPLE.replace('name: contract-pdfs', `name: ${v}`)],
  ['storage.volume.mountPath', (v) => EXAMPLE.replace('encryption: aes256', `encryption: aes256\n    mountPath: ${v}`)],
  ['network.policy.name', (v) => EXAMPLE.replace('name: dcaa-isolated', `name: ${v}`)],
  ['network.policy.ingressCIDR', (v) => EXAMPLE.replace('"192.168.15.0/24"', v)],
  ['workload.image', (v) => EXAMPLE.replace('ghcr.io/hms/dcaa-audit:v1.0', v)],
  ['tags.owner', (v) => `tags:\n  owner: ${v}\n${EXAMPLE}`],
  ['tags', (v) => `tags:\n  ${v}: x\n${EXAMPLE}`],
  ['aws.region', (v) => `aws:\n  region: ${v}\n${EXAMPLE}`],
  ['aws.nodeImageId', (v) => `aws:\n  nodeImageId: ${v}\n${EXAMPLE}`],
  ['aws.clusterAdminArns.0', (v) => `aws:\n  clusterAdminArns: [${v}]\n${EXAMPLE}`],
  ['azure.location', (v) => `azure:\n  location: ${v}\n${EXAMPLE}`],
  ['azure.networkWatcherName', (v) => `azure:\n  networkWatcherName: ${v}\n${EXAMPLE}`],
  ['azure.networkWatcherResourceGroup', (v) => `azure:\n  networkWatcherResourceGroup: ${v}\n${EXAMPLE}`],
  ['workload.allowedRegistries.0', (v) => EXAMPLE.replace('  replicas: 10', `  replicas: 10\n  allowedRegistries: [${v}]`)],
  ['terraformCloud.organization', (v) => `terraformCloud:\n  organization: ${v}\n${EXAMPLE}`],
  ['terraformCloud.project', (v) => `terraformCloud:\n  organization: dcaa\n  project: ${v}\n${EXAMPLE}`],
  ['terraformCloud.hostname', (v) => `terraformCloud:\n  organization: dcaa\n  hostname: ${v}\n${EXAMPLE}`],
  ['stateBucket.bucket', (v) => `stateBucket:\n  bucket: ${v}\n${EXAMPLE}`],
];

/** Strings that would be evaluated, run, or escape, if they reached the wrong place; quoted for YAML. */
const EXPLOITS = [
  '${file("/etc/passwd")}',
  '${jsonencode(var.secret)}',
  '%{ for x in ["a"] }${x}%{ endfor }',
  '$${aws_iam_role.admin.arn}',
  '${TfToken[TOKEN.42]}',
  '$(curl -s http://169.254.169.254/latest/meta-data/)',
  '`reboot`',
  'x; rm -rf /',
  'x && kubectl delete ns kube-system',
  '../../../../etc/passwd',
  '/etc/passwd',
  'x\nrun: evil',
  '\u202eexe.txt',
].map((s) => JSON.stringify(s));

/** Every Terraform expression or template directive in a text: `${...}`, `%{...}`. */
function expressions(text: string): Set<string> {
  return new Set(text.match(/[$%]\{[^}]*\}/g) ?? []);
}

function synthesized(blueprints: Parameters<typeof addBlueprintStacks>[1]): string {
  const app = new App({ outdir: join(tmpdir(), 'hms-injection'), skipValidation: true });
  return addBlueprintStacks(app, blueprints).stacks.map((s) => JSON.stringify(s.stack.toTerraform())).join('\n');
}

type Outcome = { refused: true; paths: string[] } | { refused: false; json: string };

function outcome(yaml: string): Outcome {
  try {
    return { refused: false, json: synthesized([parseBlueprint(yaml, 'blueprints/injection.yml')]) };
  } catch (e) {
    if (e instanceof BlueprintError) return { refused: true, paths: e.problems.map((p) => p.path) };
    throw e;
  }
}

/** What Terraform would evaluate in the unmodified blueprint's stacks (references between resources). */
const BASELINE = expressions(synthesized([parseBlueprint(EXAMPLE, 'blueprints/injection.yml')]));

describe('injection through blueprint fields', () => {
  test.each(FIELDS.flatMap(([field, place]) => EXPLOITS.map((exploit) => [field, exploit, place] as const)))('%s = %s', (field, exploit, place) => {
    const result = outcome(place(exploit));
    if (result.refused) {
      // Refused at the field (a YAML syntax error is located at its line, without a path).
      expect(result.paths.some((p) => p === '' || p === field || p.startsWith(`${field}.`))).toBe(true);
    } else {
      // Accepted as plain text: the stacks hold no expression beyond the ones the unmodified blueprint has.
      expect([...expressions(result.json)].filter((e) => !BASELINE.has(e))).toEqual([]);
    }
  });

  test('the baseline holds references, so the comparison above can see a new one', () => {
    expect([...BASELINE].some((e) => e.startsWith('${aws_eks_cluster.'))).toBe(true);
  });

  test('names that become paths and stack names cannot leave the output folder', () => {
    for (const exploit of ['"../escape"', '"/abs/path"', '"a/b"', '"..\\\\x"']) {
      expect(outcome(`name: ${exploit}\n${EXAMPLE}`).refused).toBe(true);
    }
  });

  test('credential plugins get their arguments as a list, never through a shell', () => {
    const app = new App({ outdir: join(tmpdir(), 'hms-injection'), skipValidation: true });
    const { stacks } = addBlueprintStacks(app, [parseBlueprint(EXAMPLE, 'blueprints/dcaa-audit.yml')]);
    for (const s of stacks.filter((x) => x.layer === 'kubernetes')) {
      const [provider] = (s.stack.toTerraform() as any).provider.kubernetes;
      expect(['aws', 'kubelogin']).toContain(provider.exec[0].command);
      expect(Array.isArray(provider.exec[0].args)).toBe(true);
      expect(provider.exec[0].args.join(' ')).not.toMatch(/[;&|`$<>]/);
    }
  });
});

describe('injection through what is not a blueprint field', () => {
  test('file and folder names: the hms-sys:source tag carries them as inert text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-inject-path-'));
    const folder = join(dir, 'blueprints', '${var.nope}');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '${file("~-.aws-credentials")}%{if true}.yml'), `name: injection\n${EXAMPLE}`);
    const json = synthesized(loadBlueprints([join('blueprints', '${var.nope}')], dir, { env: {} }));
    expect([...expressions(json)].filter((e) => !BASELINE.has(e))).toEqual([]);
    const tags = [...json.matchAll(new RegExp(`"${TAG_SOURCE}":"([^"]*)"`, 'g'))].map((m) => m[1]);
    expect(tags.length).toBeGreaterThan(0);
    // Every character a tag may not hold became "_"; the path is still readable.
    for (const tag of tags) expect(tag).toBe('blueprints/__var.nope_/__file___-.aws-credentials_____if true_.yml');
  });

  test('a long path keeps its end, within the 256 characters a tag value may have', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-inject-path-'));
    const deep = join(dir, 'blueprints', ...Array(12).fill('a-rather-long-folder-name'));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'dcaa-audit.yml'), EXAMPLE);
    const json = synthesized(loadBlueprints([join('blueprints', ...Array(12).fill('a-rather-long-folder-name'), 'dcaa-audit.yml')], dir, { env: {} }));
    const [tag] = [...json.matchAll(new RegExp(`"${TAG_SOURCE}":"([^"]*)"`, 'g'))].map((m) => m[1]);
    expect([...tag].length).toBeLessThanOrEqual(256);
    expect(tag).toMatch(/^\.\.\..*\/dcaa-audit\.yml$/);
  });

  test.each([
    [{ HMS_TFC_ORGANIZATION: '${file("/etc/passwd")}' }],
    [{ HMS_TFC_ORGANIZATION: 'agency', HMS_TFC_HOSTNAME: '${var.host}.example' }],
    [{ HMS_TFC_ORGANIZATION: 'agency', HMS_TFC_HOSTNAME: 'evil.example/%{if true}' }],
  ])('environment variables are validated like fields: %p is refused, naming the variable', (env) => {
    const dir = exampleProject();
    try {
      loadBlueprints(['blueprints'], dir, { env });
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(BlueprintError);
      expect((e as BlueprintError).problems.map((p) => p.file)).toEqual([expect.stringMatching(/^\$HMS_TFC_(ORGANIZATION|HOSTNAME)$/)]);
    }
  });

  test('command-line options: an output folder named ${...} reaches no stack', async () => {
    const dir = exampleProject();
    expect((await runCli(['synth', '--out', 'out-${var.x}-%{if true}'], dir)).code).toBe(0);
    const out = join(dir, 'out-${var.x}-%{if true}');
    const files = (function walk(d: string): string[] {
      return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
    })(out).filter((f) => f.endsWith('cdk.tf.json'));
    expect(files.length).toBe(4);
    for (const f of files) expect(readFileSync(f, 'utf8')).not.toMatch(/var\.x|%\{if/);
  });
});
