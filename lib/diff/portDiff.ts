import type { PortRange, PortSet } from '../netpol/portSet';
import { PROTOCOLS } from '../netpol/portSet';

function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  for (const [s0, e0] of a) {
    let s = s0;
    for (const [bs, be] of b) {
      if (be < s || bs > e0) continue;
      if (bs > s) out.push([s, bs - 1]);
      s = Math.max(s, be + 1);
      if (s > e0) break;
    }
    if (s <= e0) out.push([s, e0]);
  }
  return out;
}

/** Connections in `a` and not in `b` (both sets' ranges are sorted and disjoint). */
export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  const out: Record<string, PortRange[]> = {};
  for (const p of PROTOCOLS) out[p] = subtractRanges(a[p], b[p]);
  return out as unknown as PortSet;
}
