import type { TfResource } from '../../engine/document';
import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';

const FLOW_LOG = 'azurerm_network_watcher_flow_log';

/** Azure Policy b6e2945c. A VNet flow log covers every NSG in it. */
export const networkFlowLogs: Rule = {
  id: 'HMS-NSG-3',
  appliesTo: ['azurerm_virtual_network'],
  summary: 'Every virtual network has flow logs',
  rationale: 'Network flow records are the evidence of who talked to whom (AU-12, SI-4).',
  fix: 'Add an azurerm_network_watcher_flow_log whose target_resource_id is the virtual network.',
  check(r, ctx) {
    const on = (l: TfResource) => bool(l.values.enabled) !== false;
    if (ctx.referencing(FLOW_LOG, 'target_resource_id', r).some(on)) return pass;
    const undecided = ctx.undecided(FLOW_LOG, 'target_resource_id').filter(on);
    return undecided.length > 0 ? unknown('a flow log whose target is not known from the configuration may cover it', undecided.map((l) => l.values.target_resource_id)) : fail('no flow log targets this virtual network');
  },
};
