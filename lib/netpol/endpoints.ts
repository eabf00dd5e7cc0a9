import type { WorkloadRef } from '../model';
import type { Connectivity } from './connectivity';
import { formatIpRange, type IpRange } from './ipRange';

/** What a line of the connectivity names: a workload, a pod, or a disjoint range of external addresses. */
export type Endpoint =
  | {
      readonly kind: 'workload';
      /** The connlist notation `namespace/name[Kind]`. */
      readonly name: string;
      readonly namespace: string;
      readonly workload: WorkloadRef;
      /** Indices into `compiled.pods`. */
      readonly pods: readonly number[];
      /** Behaviour groups of its pods (one unless its pods differ in labels or named ports). */
      readonly groups: readonly number[];
      /** Some pod is Running with an IP, or is a representative template pod. */
      readonly active: boolean;
      /** Its pods run in the host network (and the analysis treats them as host endpoints). */
      readonly hostNetwork: boolean;
    }
  | {
      readonly kind: 'pod';
      readonly name: string;
      readonly namespace: string;
      readonly workload: WorkloadRef;
      readonly pods: readonly [number];
      readonly groups: readonly [number];
      readonly active: boolean;
      readonly hostNetwork: boolean;
    }
  | {
      readonly kind: 'external';
      readonly name: string;
      readonly range: IpRange;
      readonly externalGroup: number;
      /** Whether the range is listed as a source (cut by ingress ipBlocks) and as a destination (egress ones). */
      readonly source: boolean;
      readonly destination: boolean;
    };

export type EndpointLevel = 'workload' | 'pod';

/** `namespace/name[Kind]`, the connlist notation of a workload. */
export function workloadName(w: WorkloadRef): string {
  return `${w.namespace}/${w.name}[${w.kind}]`;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The endpoints of a connectivity at a level, sorted by name (external ranges included). */
export function listEndpoints(conn: Connectivity, level: EndpointLevel = 'workload', opts: { activeOnly?: boolean } = {}): Endpoint[] {
  const c = conn.compiled;
  const out: Endpoint[] = [];
  const hostOf = (i: number) => c.classes[c.pods[i].classId].hostNetwork;
  if (level === 'pod') {
    for (const p of c.pods) {
      if (opts.activeOnly && !p.active) continue;
      const g = conn.groupOfClass[p.classId];
      out.push({ kind: 'pod', name: `${p.pod.namespace}/${p.pod.name}[Pod]`, namespace: p.pod.namespace, workload: p.pod.workload, pods: [p.index], groups: [g], active: p.active, hostNetwork: hostOf(p.index) });
    }
  } else {
    const byKey = new Map<string, { ref: WorkloadRef; pods: number[] }>();
    for (const p of c.pods) {
      if (opts.activeOnly && !p.active) continue;
      const key = workloadName(p.pod.workload);
      const entry = byKey.get(key);
      if (entry) entry.pods.push(p.index);
      else byKey.set(key, { ref: p.pod.workload, pods: [p.index] });
    }
    for (const [name, { ref, pods }] of byKey) {
      const groups = [...new Set(pods.map((i) => conn.groupOfClass[c.pods[i].classId]))].sort((a, b) => a - b);
      out.push({
        kind: 'workload',
        name,
        namespace: ref.namespace,
        workload: ref,
        pods,
        groups,
        active: pods.some((i) => c.pods[i].active),
        hostNetwork: pods.every(hostOf),
      });
    }
  }
  c.externalRanges.forEach(({ range, source, destination }, i) => {
    out.push({ kind: 'external', name: `${formatIpRange(range)}[External]`, range, externalGroup: conn.externalGroupOfRange[i], source, destination });
  });
  return out.sort(byName);
}

/**
 * The connections allowed from one endpoint to another, as a port-set id of `conn.ports` (0 = none). For a
 * workload whose pods differ, the union over its pods (some pod of the source reaches some pod of the destination).
 */
export function connectionBetween(conn: Connectivity, src: Endpoint, dst: Endpoint): number {
  const G = conn.groups.length;
  const E = conn.externalGroups.length;
  const t = conn.ports;
  if (src.kind === 'external') {
    if (dst.kind === 'external') return 0;
    let acc = 0;
    for (const d of dst.groups) acc = t.union(acc, conn.fromExternal[src.externalGroup * G + d]);
    return acc;
  }
  if (dst.kind === 'external') {
    let acc = 0;
    for (const s of src.groups) acc = t.union(acc, conn.toExternal[s * E + dst.externalGroup]);
    return acc;
  }
  if (src.groups.length === 1 && dst.groups.length === 1) return conn.matrix[src.groups[0] * G + dst.groups[0]];
  let acc = 0;
  for (const s of src.groups) for (const d of dst.groups) acc = t.union(acc, conn.matrix[s * G + d]);
  return acc;
}

/** One allowed connection. `ports` is a port-set id of `conn.ports`. */
export interface Connection {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly ports: number;
}

/** Options of an enumeration. */
export interface EnumerateOptions {
  readonly level?: EndpointLevel;
  /** Only connections from or to endpoints matching this reference (see `matchesReference`). */
  readonly focus?: string;
  readonly activeOnly?: boolean;
}

/** Whether an endpoint answers to a reference `ns/name`, `ns/Kind/name`, a connlist name, or an address inside its range. */
export function matchesReference(e: Endpoint, ref: string): boolean {
  if (e.name === ref) return true;
  if (e.kind === 'external') return false;
  const parts = ref.split('/');
  if (parts.length === 2) return e.namespace === parts[0] && (e.workload.name === parts[1] || (e.kind === 'pod' && e.name === `${ref}[Pod]`));
  if (parts.length === 3) return e.namespace === parts[0] && e.workload.kind.toLowerCase() === parts[1].toLowerCase() && e.workload.name === parts[2];
  return false;
}

/**
 * Every allowed connection between distinct endpoints (never external to external), in the sorted order of the
 * connlist (source name, then destination name). A generator: callers stream it without holding it in memory.
 */
export function* enumerateConnections(conn: Connectivity, opts: EnumerateOptions = {}): Generator<Connection> {
  const endpoints = listEndpoints(conn, opts.level ?? 'workload', { activeOnly: opts.activeOnly });
  const n = endpoints.length;
  const G = conn.groups.length;
  const E = conn.externalGroups.length;
  // Flat views of the endpoints so the n² inner loop touches typed arrays only.
  const single = new Int32Array(n).fill(-1); // the one behaviour group of a pod/workload endpoint
  const ext = new Int32Array(n).fill(-1); // the external group of an external endpoint
  const asSource = new Uint8Array(n);
  const asDestination = new Uint8Array(n);
  const focused = new Uint8Array(n);
  endpoints.forEach((e, i) => {
    if (e.kind === 'external') {
      ext[i] = e.externalGroup;
      asSource[i] = e.source ? 1 : 0;
      asDestination[i] = e.destination ? 1 : 0;
    } else {
      if (e.groups.length === 1) single[i] = e.groups[0];
      asSource[i] = 1;
      asDestination[i] = 1;
    }
    focused[i] = opts.focus === undefined || matchesReference(e, opts.focus) ? 1 : 0;
  });
  const { matrix, toExternal, fromExternal } = conn;
  const all = Int32Array.from({ length: n }, (_, j) => j);
  // For a source with one behaviour group, the destinations it may reach are the same for every source of that
  // group: list them once per group, so sparse connectivity does not pay for every empty pair.
  const candidates = new Map<number, Int32Array>();
  const candidatesOf = (g: number): Int32Array => {
    let list = candidates.get(g);
    if (!list) {
      const out: number[] = [];
      for (let j = 0; j < n; j++) {
        const v = single[j] >= 0 ? matrix[g * G + single[j]] : ext[j] >= 0 ? toExternal[g * E + ext[j]] : 1;
        if (v !== 0) out.push(j);
      }
      candidates.set(g, (list = Int32Array.from(out)));
    }
    return list;
  };
  for (let i = 0; i < n; i++) {
    if (!asSource[i]) continue;
    const si = single[i];
    const se = ext[i];
    const targets = si >= 0 ? candidatesOf(si) : all;
    for (let k = 0; k < targets.length; k++) {
      const j = targets[k];
      if (i === j || !asDestination[j] || (!focused[i] && !focused[j])) continue;
      const dj = single[j];
      const de = ext[j];
      let ports: number;
      if (se >= 0) {
        if (de >= 0) continue;
        ports = dj >= 0 ? fromExternal[se * G + dj] : connectionBetween(conn, endpoints[i], endpoints[j]);
      } else if (si >= 0 && dj >= 0) ports = matrix[si * G + dj];
      else if (si >= 0 && de >= 0) ports = toExternal[si * E + de];
      else ports = connectionBetween(conn, endpoints[i], endpoints[j]);
      if (ports !== 0) yield { src: endpoints[i], dst: endpoints[j], ports };
    }
  }
}
