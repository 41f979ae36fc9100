import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { isUnresolved } from '../../engine/values';
import { AKS } from './private/aks';

/** Azure Policy fb893a29. */
export const aksUpgradeChannel: Rule = {
  id: 'HMS-AKS-14',
  publicChecks: ['CKV_AZURE_171'],
  appliesTo: [AKS],
  summary: 'AKS upgrades itself on a channel',
  rationale: 'Unpatched clusters accumulate known vulnerabilities (SI-2).',
  fix: 'Set automatic_upgrade_channel (v3: automatic_channel_upgrade) to patch or stable.',
  check(r) {
    const channel = r.values.automatic_upgrade_channel ?? r.values.automatic_channel_upgrade;
    if (isUnresolved(channel)) return unknown('the upgrade channel is not known from the configuration', channel);
    return channel === undefined || channel === null || String(channel).trim().toLowerCase() === 'none' ? fail('no automatic upgrade channel') : pass;
  },
};
