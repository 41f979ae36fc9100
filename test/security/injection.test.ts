/**
 * No blueprint value can become a Terraform expression, a template directive, a
 * shell argument or a path outside the project: each string field is tried with
 * the strings that would exploit it, and is either refused with a located message
 * or reaches the Terraform JSON as inert text.
 */
import { App } from 'cdktf';
import { parseBlueprint } from '../../lib/blueprint/load';
import { BlueprintError } from '../../lib/core/errors';
import { addBlueprintStacks } from '../../stacks/app';
import { EXAMPLE_BLUEPRINT_PATH } from '../support/synth';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const EXAMPLE = readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8');

/** YAML lines to insert or replace, and the field they set. */
const FIELDS: [string, (v: string) => string][] = [
  ['name', (v) => `name: ${v}\n${EXAMPLE}`],
  ['nodePool.name', (v) => EXAMPLE.replace('name: dcaa-secure', `name: ${v}`)],
  ['storage.volume.name', (v) => EXAMPLE.replace('name: contract-pdfs', `name: ${v}`)],
  ['network.policy.name', (v) => EXAMPLE.replace('name: dcaa-isolated', `name: ${v}`)],
  ['network.policy.ingressCIDR', (v) => EXAMPLE.replace('"192.168.15.0/24"', v)],
  ['workload.image', (v) => EXAMPLE.replace('ghcr.io/hms/dcaa-audit:v1.0', v)],
  ['tags (value)', (v) => `tags:\n  owner: ${v}\n${EXAMPLE}`],
  ['tags (key)', (v) => `tags:\n  ${v}: x\n${EXAMPLE}`],
  ['aws.region', (v) => `aws:\n  region: ${v}\n${EXAMPLE}`],
  ['aws.nodeImageId', (v) => `aws:\n  nodeImageId: ${v}\n${EXAMPLE}`],
  ['aws.clusterAdminArns', (v) => `aws:\n  clusterAdminArns: [${v}]\n${EXAMPLE}`],
  ['azure.location', (v) => `azure:\n  location: ${v}\n${EXAMPLE}`],
  ['azure.networkWatcherName', (v) => `azure:\n  networkWatcherName: ${v}\n${EXAMPLE}`],
  ['workload.allowedRegistries', (v) => EXAMPLE.replace('  replicas: 10', `  replicas: 10\n  allowedRegistries: [${v}]`)],
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

function outcome(yaml: string): { refused: true; paths: string[] } | { refused: false; json: string } {
  try {
    const bp = parseBlueprint(yaml, 'blueprints/injection.yml');
    const app = new App({ outdir: `${tmpdir()}/hms-injection`, skipValidation: true });
    const { stacks } = addBlueprintStacks(app, [bp]);
    return { refused: false, json: stacks.map((s) => JSON.stringify(s.stack.toTerraform())).join('\n') };
  } catch (e) {
    if (e instanceof BlueprintError) return { refused: true, paths: e.problems.map((p) => p.path) };
    throw e;
  }
}

describe('injection', () => {
  test.each(FIELDS.flatMap(([field, place]) => EXPLOITS.map((exploit) => [field, exploit, place] as const)))('%s = %s', (field, exploit, place) => {
    const result = outcome(place(exploit));
    if (result.refused) {
      expect(result.paths.some((p) => p !== '' || field === 'name')).toBe(true);
    } else {
      // Accepted as plain text: it must not have introduced an expression or a directive.
      const raw = JSON.parse(exploit) as string;
      expect(raw).not.toMatch(/\$\{|%\{/);
    }
  });

  test('every exploit that carries an expression is refused, in every field', () => {
    for (const [, place] of FIELDS) {
      for (const exploit of EXPLOITS.filter((e) => /\$\{|%\{/.test(e))) {
        expect(outcome(place(exploit)).refused).toBe(true);
      }
    }
  });

  test('names that become paths and stack names cannot leave the output folder', () => {
    for (const exploit of ['"../escape"', '"/abs/path"', '"a/b"', '"..\\\\x"']) {
      expect(outcome(`name: ${exploit}\n${EXAMPLE}`).refused).toBe(true);
    }
  });

  test('credential plugins get their arguments as a list, never through a shell', () => {
    const bp = parseBlueprint(EXAMPLE, 'blueprints/dcaa-audit.yml');
    const app = new App({ outdir: `${tmpdir()}/hms-injection`, skipValidation: true });
    const { stacks } = addBlueprintStacks(app, [bp]);
    for (const s of stacks.filter((x) => x.layer === 'kubernetes')) {
      const [provider] = (s.stack.toTerraform() as any).provider.kubernetes;
      expect(['aws', 'kubelogin']).toContain(provider.exec[0].command);
      expect(Array.isArray(provider.exec[0].args)).toBe(true);
      expect(provider.exec[0].args.join(' ')).not.toMatch(/[;&|`$<>]/);
    }
  });
});
