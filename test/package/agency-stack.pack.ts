/**
 * An agency installs the packed package into a fresh CDKTF project (offline, from
 * the npm cache `npm ci` filled), synthesizes examples/agency-stack with its own
 * App, and checks the output with the installed `hms-sys check`. The project
 * installs only the AWS provider bindings. Slow (a build, an install of about
 * 490 MB): `npm run test:package`, run by CI (.ci/run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offlineLockFor, type Lock } from './offline-lockfile';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'agency-stack');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env }, timeout: 600_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}` };
}

describe('the packed package in an agency project', () => {
  const work = mkdtempSync(join(tmpdir(), 'hms-agency-'));
  const project = join(work, 'agency-stack');
  let tarball = '';
  let files: string[] = [];

  beforeAll(() => {
    // `npm pack` runs `prepare`, which builds dist/ from the sources under test.
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
    tarball = join(work, name);
    files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    cpSync(EXAMPLE, project, { recursive: true, filter: (src) => !/node_modules|cdktf\.out/.test(src) });
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    pkg.dependencies['hms-sys'] = `file:../${name}`;
    writeFileSync(join(project, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    const lock = offlineLockFor(pkg, JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock, tarball, `file:../${name}`);
    writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund'], project);
    if (install.code !== 0) throw new Error(`npm install --offline failed:\n${install.output}`);
  }, 900_000);

  test('the tarball holds the build, the bin, the schema and the LICENSE; no sources or tests', () => {
    expect(files).toEqual(expect.arrayContaining(['package/LICENSE', 'package/bin/hms-sys', 'package/dist/lib/index.js', 'package/dist/lib/index.d.ts', 'package/dist/stacks/index.js', 'package/blueprints/blueprint.schema.json']));
    expect(files.filter((f) => /^package\/(lib|test|stacks|examples)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  test('an AWS-only project gets no Azure, Kubernetes or Terraform Cloud bindings', () => {
    expect(readdirSync(join(project, 'node_modules', '@cdktf')).filter((p) => p.startsWith('provider-'))).toEqual(['provider-aws']);
  });

  describe('synthesized by the agency App', () => {
    let synth: ReturnType<typeof run>;
    const stackDir = () => join(project, 'cdktf.out', 'stacks', 'agency-platform');
    beforeAll(() => {
      synth = run(join(project, 'node_modules', '.bin', 'tsx'), ['main.ts'], project);
    }, 300_000);

    test('synth passes the gate and writes cdk.tf.json with the acknowledgement and our constructs', () => {
      expect(synth.output).not.toMatch(/Error/);
      expect(synth.code).toBe(0);
      const tf = JSON.parse(readFileSync(join(stackDir(), 'cdk.tf.json'), 'utf8'));
      expect(tf.resource.aws_cloudwatch_log_group['intake-debug-logs']['//']['hms-sys:acknowledgements']).toEqual([
        { ruleId: 'HMS-LOG-3', reason: 'debug output only; audit records go to the cluster audit log (365 days), SSP AU-11 row 4' },
      ]);
      expect(Object.keys(tf.resource)).toEqual(expect.arrayContaining(['aws_eks_cluster', 'aws_eks_node_group', 'aws_vpc']));
      expect(Object.values(tf.resource.aws_eks_node_group)).toEqual([expect.objectContaining({ scaling_config: expect.objectContaining({ desired_size: '${var.node_count}' }) })]);
    });

    test('the policy report beside it records the acknowledgement as evidence', () => {
      const report = JSON.parse(readFileSync(join(stackDir(), 'policy-report.json'), 'utf8'));
      expect([report.strict, report.blocking]).toEqual([true, 0]);
      expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'HMS-LOG-3', acknowledgedBecause: expect.stringContaining('debug output only'), blocking: false })]));
    });

    test('the installed hms-sys check --strict passes the same output, and refuses it without the acknowledgement', () => {
      const file = join('cdktf.out', 'stacks', 'agency-platform', 'cdk.tf.json');
      const check = run(join(project, 'node_modules', '.bin', 'hms-sys'), ['check', '--strict', file], project);
      expect(check.output).toMatch(/HMS-LOG-3/);
      expect(check.code).toBe(0);
      const ignored = run(join(project, 'node_modules', '.bin', 'hms-sys'), ['check', '--strict', '--ignore-acknowledgements', file], project);
      expect(ignored.code).toBe(1);
      expect(ignored.output).toMatch(/HMS-LOG-3/);
    });

    test('without the acknowledgement the agency App refuses the stack (strict: the warning blocks)', () => {
      const unacknowledged = join(project, 'unacknowledged.ts');
      writeFileSync(unacknowledged, readFileSync(join(project, 'main.ts'), 'utf8').replace(/^policy\.FedRampBaseline\.acknowledge\(.*$/m, ''));
      const r = run(join(project, 'node_modules', '.bin', 'tsx'), [unacknowledged], project, { CDKTF_OUTDIR: join(work, 'unacknowledged.out') });
      expect(r.code).not.toBe(0);
      expect(r.output).toMatch(/\[HMS-LOG-3\] agency-platform\/intake-debug-logs/);
    });

    test('hms-sys/azure, not installed here, fails with one line naming the package', () => {
      const r = run(process.execPath, ['-e', "require('hms-sys/azure')"], project);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('MissingProviderError: hms-sys/azure needs the provider bindings @cdktf/provider-azurerm, which are not installed; run: npm install --save-exact @cdktf/provider-azurerm@14.23.1');
      expect(r.stderr).not.toMatch(/^\s+at /m);
    });

    test('every entry point of the exports map loads', () => {
      const r = run(process.execPath, ['-e', "for (const e of ['hms-sys', 'hms-sys/aws', 'hms-sys/policy', 'hms-sys/stacks', 'hms-sys/blueprint', 'hms-sys/core', 'hms-sys/cli']) require(e); console.log(require.resolve('hms-sys/blueprint.schema.json'))"], project);
      expect(r.stderr).toBe('');
      expect(existsSync(r.stdout.trim())).toBe(true);
    });
  });
});
