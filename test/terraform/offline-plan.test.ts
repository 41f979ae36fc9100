import { terraformErrors } from '../../lib/terraform/offline-plan';

describe('terraformErrors (plan --offline: a configuration error is reported whole)', () => {
  // `terraform init -backend=false -no-color` of a stack with two configuration errors, Terraform 1.11.4.
  const initOutput = [
    '',
    'Error: Terraform encountered problems during initialisation, including problems',
    'with the configuration, described below.',
    '',
    'The Terraform configuration must be valid before initialization so that',
    'Terraform can determine which modules and providers need to be installed.',
    '',
    '',
    'Error: Unsuitable value type',
    '',
    '  on cdk.tf.json line 1, in resource.aws_ebs_volume.x.lifecycle:',
    '   1: {"terraform":{"required_providers":{"aws":{"source":"aws"}}}}',
    '',
    'Unsuitable value: a bool is required',
    '',
    'Error: Extraneous JSON object property',
    '',
    '  on cdk.tf.json line 1:',
    '   1: {"terraform":{"required_providers":{"aws":{"source":"aws"}}}}',
    '',
    'No argument or block type is named "bogus_block".',
  ].join('\n');

  test("every error with where and why, without init's preamble and the echoed source", () => {
    expect(terraformErrors(initOutput)).toEqual([
      'Error: Unsuitable value type: on cdk.tf.json line 1, in resource.aws_ebs_volume.x.lifecycle: Unsuitable value: a bool is required',
      'Error: Extraneous JSON object property: on cdk.tf.json line 1: No argument or block type is named "bogus_block".',
    ]);
  });

  test('boxed diagnostics (│) read the same', () => {
    const boxed = initOutput.split('\n').map((l) => (l ? `│ ${l}` : '│')).join('\n');
    expect(terraformErrors(boxed)).toEqual(terraformErrors(initOutput));
  });

  test('warnings are left out', () => {
    expect(terraformErrors('Warning: Deprecated\n\nold\n\nError: Bad\n\nwhy')).toEqual(['Error: Bad: why']);
  });
});
