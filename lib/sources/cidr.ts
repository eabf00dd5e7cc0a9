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

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    // Legacy fields accept leading zeros and read them as decimal (netutils.ParseIPSloppy), never octal.
    if (!/^[0-9]{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return undefined;
  let text = s;
  if (text.includes('.')) {
    // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two hex words.
    const lastColon = text.lastIndexOf(':');
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}${((v4 >> 16n) & 0xffffn).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const group = (g: string): bigint[] | undefined => {
    if (g === '') return [];
    const out: bigint[] = [];
    for (const h of g.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(h)) return undefined;
      out.push(BigInt(`0x${h}`));
    }
    return out;
  };
  const head = group(halves[0]);
  const rest = halves.length === 2 ? group(halves[1]) : [];
  if (!head || !rest) return undefined;
  const given = head.length + rest.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined;
  const words = [...head, ...Array<bigint>(8 - given).fill(0n), ...rest];
  return words.reduce((acc, w) => (acc << 16n) | w, 0n);
}

function formatIPv4(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join('.');
}

/** RFC 5952 text: lowercase, zeros compressed in the longest run of two or more zero words. */
function formatIPv6(v: bigint): string {
  const words = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => Number((v >> s) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** Parses `a.b.c.d/n` or `x:y::z/n`; undefined when it is not a CIDR. */
export function parseCidr(text: string): ParsedCidr | undefined {
  const m = /^([^/]+)\/([0-9]{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const family: 4 | 6 = m[1].includes(':') ? 6 : 4;
  const address = family === 4 ? parseIPv4(m[1]) : parseIPv6(m[1]);
  const prefix = Number(m[2]);
  const width = family === 4 ? 32 : 128;
  if (address === undefined || prefix > width) return undefined;
  const hostMask = (1n << BigInt(width - prefix)) - 1n;
  const network = address & ~hostMask;
  const canonical = `${family === 4 ? formatIPv4(network) : formatIPv6(network)}/${prefix}`;
  return { family, address: network, prefix, canonical, hostBitsSet: (address & hostMask) !== 0n };
}

/** True when `inner` lies inside `outer` (same family, longer or equal prefix, same leading bits). */
export function cidrContains(outer: ParsedCidr, inner: ParsedCidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  const width = BigInt(outer.family === 4 ? 32 : 128);
  const shift = width - BigInt(outer.prefix);
  return outer.address >> shift === inner.address >> shift;
}
