/**
 * No credential, token or private key is ever written to synthesized JSON,
 * outputs or policy reports: every artefact of a synth is scanned, and values
 * shared between stacks are marked sensitive.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprints } from '../../lib/blueprint/load';
import { synthesizeBlueprints } from '../../lib/cli/synthesize';

const ROOT = join(__dirname, '..', '..');

/** What a leaked secret looks like. */
export const SECRET_PATTERNS: [string, RegExp][] = [
  ['AWS access key id', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['AWS secret key assignment', /aws_secret_access_key|AWS_SECRET_ACCESS_KEY/],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['Azure storage account key', /AccountKey=[A-Za-z0-9+/=]{20,}/],
  ['Azure client secret', /client_secret"\s*:\s*"[^"$]/],
  ['JSON web token', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\./],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{30,}\b/],
  ['kubeconfig credential', /client-key-data|client-certificate-data|"token"\s*:\s*"[^"$]/],
  ['password value', /"(admin_)?password"\s*:\s*"[^"$]/],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('secrets', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'hms-secrets-')), 'cdktf.out');
  const result = synthesizeBlueprints(loadBlueprints([join(ROOT, 'blueprints'), join(ROOT, 'test', 'terraform', 'blueprints')], ROOT), out);
  const artefacts = files(out);

  test('scans every artefact: stacks, policy reports and the manifest', () => {
    expect(artefacts.filter((f) => f.endsWith('cdk.tf.json'))).toHaveLength(result.stacks.length);
    expect(artefacts.filter((f) => f.endsWith('policy-report.json'))).toHaveLength(result.stacks.length);
    expect(artefacts.some((f) => f.endsWith('manifest.json'))).toBe(true);
  });

  test.each(SECRET_PATTERNS)('no %s in any artefact', (_what, pattern) => {
    const leaks = artefacts.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(leaks).toEqual([]);
  });

  test('values shared between stacks (endpoints, CA, disk ids) travel as sensitive outputs', () => {
    for (const stack of result.stacks) {
      const tf = JSON.parse(readFileSync(stack.file, 'utf8'));
      for (const [name, output] of Object.entries<any>(tf.output ?? {})) {
        if (name.startsWith('cross-stack-output-')) expect(output.sensitive).toBe(true);
      }
    }
  });

  test('the patterns catch what they are meant to', () => {
    const samples = ['AKIAABCDEFGHIJKLMNOP', '-----BEGIN RSA PRIVATE KEY-----', '"password": "hunter2"', 'client-key-data: abc'];
    for (const s of samples) expect(SECRET_PATTERNS.some(([, p]) => p.test(s))).toBe(true);
  });
});
