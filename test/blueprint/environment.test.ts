/**
 * Values from the environment reach Terraform like a blueprint's fields, so they
 * are validated like them; a refusal names the variable.
 */
import { withEnvironmentDefaults } from '../../lib/blueprint/environment';
import { BlueprintError } from '../../lib/core/errors';
import { Testing } from 'cdktf';
import { EksStack } from '../../stacks/eks-stack';
import { exampleBlueprint, onlyResource, synthStack } from '../support/synth';

describe('environment defaults', () => {
  test('HMS_TFC_ORGANIZATION moves blueprints that name no place for state into Terraform Cloud', () => {
    const [bp] = withEnvironmentDefaults([exampleBlueprint()], { HMS_TFC_ORGANIZATION: 'agency', HMS_TFC_HOSTNAME: 'tfe.agency.gov' });
    expect(bp.terraformCloud).toEqual({ organization: 'agency', hostname: 'tfe.agency.gov', executionMode: 'remote', notifications: false });
    expect(withEnvironmentDefaults([exampleBlueprint()], {})[0].terraformCloud).toBeUndefined();
  });

  test('a blueprint with a state bucket keeps it', () => {
    const [bp] = withEnvironmentDefaults([exampleBlueprint((y) => `stateBucket:\n  bucket: agency-state\n${y}`)], { HMS_TFC_ORGANIZATION: 'agency' });
    expect(bp.terraformCloud).toBeUndefined();
  });

  test.each([
    ['HMS_TFC_ORGANIZATION', { HMS_TFC_ORGANIZATION: 'x${var.y}' }, /\$HMS_TFC_ORGANIZATION {2}.*Terraform would evaluate/],
    ['HMS_TFC_ORGANIZATION', { HMS_TFC_ORGANIZATION: 'agency/../other' }, /\$HMS_TFC_ORGANIZATION {2}"agency\/\.\.\/other" is not a Terraform Cloud organization name/],
    ['HMS_TFC_HOSTNAME', { HMS_TFC_ORGANIZATION: 'agency', HMS_TFC_HOSTNAME: 'evil.example/x?' }, /\$HMS_TFC_HOSTNAME {2}"evil\.example\/x\?" is not a host name.*\(from the environment variable HMS_TFC_HOSTNAME\)/],
    ['HMS_TFC_HOSTNAME', { HMS_TFC_ORGANIZATION: 'agency', HMS_TFC_HOSTNAME: '%{if true}x%{endif}' }, /\$HMS_TFC_HOSTNAME/],
  ])('%s is validated: %p', (_name, env, message) => {
    expect(() => withEnvironmentDefaults([exampleBlueprint()], env)).toThrow(BlueprintError);
    expect(() => withEnvironmentDefaults([exampleBlueprint()], env)).toThrow(message);
  });

  test('HMS_AWS_TRANSIT_GATEWAY_ID and HMS_AWS_OPERATOR_CIDRS give the seed blueprint, unchanged, its AWS site: the VPC is attached and operators reach the API', () => {
    const [bp] = withEnvironmentDefaults([exampleBlueprint()], { HMS_AWS_TRANSIT_GATEWAY_ID: 'tgw-0123456789abcdef0', HMS_AWS_OPERATOR_CIDRS: '10.90.0.0/24, 10.91.0.0/24' });
    expect(bp.aws).toMatchObject({ transitGatewayId: 'tgw-0123456789abcdef0', operatorCidrs: ['10.90.0.0/24', '10.91.0.0/24'] });
    const tf = synthStack(new EksStack(Testing.app(), 'env-aws', { blueprint: bp }));
    expect(onlyResource(tf, 'aws_ec2_transit_gateway_vpc_attachment').transit_gateway_id).toBe('tgw-0123456789abcdef0');
    expect(JSON.stringify(tf.resource)).toContain('10.91.0.0/24');
    // A blueprint's own site wins.
    const own = withEnvironmentDefaults([exampleBlueprint((y) => `aws:\n  operatorCidrs: ["10.80.0.0/24"]\n${y}`)], { HMS_AWS_OPERATOR_CIDRS: '10.90.0.0/24' })[0];
    expect(own.aws.operatorCidrs).toEqual(['10.80.0.0/24']);
  });

  test.each([
    [{ HMS_AWS_TRANSIT_GATEWAY_ID: "tgw-${var.x}" }, /\$HMS_AWS_TRANSIT_GATEWAY_ID {2}.*Terraform would evaluate.*\(from the environment variable HMS_AWS_TRANSIT_GATEWAY_ID\)/],
    [{ HMS_AWS_OPERATOR_CIDRS: '0.0.0.0/0' }, /\$HMS_AWS_OPERATOR_CIDRS {2}.*whole internet.*comma-separated networks/],
    [{ HMS_AWS_OPERATOR_CIDRS: '10.90.0.0/24,not-a-cidr' }, /\$HMS_AWS_OPERATOR_CIDRS/],
  ])('the AWS site from the environment is validated like the blueprint: %p', (env, message) => {
    expect(() => withEnvironmentDefaults([exampleBlueprint()], env)).toThrow(message);
  });
});
