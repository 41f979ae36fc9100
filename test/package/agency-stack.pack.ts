/**
 * An agency installs the packed package into a fresh CDKTF project (offline, from
 * the npm cache `npm ci` filled), synthesizes examples/agency-stack with its own
 * App, and checks the output with the installed `hms-sys check`; then runs the
 * installed CLI on the project's AWS blueprint with no cloud credentials. The
 * project installs the AWS and Kubernetes provider bindings, not azurerm. Slow (a
 * build, an install of about 640 MB): `npm run test:package`, run by CI (.ci/run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installAgencyProject, ROOT, run } from './agency-project';
import { tarballSource } from './offline-lockfile';

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
    installAgencyProject(project, tarballSource(tarball, `file:../${name}`));
  }, 900_000);
  // About 500 MB of node_modules per run.
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('the tarball holds the build, the bin, the schema and the LICENSE; no sources or tests', () => {
    expect(files).toEqual(expect.arrayContaining(['package/LICENSE', 'package/bin/hms-sys', 'package/dist/lib/index.js', 'package/dist/lib/index.d.ts', 'package/dist/stacks/index.js', 'package/blueprints/blueprint.schema.json']));
    expect(files.filter((f) => /^package\/(lib|test|stacks|examples)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  test('the tarball holds nothing else: no tests, no node_modules, no source maps (their sources are not shipped)', () => {
    const shipped = /^package\/(LICENSE|README\.md|package\.json|bin\/hms-sys|blueprints\/blueprint\.schema\.json|dist\/(main|lib\/[a-z0-9/-]+|stacks\/[a-z0-9/-]+)\.(js|d\.ts))$/;
    expect(files.filter((f) => !shipped.test(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|__tests__|node_modules)\/|\.test\.|\.map$/.test(f))).toEqual([]);
  });

  test('an AWS-only project gets the AWS and Kubernetes bindings, no Azure or Terraform Cloud ones', () => {
    expect(readdirSync(join(project, 'node_modules', '@cdktf')).filter((p) => p.startsWith('provider-'))).toEqual(['provider-aws', 'provider-kubernetes']);
  });

  test('the installed hms-sys --version prints the version of the package installed', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'hms-sys', 'package.json'), 'utf8')) as { version: string };
    const r = run(join(project, 'node_modules', '.bin', 'hms-sys'), ['--version'], project);
    expect([r.code, r.stdout.trim()]).toEqual([0, `hms-sys ${installed.version}`]);
  });

  describe('synthesized by the agency App', () => {
    let synth: ReturnType<typeof run>;
    const stackDir = () => join(project, 'agency.out', 'stacks', 'agency-platform');
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
      const file = join('agency.out', 'stacks', 'agency-platform', 'cdk.tf.json');
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

  /**
   * The commands an agency runs on a blueprint, from an install without azurerm and
   * with no cloud credentials: each stops at the cloud (credentials, exit 3) or at
   * "nothing deployed" (exit 1), never at a missing provider package or an internal
   * error. The real Terraform, with the provider mirror hms-sys finds (/opt/tf-plugins).
   */
  describe('the installed CLI on the AWS-only blueprint, without cloud credentials', () => {
    const credentialless: NodeJS.ProcessEnv = {
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
      AWS_PROFILE: '',
      AWS_CONFIG_FILE: join(work, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(work, 'no-aws-credentials'),
      // Off this machine the provider would wait on the instance metadata service.
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const hms = (...args: string[]) => run(join(project, 'node_modules', '.bin', 'hms-sys'), args, project, credentialless);
    const MISSING_PACKAGE = /needs the provider bindings|Cannot find module|provider-azurerm|internal error|^\s+at /m;
    let results: Record<string, ReturnType<typeof run>> = {};
    beforeAll(() => {
      results = {
        apply: hms('apply', 'agency-intake'),
        plan: hms('plan', 'agency-intake-aws'),
        status: hms('status', 'agency-intake'),
        verify: hms('verify', 'agency-intake'),
        drift: hms('drift', 'agency-intake-aws'),
      };
    }, 600_000);

    test.each(['apply', 'plan', 'status', 'verify', 'drift'])('%s fails for the cloud, not for a missing package', (command) => {
      const r = results[command]!;
      expect(r.output).not.toMatch(MISSING_PACKAGE);
      expect([1, 3]).toContain(r.code);
    });

    test('apply and plan get as far as Terraform asking AWS for credentials (exit 3)', () => {
      for (const r of [results.apply!, results.plan!]) {
        expect(r.output).toMatch(/credential/i);
        expect(r.code).toBe(3);
      }
    });

    test('status and verify say nothing is deployed yet (exit 1)', () => {
      expect(results.status!.output).toMatch(/nothing is deployed for agency-intake/);
      expect(results.verify!.output).toMatch(/agency-intake-aws has no cluster in its state/);
      expect([results.status!.code, results.verify!.code]).toEqual([1, 1]);
    });
  });
});
