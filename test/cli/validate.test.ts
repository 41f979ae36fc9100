import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');

describe('hms-sys validate', () => {
  test('passes the example blueprints (default folder) with exit 0', async () => {
    const r = await runCli(['validate'], ROOT);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('✔ blueprints/dcaa-audit.yml: valid (dcaa-audit; aws, azure)');
  });

  test('a bad blueprint exits 1 naming file, line and field, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-cli-'));
    writeFileSync(join(dir, 'bad.yml'), 'nodePool:\n  name: x\n  count: 3\n  runtime: windows\nnetwork:\n  policy:\n    name: n\n    ingressCIDR: 10.0.0.0/8\n');
    const r = await runCli(['validate', 'bad.yml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yml:4:12  nodePool.runtime: "windows" is not a FIPS 140 validated runtime (NIST 800-53 SC-13); allowed: fips-ubuntu-22.04, bottlerocket-fips');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('an unknown option exits 1 with usage', async () => {
    const r = await runCli(['validate', '--fast'], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Unknown option '--fast'\nusage: hms-sys validate/);
  });
});
