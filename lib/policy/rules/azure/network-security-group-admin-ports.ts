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

/** An Azure service tag, optionally regional: letters first, then letters, digits and dots. */
const SERVICE_TAG = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)?$/;

/** Azure NSG protocols without ports (azurerm: Icmp, Esp, Ah; Azure matches case-insensitively). */
const PORTLESS = /^(icmp|esp|ah)$/i;

const same = (v: unknown, want: string) => typeof v === 'string' && v.trim().toLowerCase() === want;

function rulesOf(r: TfResource): readonly Record<string, unknown>[] {
  return r.type === 'azurerm_network_security_rule' ? [r.values] : blocks(r.values, 'security_rule');
}

const listOf = (...values: unknown[]) => values.flatMap((v) => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]));

/** Azure Policy 22730e10, 9daedab3. */
export const networkSecurityGroupAdminPorts: Rule = {
  id: 'HMS-NSG-1',
  publicChecks: ['CKV_AZURE_10', 'CKV_AZURE_9', 'CKV_AZURE_77', 'AVD-AZU-0047', 'AVD-AZU-0048', 'AVD-AZU-0050'],
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
      // ICMP, ESP and AH carry no ports: such a rule opens no SSH, RDP or UDP service (an unknown protocol may be Tcp).
      if (PORTLESS.test(String(rule.protocol ?? '').trim())) continue;
      const sources = listOf(rule.source_address_prefix, rule.source_address_prefixes);
      const texts = sources.filter((v) => !isUnresolved(v)).map(String);
      // Service tags (VirtualNetwork, AzureLoadBalancer, Storage.EastUS) name Azure-managed ranges; anything else must be an address.
      const addresses = texts.filter((v) => !ANYONE.test(v.trim()) && !SERVICE_TAG.test(v.trim()));
      const exposure = exposureOf(addresses);
      const anyone = texts.some((v) => ANYONE.test(v.trim())) || exposure.internetWide;
      const sourceUnknowns = [...sources.filter(isUnresolved), ...exposure.unreadable.map((u) => `\${unreadable address ${JSON.stringify(u)}}`)];
      if (!anyone && sourceUnknowns.length === 0) continue;
      // What the rule would expose if its sources were the internet.
      const portValues = listOf(rule.destination_port_range, rule.destination_port_ranges);
      if (portValues.some(isUnresolved)) {
        unknowns.push(...portValues.filter(isUnresolved), ...(anyone ? [] : sourceUnknowns));
        continue;
      }
      const ranges = portValues.map(parsePortRange);
      if (ranges.some((p) => p === undefined)) {
        unknowns.push(`\${unreadable port ${JSON.stringify(portValues)}}`);
        continue;
      }
      const known = ranges as PortRange[];
      const exposed =
        known.length === 0 || known.some((p) => p.from <= 1 && p.to >= 65535)
          ? 'every port'
          : // UDP services (DNS, NTP, SNMP) answer unauthenticated and amplify attacks (CKV_AZURE_77).
            same(rule.protocol, 'udp')
            ? `UDP ${portValues.join(', ')}`
            : [22, 3389].find((port) => known.some((p) => p.from <= port && port <= p.to));
      // An unknown protocol may be Udp, which opens any port it names.
      if (exposed === undefined && !(anyone && isUnresolved(rule.protocol))) continue;
      if (!anyone) {
        unknowns.push(...sourceUnknowns);
        continue;
      }
      if (isUnresolved(rule.protocol)) {
        unknowns.push(rule.protocol);
        continue;
      }
      return fail(`rule ${name} opens ${typeof exposed === 'number' ? `port ${exposed}` : exposed} to the internet`);
    }
    return unknowns.length > 0 ? unknown('whether an inbound rule opens SSH, RDP, UDP or every port to the internet is not known from the configuration', unknowns) : pass;
  },
};
