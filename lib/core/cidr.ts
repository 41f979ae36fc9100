/**
 * IPv4 networks in CIDR notation: parsed and computed with ipaddr.js, a
 * well-kept library, rather than by hand. Only the plain dotted-decimal form is
 * accepted: `192.168.015.0/24` is read as 192.168.15.0 by some tools and as
 * 192.168.13.0 (octal) by others (inet_aton), and AWS and Azure reject it, so
 * a leading zero is refused with the plain form to write instead.
 */
import ipaddr from 'ipaddr.js';

/** An address and a prefix length, both plain decimal: no leading zeros, no other notation. */
const DECIMAL_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function toNumber(address: ipaddr.IPv4): number {
  return address.toByteArray().reduce((acc, o) => acc * 256 + o, 0);
}

function fromNumber(n: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256));
}

/**
 * The `index`-th subnet of `cidr` with `newBits` more prefix bits, as Terraform's
 * `cidrsubnet()` computes it. Computed here so that the plan shows literal ranges.
 */
export function cidrSubnet(cidr: string, newBits: number, index: number): string {
  const [network, prefixLength] = ipaddr.IPv4.parseCIDR(cidr);
  const prefix = prefixLength + newBits;
  if (prefix > 32 || index < 0 || index >= 2 ** newBits) {
    throw new RangeError(`cannot take subnet ${index} of ${cidr} with ${newBits} new bits`);
  }
  return `${fromNumber(toNumber(network) + index * 2 ** (32 - prefix)).toString()}/${prefix}`;
}

/**
 * Why `value` is not an IPv4 network in CIDR notation, or undefined. Host bits must be
 * zero: `192.168.15.7/24` is a typo more often than an intent, and AWS rejects it.
 */
export function cidrProblem(value: string): string | undefined {
  const notCidr = `${JSON.stringify(value)} is not an IPv4 CIDR; write an address and prefix length, e.g. 192.168.15.0/24`;
  const m = DECIMAL_CIDR.exec(value);
  if (!m || !ipaddr.IPv4.isValidCIDR(value)) return notCidr;
  const parts = m.slice(1, 6);
  if (parts.some((p) => p.length > 1 && p.startsWith('0'))) {
    const plain = `${parts.slice(0, 4).map(Number).join('.')}/${Number(parts[4])}`;
    return `${JSON.stringify(value)} has a leading zero, which some tools read as an octal number; write it plainly: "${plain}"`;
  }
  const [address, prefix] = ipaddr.IPv4.parseCIDR(value);
  const network = ipaddr.IPv4.networkAddressFromCIDR(value);
  if (network.toString() !== address.toString()) {
    return `${JSON.stringify(value)} has host bits set; did you mean "${network.toString()}/${prefix}"?`;
  }
  return undefined;
}

/** Ingress wider than a /8 is the internet in all but name. */
export const MIN_INGRESS_PREFIX = 8;

/**
 * Why `value` cannot be the network allowed to reach a workload, or undefined: an
 * IPv4 network (see {@link cidrProblem}) no wider than a /8. The blueprint schema
 * and the constructs (`k8s.IsolatedNetwork`, `azure.IsolatedNetwork`,
 * `k8s.InternalLoadBalancer`) all ask this one function, so a value one accepts
 * the other does not refuse.
 */
export function ingressCidrProblem(value: string): string | undefined {
  const problem = cidrProblem(value);
  if (problem) return problem;
  const prefix = Number(value.split('/')[1]);
  if (prefix >= MIN_INGRESS_PREFIX) return undefined;
  return `${JSON.stringify(value)} opens the workload to ${prefix === 0 ? 'the whole internet' : `a network wider than /${MIN_INGRESS_PREFIX}`} (NIST 800-53 SC-7, AC-4; HIPAA 164.312(e)(1)); name the agency networks that need access, e.g. 192.168.15.0/24`;
}

/** True when two IPv4 networks (as `cidrProblem` accepts them) share an address: one holds the other's network address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const [na, pa] = ipaddr.IPv4.parseCIDR(a);
  const [nb, pb] = ipaddr.IPv4.parseCIDR(b);
  return na.match(nb, pb) || nb.match(na, pa);
}
