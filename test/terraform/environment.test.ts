/**
 * The Terraform on PATH: a missing, unreadable or too old one is one paragraph and
 * exit 3 (ToolchainError), never an internal error.
 */
import { join } from 'node:path';
import { ToolchainError } from '../../lib/core/errors';
import { MINIMUM_TERRAFORM_VERSION, terraformVersion } from '../../lib/terraform/environment';

const FAKE = join(__dirname, '..', 'support', 'fake-terraform');

/** Runs terraformVersion against the fake terraform answering `version`. */
const versionOf = (version: string) => () => terraformVersion({ ...process.env, PATH: `${FAKE}:${process.env.PATH}`, FAKE_TF_VERSION: version });

describe('terraformVersion', () => {
  test('a supported Terraform is read from version -json', () => {
    expect(versionOf('1.11.4')()).toBe('1.11.4');
    expect(versionOf(MINIMUM_TERRAFORM_VERSION)()).toBe(MINIMUM_TERRAFORM_VERSION);
  });

  test.each([
    ['prints text for version -json (Terraform 0.11)', 'text:Terraform v0.11.14', /too old to say its version as JSON \(it printed "Terraform v0\.11\.14"\)/],
    ['is older than the minimum', '0.12.0', /terraform 0\.12\.0 on PATH is older than 1\.7\.0/],
    ['is 1.6, before mock_provider', '1.6.6', /terraform 1\.6\.6 on PATH is older than 1\.7\.0/],
  ])('a Terraform that %s is a tool chain error naming the minimum', (_name, version, message) => {
    const error = (() => {
      try {
        versionOf(version)();
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ToolchainError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(`Install Terraform ${MINIMUM_TERRAFORM_VERSION} or newer`);
  });
});
