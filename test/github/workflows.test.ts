/** The GitHub Actions workflows hms-sys ships for agencies: they parse, and run commands that exist. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

describe('workflow templates', () => {
  const root = join(__dirname, '..', '..');
  const workflow = (name: string) => parse(readFileSync(join(root, '.github', 'workflows', name), 'utf8'));

  test('pull requests: validate, synth with SARIF upload, and plan', () => {
    const wf = workflow('hms-sys.yml');
    expect(Object.keys(wf.jobs)).toEqual(['validate', 'synth-and-check', 'plan']);
    const runs = Object.values<any>(wf.jobs).flatMap((j) => j.steps.map((s: any) => s.run).filter(Boolean));
    expect(runs).toEqual(expect.arrayContaining(['./bin/hms-sys validate', 'npm run synth', './bin/hms-sys plan']));
    expect(wf.jobs['synth-and-check'].steps.some((s: any) => String(s.uses).startsWith('github/codeql-action/upload-sarif'))).toBe(true);
    expect(wf.permissions).toMatchObject({ 'id-token': 'write', 'security-events': 'write' });
  });

  test('drift runs on a schedule and never applies', () => {
    const wf = workflow('hms-sys-drift.yml');
    expect(wf.on.schedule[0].cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    const text = readFileSync(join(root, '.github', 'workflows', 'hms-sys-drift.yml'), 'utf8');
    expect(text).toContain('./bin/hms-sys drift');
    expect(text).not.toMatch(/\bapply\b/);
  });
});
