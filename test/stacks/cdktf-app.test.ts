import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprints } from '../../lib/blueprint/load';
import { synthesizeBlueprints } from '../../lib/cli/synthesize';
import { POLICY_REPORT_FILE } from '../../lib/policy/fedramp-baseline';
import { synthesizeCdktfApp } from '../../stacks/cdktf-app';
import { EXAMPLE_BLUEPRINT_PATH } from '../support/synth';

/** A report with its folder written as <out>, so reports from two output folders compare. */
function readReport(file: string): string {
  return readFileSync(file, 'utf8').replace(/"[^"]*\/stacks\//g, '"<out>/stacks/');
}

describe('cdktf synth (main.ts) and hms-sys synth are one code path', () => {
  const root = mkdtempSync(join(tmpdir(), 'hms-cdktf-app-'));
  const cdktfOut = join(root, 'cdktf.out');
  const hmsOut = join(root, 'hms.out');
  // Reports an earlier run left: one beside a stack this run builds, one beside a stack it no longer builds.
  for (const stack of ['dcaa-audit-aws', 'retired-aws']) {
    mkdirSync(join(cdktfOut, 'stacks', stack), { recursive: true });
    writeFileSync(join(cdktfOut, 'stacks', stack, POLICY_REPORT_FILE), '{"stale": true}\n');
  }
  const blueprints = loadBlueprints([EXAMPLE_BLUEPRINT_PATH]);
  const viaCdktf = synthesizeCdktfApp(blueprints, { outdir: cdktfOut });
  const viaHms = synthesizeBlueprints(blueprints, hmsOut, { cwd: root });
  const stackNames = viaHms.stacks.map((s) => s.stackName);

  test('the same stacks, with the same Terraform', () => {
    expect(viaCdktf.stacks.map((s) => s.stackName)).toEqual(stackNames);
    for (const name of stackNames) {
      expect(readFileSync(join(cdktfOut, 'stacks', name, 'cdk.tf.json'), 'utf8')).toEqual(readFileSync(join(hmsOut, 'stacks', name, 'cdk.tf.json'), 'utf8'));
    }
  });

  test('the same policy report beside each stack', () => {
    for (const name of stackNames) {
      const report = readReport(join(cdktfOut, 'stacks', name, POLICY_REPORT_FILE));
      expect(report).not.toContain('stale');
      expect(report).toEqual(readReport(join(hmsOut, 'stacks', name, POLICY_REPORT_FILE)));
    }
  });

  test('no report of an earlier run is left beside a stack this run did not write', () => {
    expect(readdirSync(join(cdktfOut, 'stacks', 'retired-aws'))).toEqual([]);
    expect(existsSync(join(cdktfOut, 'stacks', 'dcaa-audit-aws', POLICY_REPORT_FILE))).toBe(true);
  });

  test('the notices hms-sys prints are warning annotations in the manifest, which cdktf prints as WARN lines', () => {
    const manifest = JSON.parse(readFileSync(join(cdktfOut, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, { annotations: { level: string; message: string }[] }>;
    };
    const annotations = Object.values(manifest.stacks).flatMap((s) => s.annotations);
    const hmsNotices = viaHms.notices.filter((n) => !/^(recovered|replaced|published)/.test(n));
    expect(hmsNotices.length).toBeGreaterThan(0);
    expect(annotations.map((a) => a.level)).toEqual(hmsNotices.map(() => '@cdktf/warn'));
    expect(annotations.map((a) => a.message).sort()).toEqual([...hmsNotices].sort());
  });
});
