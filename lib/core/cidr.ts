/** IPv4 CIDR arithmetic, enough to carve a VPC into subnets at synth time. */

function toNumber(address: string): number {
  return address.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

function toAddress(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/**
 * The `index`-th subnet of `cidr` with `newBits` more prefix bits, as Terraform's
 * `cidrsubnet()` computes it. Computed here so that the plan shows literal ranges.
 */
export function cidrSubnet(cidr: string, newBits: number, index: number): string {
  const [address, prefixText] = cidr.split('/');
  const prefix = Number(prefixText) + newBits;
  if (prefix > 32 || index < 0 || index >= 2 ** newBits) {
    throw new RangeError(`cannot take subnet ${index} of ${cidr} with ${newBits} new bits`);
  }
  return `${toAddress(toNumber(address) + index * 2 ** (32 - prefix))}/${prefix}`;
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Why `value` is not an IPv4 network in CIDR notation, or undefined. Host bits must be
 * zero: `192.168.15.7/24` is a typo more often than an intent, and AWS rejects it.
 */
export function cidrProblem(value: string): string | undefined {
  const m = IPV4_CIDR.exec(value);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  const prefix = m ? Number(m[5]) : -1;
  if (!m || octets.some((o) => o > 255) || prefix > 32) {
    return `${JSON.stringify(value)} is not an IPv4 CIDR; write an address and prefix length, e.g. 192.168.15.0/24`;
  }
  const address = toNumber(value.split('/')[0]);
  const network = address - (address % 2 ** (32 - prefix));
  if (network !== address) {
    return `${JSON.stringify(value)} has host bits set; did you mean "${toAddress(network)}/${prefix}"?`;
  }
  return undefined;
}


/** The first and last address of a network, as numbers. */
function bounds(cidr: string): [number, number] {
  const [address, prefix] = cidr.split('/');
  const size = 2 ** (32 - Number(prefix));
  const first = toNumber(address) - (toNumber(address) % size);
  return [first, first + size - 1];
}

/** True when two IPv4 networks (as `cidrProblem` accepts them) share an address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const [a0, a1] = bounds(a);
  const [b0, b1] = bounds(b);
  return a0 <= b1 && b0 <= a1;
}
