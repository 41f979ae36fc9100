import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, bool, num } from '../../engine/values';

export const MIN_FLOW_LOG_RETENTION_DAYS = 90;

/** PRW HIPAA network_flow_log_more_than_90_days. */
export const flowLogRetention: Rule = {
  id: 'HMS-NSG-4',
  publicChecks: ['CKV_AZURE_12', 'AVD-AZU-0049'],
  appliesTo: ['azurerm_network_watcher_flow_log'],
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
