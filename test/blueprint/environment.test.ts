/**
 * Values from the environment reach Terraform like a blueprint's fields, so they
 * are validated like them; a refusal names the variable.
 */
import { withEnvironmentDefaults } from '../../lib/blueprint/environment';
import { BlueprintError } from '../../lib/core/errors';
import { exampleBlueprint } from '../support/synth';

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
});
