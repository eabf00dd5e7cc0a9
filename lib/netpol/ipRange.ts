/** IP address arithmetic on bigints, for IPv4 and IPv6 alike. */
export type IpFamily = 4 | 6;

/** An inclusive address range of one family. */
export interface IpRange {
  readonly family: IpFamily;
  readonly start: bigint;
  readonly end: bigint;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

/** The maximal address of a family. */
export function maxAddress(family: IpFamily): bigint {
  return (1n << BigInt(BITS[family])) - 1n;
}

/** The whole address space of a family. */
export function fullRange(family: IpFamily): IpRange {
  return { family, start: 0n, end: maxAddress(family) };
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    // Legacy fields accept leading zeros and read them as decimal (netutils.ParseIPSloppy), never octal.
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(s: string): bigint | undefined {
  let text = s;
  // An embedded IPv4 suffix (::ffff:10.0.0.1) stands for the last two groups.
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseV4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string): bigint[] | undefined => {
    if (h === '') return [];
    const groups = h.split(':');
    const out: bigint[] = [];
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(BigInt(`0x${g}`));
    }
    return out;
  };
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !rest) return undefined;
  const given = head.length + rest.length;
  let groups: bigint[];
  if (halves.length === 2) {
    if (given > 7) return undefined;
    groups = [...head, ...new Array<bigint>(8 - given).fill(0n), ...rest];
  } else {
    if (given !== 8) return undefined;
    groups = head;
  }
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Parses an IPv4 or IPv6 address; undefined when it is not one. */
export function parseIp(s: string): { family: IpFamily; value: bigint } | undefined {
  const t = s.trim();
  if (t.includes(':')) {
    const v = parseV6(t);
    return v === undefined ? undefined : { family: 6, value: v };
  }
  const v = parseV4(t);
  return v === undefined ? undefined : { family: 4, value: v };
}

/** Whether the address text (a pod IP, say) is the given address. */
export function isAddress(text: string, family: IpFamily, value: bigint): boolean {
  const ip = parseIp(text);
  return ip !== undefined && ip.family === family && ip.value === value;
}

/** A CIDR as written: the range of its network, its prefix, its canonical text, and whether host bits were set. */
export interface Cidr extends IpRange {
  readonly prefix: number;
  /** The network in canonical form (host bits cleared, IPv6 compressed): `10.0.0.0/8`, `2001:db8::/32`. */
  readonly canonical: string;
  /** The text had host bits set (`10.0.0.1/8`): legacy fields accept it and mean the network. */
  readonly hostBitsSet: boolean;
}

/**
 * Parses `addr/len` (surrounding blanks allowed): the one CIDR parser, for the loaders' validation and the engine's
 * ranges alike. Host bits are cleared, as the API server reads legacy fields and the analyzers do.
 */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(text.trim());
  const ip = m ? parseIp(m[1]) : undefined;
  if (!m || !ip) return undefined;
  const prefix = Number(m[2]);
  const bits = BITS[ip.family];
  if (prefix > bits) return undefined;
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const start = ip.value & ~hostMask;
  return { family: ip.family, start, end: start | hostMask, prefix, canonical: `${formatIp(ip.family, start)}/${prefix}`, hostBitsSet: (ip.value & hostMask) !== 0n };
}

/** Formats an address: dotted quad, or RFC 5952 compressed IPv6. */
export function formatIp(family: IpFamily, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 255n).toString()).join('.');
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** `start-end`, the connlist notation of an external range. */
export function formatIpRange(r: IpRange): string {
  return `${formatIp(r.family, r.start)}-${formatIp(r.family, r.end)}`;
}

/** Whether `inner` lies within `outer`. */
export function rangeWithin(inner: IpRange, outer: IpRange): boolean {
  return inner.family === outer.family && inner.start >= outer.start && inner.end <= outer.end;
}

/** Whether the address lies within the range. */
export function rangeHas(r: IpRange, family: IpFamily, value: bigint): boolean {
  return r.family === family && value >= r.start && value <= r.end;
}

/**
 * Cuts a family's whole address space at every boundary of `ranges`, giving disjoint ranges that each lie
 * entirely inside or outside every given range, in ascending order.
 */
export function cutAddressSpace(family: IpFamily, ranges: readonly IpRange[]): IpRange[] {
  const max = maxAddress(family);
  const starts = new Set<bigint>([0n]);
  for (const r of ranges) {
    if (r.family !== family) continue;
    starts.add(r.start);
    if (r.end < max) starts.add(r.end + 1n);
  }
  const sorted = [...starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map((start, i) => ({ family, start, end: i + 1 < sorted.length ? sorted[i + 1] - 1n : max }));
}

/** The addresses of `range` outside every `holes` range, as ascending disjoint ranges (an ipBlock's cidr minus except). */
export function subtractRanges(range: IpRange, holes: readonly IpRange[]): IpRange[] {
  const sorted = holes.filter((h) => h.family === range.family).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: IpRange[] = [];
  let cursor = range.start;
  for (const h of sorted) {
    if (h.end < cursor || h.start > range.end) continue;
    if (h.start > cursor) out.push({ family: range.family, start: cursor, end: h.start - 1n });
    if (h.end >= range.end) return out;
    cursor = h.end + 1n;
  }
  out.push({ family: range.family, start: cursor, end: range.end });
  return out;
}
