import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { terraformError } from '../../lib/terraform/run';
import { exampleProject, runCli } from '../support/cli';

describe('hms-sys plan', () => {
  test("quotes Terraform's error and the paragraph that explains it, unwrapped", () => {
    const output = [
      'Initializing provider plugins...',
      '',
      'Error: Failed to query available provider packages',
      '',
      'Could not retrieve the list of available versions for provider',
      'hashicorp/azurerm: provider registry.terraform.io/hashicorp/azurerm was not',
      'found in any of the search locations',
      '',
      '  - /opt/tf-plugins',
    ].join('\n');
    expect(terraformError(output)).toBe(
      'Error: Failed to query available provider packages Could not retrieve the list of available versions for provider hashicorp/azurerm: provider registry.terraform.io/hashicorp/azurerm was not found in any of the search locations',
    );
  });

  test('without an Error line, the last lines', () => {
    expect(terraformError('one\ntwo\nthree\n')).toBe('two three');
  });

  test('an unknown name is refused before synthesis, listing the blueprints and stacks', async () => {
    const dir = exampleProject();
    const r = await runCli(['plan', 'nope'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'hms-sys plan: no blueprint or stack named "nope" in blueprints/.\nblueprints: dcaa-audit\nstacks: dcaa-audit-aws, dcaa-audit-aws-k8s, dcaa-audit-azure, dcaa-audit-azure-k8s\nName a blueprint (all its stacks), a stack (that stack) or a blueprint file (.yml).',
    );
    expect(existsSync(join(dir, 'cdktf.out'))).toBe(false);
  });

  describe('with a terraform that writes files as any program does (umask 022)', () => {
    const saved = { ...process.env };
    let dir: string;
    beforeAll(async () => {
      process.env.PATH = `${join(__dirname, '..', 'support', 'fake-terraform')}:${dirname(process.execPath)}`;
      dir = exampleProject();
      const previous = process.umask(0o022);
      try {
        expect((await runCli(['plan', 'dcaa-audit-aws'], dir)).code).toBe(0);
      } finally {
        process.umask(previous);
      }
    });
    afterAll(() => {
      process.env = saved;
    });

    test.each(['plan.json', 'plan.tfplan'])('%s, which holds planned values, is readable by its owner only', (file) => {
      expect((statSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', file)).mode & 0o777).toString(8)).toBe('600');
    });

    test('a plan that fails without credentials quotes Terraform, exit 3, and points to the review plan that needs none', async () => {
      process.env.FAKE_TF_FAIL_PLAN = 'dcaa-audit-aws';
      try {
        const r = await runCli(['plan', 'dcaa-audit-aws'], dir);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('No valid credential sources found');
        expect(r.stderr).toContain('Without credentials, hms-sys plan --offline dcaa-audit-aws gives a review plan.');
      } finally {
        delete process.env.FAKE_TF_FAIL_PLAN;
      }
    });
  });
});
