import { formatIp, maxAddress, subtractRanges, type IpFamily, type IpRange } from '@/lib/netpol/ipRange';

// How the graph names a set of external addresses: in CIDR notation as policies write them ("0.0.0.0/0 except
// 203.0.113.0/24"), not as the engine's disjoint ranges ("0.0.0.0-203.0.112.255" and "203.0.114.0-255.255.255.255").

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };
/** Beyond this many CIDRs a name stops being readable; the ranges are listed in the side panel anyway. */
const MAX_PARTS = 3;

const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** Adjacent or overlapping ranges of one family merged, ascending. */
function merge(ranges: readonly IpRange[]): IpRange[] {
  const sorted = [...ranges].sort((a, b) => cmp(a.start, b.start));
  const out: IpRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1n) out[out.length - 1] = { ...last, end: r.end > last.end ? r.end : last.end };
    else out.push(r);
  }
  return out;
}

/** The fewest CIDR blocks covering exactly a range, ascending (the standard range-to-prefix split). */
export function rangeToCidrs(r: IpRange): string[] {
  const bits = BITS[r.family];
  const out: string[] = [];
  let start = r.start;
  while (start <= r.end) {
    // The largest aligned block at `start` that does not pass `end`.
    let size = 0;
    while (size < bits && (start & ((1n << BigInt(size + 1)) - 1n)) === 0n && start + (1n << BigInt(size + 1)) - 1n <= r.end) size++;
    out.push(`${formatIp(r.family, start)}/${bits - size}`);
    start += 1n << BigInt(size);
    if (start > maxAddress(r.family)) break;
  }
  return out;
}

/** The smallest CIDR block holding the whole range, and its prefix length. */
function coveringBlock(r: IpRange): { block: IpRange; prefix: number } {
  const bits = BITS[r.family];
  let size = 0;
  while (size < bits && r.start >> BigInt(size) !== r.end >> BigInt(size)) size++;
  const start = (r.start >> BigInt(size)) << BigInt(size);
  return { block: { family: r.family, start, end: start + (1n << BigInt(size)) - 1n }, prefix: bits - size };
}

/**
 * A name for a set of external addresses of one family: one CIDR when they are one block (`0.0.0.0/0 (anywhere)` for
 * the whole space), else the block holding them with what it leaves out (`0.0.0.0/0 except 203.0.113.0/24`), else
 * their CIDRs; a longer list is cut after three with the count of the rest.
 */
export function describeAddresses(ranges: readonly IpRange[]): string {
  const merged = merge(ranges);
  if (merged.length === 0) return 'no addresses';
  const family = merged[0].family;
  const union = { family, start: merged[0].start, end: merged[merged.length - 1].end };
  const { block, prefix } = coveringBlock(union);
  const name = `${formatIp(family, block.start)}/${prefix}`;
  const anywhere = block.start === 0n && block.end === maxAddress(family) ? ' (anywhere)' : '';
  const gaps = subtractRanges(block, merged).flatMap(rangeToCidrs);
  if (gaps.length === 0) return `${name}${anywhere}`;
  if (gaps.length <= MAX_PARTS) return `${name}${anywhere} except ${gaps.join(', ')}`;
  const parts = merged.flatMap(rangeToCidrs);
  return parts.length <= MAX_PARTS ? parts.join(', ') : `${parts.slice(0, MAX_PARTS).join(', ')} and ${parts.length - MAX_PARTS} more block${parts.length - MAX_PARTS === 1 ? '' : 's'}`;
}
