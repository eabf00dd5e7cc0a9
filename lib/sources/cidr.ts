import { formatIp, parseIp } from '../netpol/ipRange';

/** An IPv4 or IPv6 network, parsed for validation: the address as a bigint and the prefix length. */
export interface ParsedCidr {
  readonly family: 4 | 6;
  readonly address: bigint;
  readonly prefix: number;
  /** The network in canonical form (host bits cleared). */
  readonly canonical: string;
  /** True when the text had host bits set (e.g. `10.0.0.1/8`). */
  readonly hostBitsSet: boolean;
}

/**
 * Parses `a.b.c.d/n` or `x:y::z/n`; undefined when it is not a CIDR. Addresses are read by lib/netpol's parser, so
 * what the loader accepts is exactly what the engine evaluates.
 */
export function parseCidr(text: string): ParsedCidr | undefined {
  const m = /^([^/\s]+)\/([0-9]{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const ip = parseIp(m[1]);
  const prefix = Number(m[2]);
  if (!ip) return undefined;
  const width = ip.family === 4 ? 32 : 128;
  if (prefix > width) return undefined;
  const hostMask = (1n << BigInt(width - prefix)) - 1n;
  const network = ip.value & ~hostMask;
  return { family: ip.family, address: network, prefix, canonical: `${formatIp(ip.family, network)}/${prefix}`, hostBitsSet: (ip.value & hostMask) !== 0n };
}

/** True when `inner` lies inside `outer` (same family, longer or equal prefix, same leading bits). */
export function cidrContains(outer: ParsedCidr, inner: ParsedCidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  const width = BigInt(outer.family === 4 ? 32 : 128);
  const shift = width - BigInt(outer.prefix);
  return outer.address >> shift === inner.address >> shift;
}
