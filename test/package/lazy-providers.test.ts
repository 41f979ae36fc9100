import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { EXAMPLE_BLUEPRINT_PATH } from '../support/synth';

/**
 * The entry points load a cloud's provider bindings only when that cloud is used,
 * so an AWS-only agency can omit @cdktf/provider-azurerm (and @cdktf/provider-tfe
 * unless it keeps state in Terraform Cloud). One Node process, whose require.cache
 * shows what was loaded after each step.
 */
describe('provider bindings load on first use', () => {
  const steps = JSON.parse(
    execFileSync(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'fixtures', 'provider-loads.ts'), EXAMPLE_BLUEPRINT_PATH], { encoding: 'utf8' }),
  ) as Record<string, string[]>;

  test('importing hms-sys and hms-sys/stacks loads no provider, nor does the policy namespace', () => {
    expect(steps.import).toEqual([]);
    expect(steps.policy).toEqual([]);
  });

  test('aws.* loads the AWS bindings only', () => {
    expect(steps.aws).toEqual(['provider-aws']);
  });

  test('the stacks of an AWS-only blueprint need the AWS and Kubernetes bindings, not azurerm or tfe', () => {
    expect(steps.awsBlueprint).toEqual(['provider-aws', 'provider-kubernetes']);
  });
});
