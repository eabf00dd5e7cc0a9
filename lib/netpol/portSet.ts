import { PROTOCOLS, type Protocol } from '../model';

/** An inclusive port range `[start, end]`. */
export type PortRange = readonly [number, number];

/**
 * A set of allowed connections: per protocol a sorted list of disjoint, non-adjacent inclusive port ranges.
 * Every protocol at 1-65535 is "all connections".
 */
export interface PortSet {
  readonly SCTP: readonly PortRange[];
  readonly TCP: readonly PortRange[];
  readonly UDP: readonly PortRange[];
}

export { PROTOCOLS };
export const MIN_PORT = 1;
export const MAX_PORT = 65535;

const FULL: readonly PortRange[] = Object.freeze([Object.freeze([MIN_PORT, MAX_PORT] as const)]);
const NONE: readonly PortRange[] = Object.freeze([]);

/** The set that allows nothing. */
export const NO_PORTS: PortSet = Object.freeze({ SCTP: NONE, TCP: NONE, UDP: NONE });
/** The set that allows every protocol and port. */
export const ALL_PORTS: PortSet = Object.freeze({ SCTP: FULL, TCP: FULL, UDP: FULL });

/** The set holding one protocol's ports `start..end` (clamped to 1-65535; empty when start > end). */
export function portRangeSet(protocol: Protocol, start = MIN_PORT, end = MAX_PORT): PortSet {
  const s = Math.max(start, MIN_PORT);
  const e = Math.min(end, MAX_PORT);
  if (s > e) return NO_PORTS;
  return { ...NO_PORTS, [protocol]: [[s, e]] };
}

function unionRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of all) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  if (a.length === 0 || b.length === 0) return NONE;
  if (a === FULL || isFullRanges(a)) return b;
  if (b === FULL || isFullRanges(b)) return a;
  const out: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (s <= e) out.push([s, e]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  if (a.length === 0 || b.length === 0) return a;
  const out: PortRange[] = [];
  let j = 0;
  for (const [s0, e] of a) {
    let s = s0;
    while (j < b.length && b[j][1] < s) j++;
    let k = j;
    while (k < b.length && b[k][0] <= e && s <= e) {
      if (b[k][0] > s) out.push([s, b[k][0] - 1]);
      s = Math.max(s, b[k][1] + 1);
      k++;
    }
    if (s <= e) out.push([s, e]);
  }
  return out;
}

function isFullRanges(r: readonly PortRange[]): boolean {
  return r.length === 1 && r[0][0] <= MIN_PORT && r[0][1] >= MAX_PORT;
}

/** Connections allowed by either set. */
export function unionPorts(a: PortSet, b: PortSet): PortSet {
  if (a === NO_PORTS || b === ALL_PORTS) return b;
  if (b === NO_PORTS || a === ALL_PORTS) return a;
  return { SCTP: unionRanges(a.SCTP, b.SCTP), TCP: unionRanges(a.TCP, b.TCP), UDP: unionRanges(a.UDP, b.UDP) };
}

/** Connections allowed by both sets (a connection needs the source's egress AND the destination's ingress). */
export function intersectPorts(a: PortSet, b: PortSet): PortSet {
  if (a === ALL_PORTS) return b;
  if (b === ALL_PORTS) return a;
  return { SCTP: intersectRanges(a.SCTP, b.SCTP), TCP: intersectRanges(a.TCP, b.TCP), UDP: intersectRanges(a.UDP, b.UDP) };
}

/** Connections in `a` but not in `b` (what a first-match tier leaves undecided after a rule). */
export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  if (b === NO_PORTS || a === NO_PORTS) return a;
  if (b === ALL_PORTS) return NO_PORTS;
  return { SCTP: subtractRanges(a.SCTP, b.SCTP), TCP: subtractRanges(a.TCP, b.TCP), UDP: subtractRanges(a.UDP, b.UDP) };
}

export function isEmptyPorts(p: PortSet): boolean {
  return p.SCTP.length === 0 && p.TCP.length === 0 && p.UDP.length === 0;
}

export function isAllPorts(p: PortSet): boolean {
  return isFullRanges(p.SCTP) && isFullRanges(p.TCP) && isFullRanges(p.UDP);
}

/** Whether `protocol`/`port` is in the set. */
export function portsContain(p: PortSet, protocol: Protocol, port: number): boolean {
  return p[protocol].some(([s, e]) => port >= s && port <= e);
}

/** Whether the set allows anything of `protocol`. */
export function portsHaveProtocol(p: PortSet, protocol: Protocol): boolean {
  return p[protocol].length > 0;
}

/**
 * The connlist notation: `All Connections`, or `PROTO ports` groups joined by commas, protocols in the order
 * SCTP, TCP, UDP, ranges as `a-b` (`TCP 80,8080-8090,UDP 53`); `No Connections` for the empty set.
 */
export function formatPorts(p: PortSet): string {
  if (isAllPorts(p)) return 'All Connections';
  const parts: string[] = [];
  for (const proto of PROTOCOLS) {
    if (p[proto].length > 0) parts.push(`${proto} ${formatPortRanges(p[proto])}`);
  }
  return parts.length === 0 ? 'No Connections' : parts.join(',');
}

/** One protocol's ranges in the connlist notation: `80,8080-8090` (empty for none). */
export function formatPortRanges(ranges: readonly PortRange[]): string {
  return ranges.map(([s, e]) => (s === e ? `${s}` : `${s}-${e}`)).join(',');
}

/** Interns port sets so equal sets share one id; id 0 is the empty set and id 1 is every connection. */
export class PortSetTable {
  private readonly byKey = new Map<string, number>();
  readonly sets: PortSet[] = [];
  readonly labels: string[] = [];
  private readonly unionCache = new Map<number, number>();
  private readonly intersectCache = new Map<number, number>();

  constructor() {
    this.intern(NO_PORTS);
    this.intern(ALL_PORTS);
  }

  intern(p: PortSet): number {
    const label = formatPorts(p);
    const known = this.byKey.get(label);
    if (known !== undefined) return known;
    const id = this.sets.length;
    this.sets.push(isAllPorts(p) ? ALL_PORTS : isEmptyPorts(p) ? NO_PORTS : p);
    this.labels.push(label);
    this.byKey.set(label, id);
    return id;
  }

  union(a: number, b: number): number {
    if (a === b || b === 0 || a === 1) return a;
    if (a === 0 || b === 1) return b;
    const key = a < b ? a * 0x100000000 + b : b * 0x100000000 + a;
    let r = this.unionCache.get(key);
    if (r === undefined) {
      r = this.intern(unionPorts(this.sets[a], this.sets[b]));
      this.unionCache.set(key, r);
    }
    return r;
  }

  private readonly subtractCache = new Map<number, number>();

  subtract(a: number, b: number): number {
    if (b === 0 || a === 0) return a;
    if (a === b || b === 1) return 0;
    const key = a * 0x100000000 + b;
    let r = this.subtractCache.get(key);
    if (r === undefined) {
      r = this.intern(subtractPorts(this.sets[a], this.sets[b]));
      this.subtractCache.set(key, r);
    }
    return r;
  }

  intersect(a: number, b: number): number {
    if (a === b || b === 1) return a;
    if (a === 1) return b;
    if (a === 0 || b === 0) return 0;
    const key = a < b ? a * 0x100000000 + b : b * 0x100000000 + a;
    let r = this.intersectCache.get(key);
    if (r === undefined) {
      r = this.intern(intersectPorts(this.sets[a], this.sets[b]));
      this.intersectCache.set(key, r);
    }
    return r;
  }
}
