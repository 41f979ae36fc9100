/**
 * An AWS-only agency installs no @cdktf/provider-azurerm, an Azure-only one no
 * @cdktf/provider-aws. The CLI must then run every command of a one-cloud blueprint
 * up to where it needs the cloud itself. The bundled CLI runs with the other cloud's
 * bindings made unresolvable (fixtures/without-packages.js) and the fake terraform on
 * PATH: `apply` walks synthesis, every preflight, plan, policy, guard and apply;
 * `verify` builds the stacks for their image mirrors and loads the probes. The
 * packed-package test (agency-stack.pack.ts) runs the commands again from a real
 * AWS-only install, with the real Terraform.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUILT_CLI } from '../support/built-cli';
import { CLI_ENV } from '../support/cli';
import { EXAMPLE_BLUEPRINT_PATH } from '../support/synth';

const WITHOUT = join(__dirname, 'fixtures', 'without-packages.js');
const FAKE_TERRAFORM = join(__dirname, '..', 'support', 'fake-terraform');

/** A project with the seed blueprint on one cloud, run without `hidden`'s bindings. */
function oneCloudProject(cloud: 'aws' | 'azure', hidden: string) {
  const dir = mkdtempSync(join(tmpdir(), `hms-${cloud}-only-`));
  mkdirSync(join(dir, 'blueprints'));
  writeFileSync(join(dir, 'blueprints', 'dcaa-audit.yml'), `clouds: [${cloud}]\n${readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8')}`);
  const log = join(dir, 'hidden-loads.log');
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--require', WITHOUT, BUILT_CLI, ...args], {
      cwd: dir,
      encoding: 'utf8',
      // No az, no aws credentials: the Azure preflight stops at the missing CLI, the AWS one asks the fake aws.
      env: { ...CLI_ENV, HMS_TEST_WITHOUT: hidden, HMS_TEST_WITHOUT_LOG: log, PATH: `${FAKE_TERRAFORM}:${dirname(process.execPath)}:/usr/bin:/bin` },
    });
    return { code: r.status, output: `${r.stdout}\n${r.stderr}` };
  };
  const hiddenLoads = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
  return { run, hiddenLoads };
}

const NOT_INSTALLED = /needs the provider bindings|Cannot find module|internal error/;

describe('an AWS-only install (no @cdktf/provider-azurerm)', () => {
  const project = oneCloudProject('aws', '@cdktf/provider-azurerm');
  const apply = project.run('apply', 'dcaa-audit', '--yes');
  const verify = project.run('verify', 'dcaa-audit');

  test('apply runs every stack through preflight, plan, the gate and apply; it stops at the first thing the cloud must answer', () => {
    expect(apply.output).not.toMatch(NOT_INSTALLED);
    expect(apply.output).toMatch(/✔ \[1\/2\] dcaa-audit-aws: applied/);
    // The fake terraform reports no cluster endpoint: the preflight of the Kubernetes stack says so (exit 3).
    expect(apply.output).toMatch(/preflight for dcaa-audit-aws-k8s failed: EKS API endpoint reachable/);
    expect(apply.code).toBe(3);
  });

  test('verify says nothing is deployed yet', () => {
    expect(verify.output).not.toMatch(NOT_INSTALLED);
    expect(verify.output).toMatch(/dcaa-audit-aws has no cluster in its state: apply it first/);
    expect(verify.code).toBe(1);
  });

  test('no command even tried to load the Azure bindings', () => {
    expect(project.hiddenLoads()).toEqual([]);
  });
});

describe('an Azure-only install (no @cdktf/provider-aws)', () => {
  const project = oneCloudProject('azure', '@cdktf/provider-aws');
  const apply = project.run('apply', 'dcaa-audit', '--yes');
  const verify = project.run('verify', 'dcaa-audit');

  test('apply synthesizes and gates, then its preflight stops at the Azure CLI this machine lacks (exit 3)', () => {
    expect(apply.output).not.toMatch(NOT_INSTALLED);
    expect(apply.output).toMatch(/Synthesized and checked 2 stack\(s\) of dcaa-audit/);
    expect(apply.output).toMatch(/preflight for dcaa-audit-azure failed: .*the Azure CLI \(az\) is not installed/);
    expect(apply.code).toBe(3);
  });

  test('verify says nothing is deployed yet', () => {
    expect(verify.output).not.toMatch(NOT_INSTALLED);
    expect(verify.output).toMatch(/dcaa-audit-azure has no cluster in its state: apply it first/);
    expect(verify.code).toBe(1);
  });

  test('no command even tried to load the AWS bindings', () => {
    expect(project.hiddenLoads()).toEqual([]);
  });
});

describe('with no provider bindings at all', () => {
  const project = oneCloudProject('aws', '@cdktf/provider-aws,@cdktf/provider-azurerm,@cdktf/provider-kubernetes,@cdktf/provider-tfe');
  const help = project.run('verify', '--help');

  test('verify --help answers: the probes and the stacks load only when a blueprint is verified', () => {
    expect(help.output).not.toMatch(NOT_INSTALLED);
    expect(help.output).toMatch(/^usage: hms-sys verify/m);
    expect(help.code).toBe(0);
    expect(project.hiddenLoads()).toEqual([]);
  });
});
