import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool, num, refersTo } from '../../engine/values';

const FLOW_LOG = 'azurerm_network_watcher_flow_log';
export const MIN_FLOW_LOG_RETENTION_DAYS = 90;

/** CKV_AZURE_12; Azure Policy b6e2945c. A VNet flow log covers every NSG in it. */
export const networkFlowLogs: Rule = {
  id: 'HMS-NSG-3',
  appliesTo: ['azurerm_virtual_network'],
  summary: 'Every virtual network has flow logs',
  rationale: 'Network flow records are the evidence of who talked to whom (AU-12, SI-4).',
  fix: 'Add an azurerm_network_watcher_flow_log whose target_resource_id is the virtual network.',
  check(r, ctx) {
    const logs = ctx.resourcesOf(FLOW_LOG).filter((l) => bool(l.values.enabled) !== false);
    return logs.some((l) => refersTo(l.values.target_resource_id, r.address)) ? pass : fail('no flow log targets this virtual network');
  },
};

/** PRW HIPAA network_flow_log_more_than_90_days. */
export const flowLogRetention: Rule = {
  id: 'HMS-NSG-4',
  appliesTo: [FLOW_LOG],
  summary: `Flow logs are kept at least ${MIN_FLOW_LOG_RETENTION_DAYS} days`,
  rationale: 'Flow records must outlive the investigations that need them (AU-11).',
  fix: `Set retention_policy { enabled = true, days = ${MIN_FLOW_LOG_RETENTION_DAYS} } or more.`,
  check(r) {
    const policy = block(r.values, 'retention_policy');
    const days = num(policy?.days);
    if (days === 'unknown') return unknown('retention is not known from the configuration', policy?.days);
    if (bool(policy?.enabled) !== true) return fail('retention_policy is not enabled');
    return days !== undefined && (days === 0 || days >= MIN_FLOW_LOG_RETENTION_DAYS) ? pass : fail(`flow logs are kept ${days ?? 0} days`);
  },
};
