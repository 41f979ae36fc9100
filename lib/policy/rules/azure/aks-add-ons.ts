import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool, isUnresolved } from '../../engine/values';
import { AKS } from './private/aks';

/** CKV_AZURE_116; Azure Policy 0a15ec92. */
export const aksAzurePolicy: Rule = {
  id: 'HMS-AKS-11',
  appliesTo: [AKS],
  summary: 'The Azure Policy add-on enforces in-cluster guardrails',
  rationale: 'Gatekeeper-based policies enforce configuration settings at admission (CM-6, CM-7).',
  fix: 'Set azure_policy_enabled = true.',
  check(r) {
    const v = bool(r.values.azure_policy_enabled);
    if (v === 'unknown') return unknown('azure_policy_enabled is not known from the configuration', r.values.azure_policy_enabled);
    return v === true ? pass : fail('the Azure Policy add-on is off');
  },
};

/** CKV_AZURE_246. */
export const aksNoHttpApplicationRouting: Rule = {
  id: 'HMS-AKS-12',
  appliesTo: [AKS],
  summary: 'HTTP application routing (a public, unauthenticated ingress for dev clusters) is off',
  rationale: 'The add-on creates public DNS and plain-HTTP ingress (CM-7, SC-7, SC-8).',
  fix: 'Remove http_application_routing_enabled; use an ingress controller with TLS.',
  check(r) {
    const v = bool(r.values.http_application_routing_enabled);
    if (v === 'unknown') return unknown('http_application_routing_enabled is not known from the configuration', r.values.http_application_routing_enabled);
    return v === true ? fail('HTTP application routing is on') : pass;
  },
};

/** CKV_AZURE_171; Azure Policy fb893a29. */
export const aksUpgradeChannel: Rule = {
  id: 'HMS-AKS-14',
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
