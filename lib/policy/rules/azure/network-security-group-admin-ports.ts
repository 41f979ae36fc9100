import type { TfResource } from '../../engine/document';
import { exposureOf, parsePortRange, type PortRange } from '../../engine/network';
import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { blocks, isUnresolved } from '../../engine/values';

/**
 * Source prefixes that mean "anyone": `*`, the Internet service tag, and
 * AzureCloud (every Azure datacenter address, which any Azure customer can
 * rent). Azure matches tags and keywords case-insensitively.
 * @see https://learn.microsoft.com/azure/virtual-network/service-tags-overview
 */
const ANYONE = /^(\*|any|internet|azurecloud(\.[a-z0-9]+)?)$/i;

const same = (v: unknown, want: string) => typeof v === 'string' && v.trim().toLowerCase() === want;

function rulesOf(r: TfResource): Record<string, unknown>[] {
  return r.type === 'azurerm_network_security_rule' ? [r.values] : blocks(r.values, 'security_rule');
}

const listOf = (...values: unknown[]) => values.flatMap((v) => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]));

/** CKV_AZURE_10, CKV_AZURE_9, CKV_AZURE_77; Azure Policy 22730e10, 9daedab3; AVD-AZU-0047. */
export const networkSecurityGroupAdminPorts: Rule = {
  id: 'HMS-NSG-1',
  appliesTo: ['azurerm_network_security_group', 'azurerm_network_security_rule'],
  summary: 'No inbound rule allows the internet to reach SSH, RDP, any UDP port, or every port',
  rationale: 'Administrative ports open to the world are the first thing scanners find (SC-7, AC-4, AC-17).',
  fix: 'Restrict source_address_prefix to agency networks, or remove the rule and use Azure Bastion.',
  check(r) {
    const unknowns: unknown[] = [];
    for (const rule of rulesOf(r)) {
      const name = String(rule.name ?? 'a rule');
      if ([rule.direction, rule.access].some(isUnresolved)) {
        unknowns.push(rule.direction, rule.access);
        continue;
      }
      if (!same(rule.direction, 'inbound') || !same(rule.access, 'allow')) continue;
      const sources = listOf(rule.source_address_prefix, rule.source_address_prefixes);
      const unresolved = sources.filter(isUnresolved);
      const texts = sources.filter((s) => !isUnresolved(s)).map(String);
      const anyone = texts.some((s) => ANYONE.test(s.trim())) || exposureOf(texts.filter((s) => !ANYONE.test(s.trim()) && /[\d:]/.test(s))).internetWide;
      if (!anyone) {
        unknowns.push(...unresolved);
        continue;
      }
      const portValues = listOf(rule.destination_port_range, rule.destination_port_ranges);
      if (portValues.some(isUnresolved)) {
        unknowns.push(...portValues.filter(isUnresolved));
        continue;
      }
      const ranges = portValues.map(parsePortRange);
      if (ranges.some((p) => p === undefined)) {
        unknowns.push(`\${unreadable port ${JSON.stringify(portValues)}}`);
        continue;
      }
      const known = ranges as PortRange[];
      if (known.length === 0 || known.some((p) => p.from <= 1 && p.to >= 65535)) return fail(`rule ${name} opens every port to the internet`);
      // UDP services (DNS, NTP, SNMP) answer unauthenticated and amplify attacks (CKV_AZURE_77).
      if (same(rule.protocol, 'udp')) return fail(`rule ${name} opens UDP ${portValues.join(', ')} to the internet`);
      for (const port of [22, 3389]) if (known.some((p) => p.from <= port && port <= p.to)) return fail(`rule ${name} opens port ${port} to the internet`);
    }
    return unknowns.length > 0 ? unknown('whether an inbound rule opens SSH, RDP, UDP or every port to the internet is not known from the configuration', unknowns) : pass;
  },
};
