import { App, Testing } from 'cdktf';
import { AksStack, logAnalyticsRetention } from '../../stacks/aks-stack';
import { exampleBlueprint, onlyResource, synthStack } from '../support/synth';

describe('AksStack', () => {
  const stack = new AksStack(Testing.app(), 'dcaa-audit-azure', { blueprint: exampleBlueprint() });
  const tf = synthStack(stack);

  test('matches the snapshot of the example blueprint', () => {
    expect(tf).toMatchSnapshot();
  });

  test('targets Azure Government in US Gov Virginia by default, with Entra ID for storage', () => {
    expect(tf.provider?.azurerm?.[0]).toMatchObject({ environment: 'usgovernment', storage_use_azuread: true });
    expect(onlyResource(tf, 'azurerm_resource_group')).toMatchObject({ name: 'dcaa-audit-rg', location: 'usgovvirginia' });
  });

  test('the blueprint becomes the cluster, node pool and disk it describes', () => {
    expect(onlyResource(tf, 'azurerm_kubernetes_cluster').name).toBe('dcaa-audit');
    expect(onlyResource(tf, 'azurerm_kubernetes_cluster_node_pool')).toMatchObject({ name: 'dcaasecure', node_count: 10 });
    expect(onlyResource(tf, 'azurerm_managed_disk')).toMatchObject({ name: 'contract-pdfs', disk_size_gb: 1024, zone: '1' });
  });

  test('every taggable resource carries the audit tags', () => {
    for (const type of ['azurerm_kubernetes_cluster', 'azurerm_key_vault', 'azurerm_managed_disk', 'azurerm_virtual_network']) {
      expect(onlyResource(tf, type).tags).toMatchObject({ 'hms-sys:blueprint': 'dcaa-audit', 'managed-by': 'hms-sys' });
    }
  });

  test('holds only azurerm resources, so Kubernetes objects stay in their own stack', () => {
    expect(Object.keys(tf.resource ?? {}).every((t) => t.startsWith('azurerm_'))).toBe(true);
  });

  test('passes the policy packs with no finding', () => {
    expect(stack.node.validate()).toEqual([]);
  });

  test('explains the AKS node pool name', () => {
    expect(stack.notices).toEqual(['AKS node pool names allow 12 lowercase letters and digits: "dcaa-secure" is "dcaasecure" on Azure']);
  });

  test('azure options reach the stack: public cloud, location, VM size', () => {
    const bp = exampleBlueprint((y) => `azure:\n  environment: public\n  location: eastus2\n  vmSize: Standard_D8s_v5\n${y}`);
    const tf2 = synthStack(new AksStack(new App(), 'x-azure', { blueprint: bp }));
    expect(tf2.provider?.azurerm?.[0]).toMatchObject({ environment: 'public' });
    expect(onlyResource(tf2, 'azurerm_kubernetes_cluster_node_pool').vm_size).toBe('Standard_D8s_v5');
    expect(onlyResource(tf2, 'azurerm_resource_group').location).toBe('eastus2');
  });

  test('log retention maps onto what Log Analytics keeps', () => {
    expect([logAnalyticsRetention(0), logAnalyticsRetention(7), logAnalyticsRetention(365), logAnalyticsRetention(3653)]).toEqual([730, 30, 365, 730]);
  });
});
