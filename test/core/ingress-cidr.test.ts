/**
 * The blueprint and the constructs judge the ingress network with one function
 * (ingressCidrProblem): a network one accepts, the other does not refuse, and the
 * reason reads the same.
 */
import { IsolatedNetwork as AzureNetwork } from '../../lib/azure/isolated-network';
import { ingressCidrProblem } from '../../lib/core/cidr';
import { isUserError } from '../../lib/core/errors';
import { IsolatedNetwork as K8sNetwork } from '../../lib/k8s/isolated-network';
import { EKS_TARGET } from '../support/k8s-fixtures';
import { exampleBlueprint, synthConstructs } from '../support/synth';

/** The refusal `build` throws, or undefined when it accepts. */
function refusal(build: () => unknown): string | undefined {
  try {
    build();
    return undefined;
  } catch (e) {
    if (!isUserError(e)) throw e;
    return e.message;
  }
}

const CASES: [string, boolean][] = [
  ['192.168.15.0/24', true],
  ['10.0.0.0/8', true],
  ['10.0.0.0/7', false],
  ['0.0.0.0/0', false],
  ['192.168.15.7/24', false],
  ['10.0.0.0/08', false],
];

describe('ingress CIDR: one judgement for blueprints and constructs', () => {
  test.each(CASES)('%s: accepted = %s, by the blueprint, k8s.IsolatedNetwork and azure.IsolatedNetwork alike', (cidr, accepted) => {
    const problem = ingressCidrProblem(cidr);
    expect(problem === undefined).toBe(accepted);
    const byBlueprint = refusal(() => exampleBlueprint((y) => y.replace('192.168.15.0/24', cidr)));
    const byK8s = refusal(() =>
      synthConstructs((s) => new K8sNetwork(s, 'np', { target: EKS_TARGET, namespaceName: 'dcaa', policyName: 'p', ingressCidr: cidr, podLabels: { app: 'a' }, ports: [8080] })),
    );
    const byAzure = refusal(() =>
      synthConstructs((s) => new AzureNetwork(s, 'net', { name: 'demo', resourceGroupName: 'rg', location: 'usgovvirginia', ingressCidr: cidr })),
    );
    if (accepted) {
      expect([byBlueprint, byK8s, byAzure]).toEqual([undefined, undefined, undefined]);
    } else {
      expect(byBlueprint).toContain(`network.policy.ingressCIDR: ${problem}`);
      expect(byK8s).toContain(`ingressCidr: ${problem}`);
      expect(byAzure).toContain(`ingressCidr: ${problem}`);
    }
  });
});
