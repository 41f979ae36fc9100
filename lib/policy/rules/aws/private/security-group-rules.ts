import type { TfResource } from '../../../engine/document';
import { blocks, num, strings } from '../../../engine/values';

/** An ingress or egress permission, whichever resource type wrote it. */
export interface Permission {
  readonly direction: 'ingress' | 'egress';
  readonly protocol: string;
  readonly fromPort: number | 'unknown' | undefined;
  readonly toPort: number | 'unknown' | undefined;
  readonly cidrs: string[] | 'unknown';
}

export const WORLD = ['0.0.0.0/0', '::/0'];

/** Permissions of aws_security_group (inline), aws_security_group_rule and aws_vpc_security_group_*_rule. */
export function permissionsOf(r: TfResource): Permission[] {
  const cidrsOf = (values: Record<string, unknown>, keys: string[]): string[] | 'unknown' => {
    const lists = keys.map((k) => strings(values[k]));
    if (lists.includes('unknown')) return 'unknown';
    return lists.flatMap((l) => (Array.isArray(l) ? l : []));
  };
  const from = (p: Record<string, unknown>, direction: 'ingress' | 'egress'): Permission => ({
    direction,
    protocol: String(p.protocol ?? p.ip_protocol ?? '-1'),
    fromPort: num(p.from_port),
    toPort: num(p.to_port),
    cidrs: cidrsOf(p, ['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6']),
  });
  switch (r.type) {
    case 'aws_security_group':
      return [
        ...blocks(r.values, 'ingress').map((p) => from(p, 'ingress')),
        ...blocks(r.values, 'egress').map((p) => from(p, 'egress')),
      ];
    case 'aws_security_group_rule':
      return [from(r.values, r.values.type === 'egress' ? 'egress' : 'ingress')];
    case 'aws_vpc_security_group_ingress_rule':
      return [from(r.values, 'ingress')];
    case 'aws_vpc_security_group_egress_rule':
      return [from(r.values, 'egress')];
    default:
      return [];
  }
}

/** True when the permission covers `port` (all protocols and all ports count). */
export function coversPort(p: Permission, port: number): boolean {
  if (p.protocol === '-1' || p.protocol === 'all') return true;
  if (p.fromPort === 'unknown' || p.toPort === 'unknown') return false;
  const fromPort = p.fromPort ?? 0;
  const toPort = p.toPort ?? 65535;
  return fromPort <= port && port <= toPort;
}

export function isAllPorts(p: Permission): boolean {
  return p.protocol === '-1' || p.protocol === 'all' || ((p.fromPort ?? 0) === 0 && (p.toPort ?? 65535) === 65535);
}

export function fromWorld(p: Permission): boolean {
  return Array.isArray(p.cidrs) && p.cidrs.some((c) => WORLD.includes(c));
}

export const SECURITY_GROUP_TYPES = [
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
];
