import type { TfResource } from '../../../engine/document';
import type { RuleContext } from '../../../engine/rule';
import { ALL_PORTS, exposureOf, parsePortRange, type PortRange } from '../../../engine/network';
import { blocks, isUnresolved, refersTo } from '../../../engine/values';

/** An ingress or egress permission, whichever resource type wrote it. */
export interface Permission {
  readonly direction: 'ingress' | 'egress';
  /** Lower-case protocol: `all` for -1/all, else `tcp`, `udp`, `icmp` or the number AWS was given. */
  readonly protocol: string;
  /** The ports, `unknown` with the deciding values when they are not known. */
  readonly ports: PortRange | { readonly unknown: readonly unknown[] };
  /** Source or destination CIDRs, IPv4 and IPv6 together. */
  readonly cidrs: readonly string[];
  /** Address values that are not known from the configuration. */
  readonly unknownCidrs: readonly unknown[];
  /** The security group the permission belongs to (standalone rules). */
  readonly groupId?: unknown;
}

/** AWS protocol numbers with names (EC2 IpProtocol accepts both). */
const PROTOCOL_NAMES: Record<string, string> = { '-1': 'all', all: 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

function normalizeProtocol(value: unknown): string {
  if (value === undefined || value === null) return 'all';
  const p = String(value).trim().toLowerCase();
  return PROTOCOL_NAMES[p] ?? p;
}

/** Ports of a permission; -1 or an omitted port means every port, as it does for AWS with protocol -1. */
function portsOf(protocol: string, from: unknown, to: unknown): Permission['ports'] {
  if (protocol === 'all') return ALL_PORTS;
  if (isUnresolved(from) || isUnresolved(to)) return { unknown: [from, to] };
  const f = from === undefined || from === null ? ALL_PORTS : parsePortRange(from);
  const t = to === undefined || to === null ? ALL_PORTS : parsePortRange(to);
  if (!f || !t) return { unknown: [`\${unreadable port ${JSON.stringify(from)}-${JSON.stringify(to)}}`] };
  // from 0 to 0 is how "all" is written for protocol -1; scanners read it as all ports for any protocol.
  if (f.from === 0 && t.to === 0) return ALL_PORTS;
  return { from: f.from, to: t.to };
}

function addressesOf(values: Record<string, unknown>, keys: readonly string[]): { cidrs: string[]; unknownCidrs: unknown[] } {
  const cidrs: string[] = [];
  const unknownCidrs: unknown[] = [];
  for (const k of keys) {
    const v = values[k];
    for (const item of Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]) {
      if (isUnresolved(item)) unknownCidrs.push(item);
      else cidrs.push(String(item));
    }
  }
  return { cidrs, unknownCidrs };
}

const CIDR_KEYS = ['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6'];

function permission(values: Record<string, unknown>, direction: 'ingress' | 'egress', groupId?: unknown): Permission {
  const protocol = normalizeProtocol(values.protocol ?? values.ip_protocol);
  return { direction, protocol, ports: portsOf(protocol, values.from_port, values.to_port), ...addressesOf(values, CIDR_KEYS), groupId };
}

function readPermissions(r: TfResource): readonly Permission[] {
  switch (r.type) {
    case 'aws_security_group':
    case 'aws_default_security_group':
      return [...blocks(r.values, 'ingress').map((p) => permission(p, 'ingress')), ...blocks(r.values, 'egress').map((p) => permission(p, 'egress'))];
    case 'aws_security_group_rule':
      return [permission(r.values, String(r.values.type).trim().toLowerCase() === 'egress' ? 'egress' : 'ingress', r.values.security_group_id)];
    case 'aws_vpc_security_group_ingress_rule':
      return [permission(r.values, 'ingress', r.values.security_group_id)];
    case 'aws_vpc_security_group_egress_rule':
      return [permission(r.values, 'egress', r.values.security_group_id)];
    default:
      return [];
  }
}

/** Permissions of aws_security_group and aws_default_security_group (inline), aws_security_group_rule and aws_vpc_security_group_*_rule; read once per evaluation. */
export function permissionsOf(r: TfResource, ctx: RuleContext): readonly Permission[] {
  return ctx.derive(readPermissions, r);
}

export type Reach = { readonly internet: true } | { readonly internet: false } | { readonly unknown: readonly unknown[] };

/**
 * Whether the permissions, together, admit the internet: several rules or
 * blocks that each allow half the address space count as open.
 */
export function internetReach(permissions: readonly Permission[]): Reach {
  const exposure = exposureOf(permissions.flatMap((p) => p.cidrs));
  if (exposure.internetWide) return { internet: true };
  const unknowns = [...permissions.flatMap((p) => p.unknownCidrs), ...exposure.unreadable.map((u) => `\${unreadable address ${JSON.stringify(u)}}`)];
  return unknowns.length > 0 ? { unknown: unknowns } : { internet: false };
}

/** Permissions whose ports include `port` (or every port when `port` is 'all'), and those whose ports are unknown. */
export function reaching(permissions: readonly Permission[], port: number | 'all'): { known: Permission[]; unknownPorts: unknown[] } {
  const known: Permission[] = [];
  const unknownPorts: unknown[] = [];
  for (const p of permissions) {
    if ('unknown' in p.ports) {
      unknownPorts.push(...p.ports.unknown);
      continue;
    }
    const covers = port === 'all' ? p.ports.from <= 1 && p.ports.to >= 65535 : p.ports.from <= port && port <= p.ports.to;
    if (covers) known.push(p);
  }
  return { known, unknownPorts };
}

const STANDALONE = ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];
const GROUPS = ['aws_security_group', 'aws_default_security_group'];

function readGroupPermissions(r: TfResource, ctx: RuleContext): readonly Permission[] {
  const own = permissionsOf(r, ctx);
  if (GROUPS.includes(r.type)) {
    return [...own, ...STANDALONE.flatMap((t) => ctx.referencing(t, 'security_group_id', r)).flatMap((s) => permissionsOf(s, ctx))];
  }
  const groupId = r.values.security_group_id;
  if (groupId === undefined) return own;
  const group = GROUPS.flatMap((t) => ctx.resourcesOf(t)).find((g) => refersTo(groupId, g.address));
  // Siblings: the other standalone rules of the same group, by reference or by the same literal id.
  const siblings = group
    ? STANDALONE.flatMap((t) => ctx.referencing(t, 'security_group_id', group))
    : STANDALONE.flatMap((t) => ctx.resourcesOf(t)).filter((s) => s.values.security_group_id === groupId);
  return [...own, ...siblings.filter((s) => s !== r).flatMap((s) => permissionsOf(s, ctx)), ...(group ? permissionsOf(group, ctx) : [])];
}

/**
 * The permissions of a resource together with the rest of its security group:
 * the group's inline rules and every standalone rule attached to it. Rules split
 * across resources (half the internet each) are judged together. Read once per evaluation.
 */
export function groupPermissions(r: TfResource, ctx: RuleContext): readonly Permission[] {
  return ctx.derive(readGroupPermissions, r);
}

export const SECURITY_GROUP_TYPES = [
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
];
