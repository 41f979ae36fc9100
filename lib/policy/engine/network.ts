/**
 * Address sets and port ranges, read the way clouds read them, so that no
 * spelling hides an open port: `0.0.0.0/1` + `128.0.0.0/1`, `::0/0`,
 * `0:0:0:0:0:0:0:0/0`, `22` as a number or `"22"`, `"20-25"`, `-1`.
 * Addresses are parsed with ipaddr.js (https://github.com/whitequark/ipaddr.js),
 * IPv4 in strict four-part decimal only (the clouds refuse octal and hex forms).
 */
import ipaddr from 'ipaddr.js';

/**
 * "Open to the internet": the sources together cover more public IPv4 addresses
 * than a /8 (16.7 million), or more IPv6 addresses of the global unicast space
 * 2000::/3 than a /32 (a whole provider's allocation). Agency networks are /16 to
 * /28 (a blueprint's ingressCIDR may be as wide as a /8, which stays below the
 * line); anything larger, such as two halves of 0.0.0.0/0, admits the public at large.
 */
export const INTERNET_WIDE_IPV4_ADDRESSES = 2 ** 24;
export const INTERNET_WIDE_IPV6_ADDRESSES = 2n ** 96n;

/** IPv4 ranges that are not reachable from the internet (RFC 6890 special-purpose registry). */
const NON_PUBLIC_IPV4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4'];
/** Global unicast IPv6 (RFC 4291): the part of the address space the internet routes. */
const GLOBAL_IPV6: [bigint, bigint] = [0x2000n << 112n, (0x4000n << 112n) - 1n];

type Interval = [bigint, bigint];

function toBig(bytes: number[]): bigint {
  return bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}

function interval(bytes: number[], prefix: number): Interval {
  const bits = BigInt(bytes.length * 8);
  const size = 1n << (bits - BigInt(prefix));
  const start = (toBig(bytes) / size) * size;
  return [start, start + size - 1n];
}

export interface ParsedRange {
  readonly family: 'ipv4' | 'ipv6';
  readonly range: Interval;
}

/** A CIDR or bare address as the clouds accept it, or undefined when it is not one. */
export function parseRange(text: string): ParsedRange | undefined {
  const t = text.trim();
  const [addr, prefixText, extra] = t.split('/');
  if (extra !== undefined) return undefined;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  if (ipaddr.IPv4.isValidFourPartDecimal(addr)) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    return prefix <= 32 ? { family: 'ipv4', range: interval(ipaddr.IPv4.parse(addr).toByteArray(), prefix) } : undefined;
  }
  if (ipaddr.IPv6.isValid(addr)) {
    const prefix = prefixText === undefined ? 128 : Number(prefixText);
    if (prefix > 128) return undefined;
    const v6 = ipaddr.IPv6.parse(addr);
    // ::ffff:a.b.c.d/96 and longer is an IPv4 range written in IPv6.
    if (v6.isIPv4MappedAddress() && prefix >= 96) return { family: 'ipv4', range: interval(v6.toIPv4Address().toByteArray(), prefix - 96) };
    return { family: 'ipv6', range: interval(v6.toByteArray(), prefix) };
  }
  return undefined;
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1n) last[1] = e > last[1] ? e : last[1];
    else out.push([s, e]);
  }
  return out;
}

function overlap(a: Interval[], b: Interval[]): bigint {
  let total = 0n;
  for (const [s1, e1] of a) {
    for (const [s2, e2] of b) {
      const s = s1 > s2 ? s1 : s2;
      const e = e1 < e2 ? e1 : e2;
      if (s <= e) total += e - s + 1n;
    }
  }
  return total;
}

const PUBLIC_IPV4: Interval[] = (() => {
  const blocked = merge(NON_PUBLIC_IPV4.map((c) => (parseRange(c) as ParsedRange).range));
  const out: Interval[] = [];
  let next = 0n;
  for (const [s, e] of blocked) {
    if (s > next) out.push([next, s - 1n]);
    next = e + 1n;
  }
  if (next <= 0xffffffffn) out.push([next, 0xffffffffn]);
  return out;
})();

export interface Exposure {
  /** The sources together cover an internet-wide public range. */
  readonly internetWide: boolean;
  /** Public addresses covered, per family. */
  readonly publicIpv4: bigint;
  readonly publicIpv6: bigint;
  /** Sources that are not addresses hms-sys can read. */
  readonly unreadable: readonly string[];
}

/** Exposures by their sources: the same few address lists recur across every stack, and BigInt arithmetic is not free. */
const EXPOSURES = new Map<string, Exposure>();
const MAX_CACHED_EXPOSURES = 4096;

/** How much of the internet a set of source ranges admits, together. */
export function exposureOf(sources: readonly string[]): Exposure {
  if (sources.length === 0) return NO_EXPOSURE;
  const key = sources.join('\u0000');
  const cached = EXPOSURES.get(key);
  if (cached) return cached;
  const exposure = computeExposure(sources);
  if (EXPOSURES.size >= MAX_CACHED_EXPOSURES) EXPOSURES.clear();
  EXPOSURES.set(key, exposure);
  return exposure;
}

const NO_EXPOSURE: Exposure = { internetWide: false, publicIpv4: 0n, publicIpv6: 0n, unreadable: [] };

function computeExposure(sources: readonly string[]): Exposure {
  const v4: Interval[] = [];
  const v6: Interval[] = [];
  const unreadable: string[] = [];
  for (const s of sources) {
    const r = parseRange(s);
    if (!r) unreadable.push(s);
    else (r.family === 'ipv4' ? v4 : v6).push(r.range);
  }
  const publicIpv4 = overlap(merge(v4), PUBLIC_IPV4);
  const publicIpv6 = overlap(merge(v6), [GLOBAL_IPV6]);
  return {
    internetWide: publicIpv4 > BigInt(INTERNET_WIDE_IPV4_ADDRESSES) || publicIpv6 > INTERNET_WIDE_IPV6_ADDRESSES,
    publicIpv4,
    publicIpv6,
    unreadable,
  };
}

/** An inclusive port range. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/**
 * A port or range in any spelling: 22, "22", " 22 ", "20-25", "*", "Any", -1 ("all").
 * Undefined when it is not one.
 */
export function parsePortRange(value: unknown): PortRange | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? (value === -1 ? ALL_PORTS : value >= 0 && value <= 65535 ? { from: value, to: value } : undefined) : undefined;
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  if (t === '*' || /^any$/i.test(t) || t === '-1') return ALL_PORTS;
  const m = /^(\d{1,5})\s*(?:-\s*(\d{1,5}))?$/.exec(t);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return from <= to && to <= 65535 ? { from, to } : undefined;
}

export const coversPort = (r: PortRange, port: number): boolean => r.from <= port && port <= r.to;
export const isAllPorts = (r: PortRange): boolean => r.from <= 1 && r.to >= 65535;
