import { checkPlan } from '../../lib/plan/check-plan';

/** A cluster with the Azure Policy add-on off, as synthesized (with its acknowledgement) and as Terraform plans it. */
const ACK = { ruleId: 'HMS-AKS-11', reason: 'the add-on needs endpoints with no private link' };
const cluster = { name: 'c', azure_policy_enabled: false, private_cluster_enabled: true };
const synthesized = { resource: { azurerm_kubernetes_cluster: { c: { ...cluster, '//': { 'hms-sys:acknowledgements': [ACK] } } } } };
const plan = (address: string) => ({
  format_version: '1.2',
  terraform_version: '1.11.4',
  planned_values: { root_module: { resources: [{ address, mode: 'managed', type: 'azurerm_kubernetes_cluster', name: 'c', values: cluster }] } },
  resource_changes: [{ address, mode: 'managed', type: 'azurerm_kubernetes_cluster', name: 'c', change: { actions: ['create'], before: null, after: cluster } }],
});
const aks11 = (check: ReturnType<typeof checkPlan>) => check.policy.findings.filter((f) => f.ruleId === 'HMS-AKS-11');

describe('checkPlan', () => {
  test('a plan alone does not carry acknowledgements: the add-on being off refuses it', () => {
    expect(aks11(checkPlan(plan('azurerm_kubernetes_cluster.c'), 'demo-azure', 'plan.json', []))).toEqual([expect.objectContaining({ blocking: true })]);
  });

  test("the stack's synthesized acknowledgements apply to its plan, as they did at synth (also to count/for_each instances)", () => {
    for (const address of ['azurerm_kubernetes_cluster.c', 'azurerm_kubernetes_cluster.c[0]', 'azurerm_kubernetes_cluster.c["a"]']) {
      const [finding] = aks11(checkPlan(plan(address), 'demo-azure', 'plan.json', [], synthesized));
      expect(finding).toMatchObject({ blocking: false, acknowledgedBecause: ACK.reason });
    }
  });

  test('an acknowledgement of another resource does not apply', () => {
    const other = { resource: { azurerm_kubernetes_cluster: { other: { ...cluster, '//': { 'hms-sys:acknowledgements': [ACK] } } } } };
    expect(aks11(checkPlan(plan('azurerm_kubernetes_cluster.c'), 'demo-azure', 'plan.json', [], other))).toEqual([expect.objectContaining({ blocking: true })]);
  });
});
