import { fail, pass, type Rule } from '../../engine/rule';
import { bool, refersTo } from '../../engine/values';

/** CKV_AZURE_12; Azure Policy b6e2945c. A VNet flow log covers every NSG in it. */
export const networkFlowLogs: Rule = {
  id: 'HMS-NSG-3',
  appliesTo: ['azurerm_virtual_network'],
  summary: 'Every virtual network has flow logs',
  rationale: 'Network flow records are the evidence of who talked to whom (AU-12, SI-4).',
  fix: 'Add an azurerm_network_watcher_flow_log whose target_resource_id is the virtual network.',
  check(r, ctx) {
    const logs = ctx.resourcesOf('azurerm_network_watcher_flow_log').filter((l) => bool(l.values.enabled) !== false);
    return logs.some((l) => refersTo(l.values.target_resource_id, r.address)) ? pass : fail('no flow log targets this virtual network');
  },
};
