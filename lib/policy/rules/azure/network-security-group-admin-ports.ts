import type { TfResource } from '../../engine/document';
import { fail, pass, type Rule } from '../../engine/rule';
import { blocks, strings } from '../../engine/values';

const INTERNET = ['*', 'Internet', '0.0.0.0/0', 'Any', 'any', '::/0'];

function rulesOf(r: TfResource): Record<string, unknown>[] {
  return r.type === 'azurerm_network_security_rule' ? [r.values] : blocks(r.values, 'security_rule');
}

function portRanges(rule: Record<string, unknown>): string[] {
  const list = strings(rule.destination_port_ranges);
  return [...(Array.isArray(list) ? list : []), ...(typeof rule.destination_port_range === 'string' ? [rule.destination_port_range] : [])];
}

function covers(range: string, port: number): boolean {
  if (range === '*') return true;
  const [from, to] = range.split('-').map(Number);
  return from <= port && port <= (to ?? from);
}

/** CKV_AZURE_10, CKV_AZURE_9, CKV_AZURE_77; Azure Policy 22730e10, 9daedab3. */
export const networkSecurityGroupAdminPorts: Rule = {
  id: 'HMS-NSG-1',
  appliesTo: ['azurerm_network_security_group', 'azurerm_network_security_rule'],
  summary: 'No inbound rule allows the internet to reach SSH, RDP, any UDP port, or every port',
  rationale: 'Administrative ports open to the world are the first thing scanners find (SC-7, AC-4, AC-17).',
  fix: 'Restrict source_address_prefix to agency networks, or remove the rule and use Azure Bastion.',
  check(r) {
    for (const rule of rulesOf(r)) {
      if (rule.direction !== 'Inbound' || rule.access !== 'Allow') continue;
      const sources = [rule.source_address_prefix, ...(Array.isArray(rule.source_address_prefixes) ? rule.source_address_prefixes : [])];
      if (!sources.some((s) => INTERNET.includes(String(s)))) continue;
      const ranges = portRanges(rule);
      if (ranges.includes('*')) return fail(`rule ${String(rule.name)} opens every port to the internet`);
      // UDP services (DNS, NTP, SNMP) answer unauthenticated and amplify attacks (CKV_AZURE_77).
      if (String(rule.protocol).toLowerCase() === 'udp') return fail(`rule ${String(rule.name)} opens UDP ${ranges.join(', ')} to the internet`);
      for (const port of [22, 3389]) if (ranges.some((p) => covers(p, port))) return fail(`rule ${String(rule.name)} opens port ${port} to the internet`);
    }
    return pass;
  },
};
