import type { Protocol } from '../model';
import type { Connectivity } from '../netpol/connectivity';
import { listEndpoints, type Endpoint } from '../netpol/endpoints';
import { intersectPorts, isAllPorts, NO_PORTS, portRangeSet, portsContain, unionPorts, type PortSet } from '../netpol/portSet';
import { SENSITIVE_PORTS, type SensitivePort } from '../findings/networkFindings';

// What an attacker who takes a workload can reach next (issue 12 §4, "second hop"): the workloads its pods may
// connect to, then theirs, up to 3 hops, over the connectivity's behaviour groups, ranked so that sensitive ports
// and sensitive namespaces come first.

export interface ReachedWorkload {
  readonly workload: string;
  readonly namespace: string;
  /** 1 = the compromised workload connects to it directly. */
  readonly hops: 1 | 2 | 3;
  /** The workloads in between, then this one (names). */
  readonly path: readonly string[];
  /** What the last hop allows into it, on the ports it declares (every allowed port when it declares none). */
  readonly ports: PortSet;
  readonly sensitivePorts: readonly SensitivePort[];
  readonly sensitiveNamespace: boolean;
  /** Higher ranks first: 10 per sensitive port, 5 for a sensitive namespace, minus the hops. */
  readonly score: number;
}

export interface BlastRadius {
  readonly from: string;
  /** Ranked (score, then hops, then name); `limit` long at most. */
  readonly reached: readonly ReachedWorkload[];
  /** How many workloads are reachable in 1-3 hops. */
  readonly total: number;
}

const SYSTEM = ['kube-system'];

/** A blast-radius calculator over one connectivity; answers are cached per workload. */
export function blastRadiusOf(conn: Connectivity, sensitiveNamespaces: readonly string[] = []) {
  const G = conn.groups.length;
  // Built on the first question: most snapshots are asked about a few workloads, or none.
  let index: { workloads: Exclude<Endpoint, { kind: 'external' }>[]; startIndex: Map<string, number>; workloadsOfGroup: number[][] } | undefined;
  const built = () => {
    if (!index) {
      const workloads = listEndpoints(conn, 'workload').filter((e): e is Exclude<Endpoint, { kind: 'external' }> => e.kind !== 'external');
      const workloadsOfGroup: number[][] = Array.from({ length: G }, () => []);
      workloads.forEach((w, i) => w.groups.forEach((g) => workloadsOfGroup[g].push(i)));
      index = { workloads, startIndex: new Map(workloads.map((w, i) => [w.name, i])), workloadsOfGroup };
    }
    return index;
  };
  // Group adjacency as bitsets (W words a row), built once on first use: a BFS level ORs the rows of its frontier.
  const W = (G + 31) >>> 5;
  let adjacency: Uint32Array | undefined;
  const rows = (): Uint32Array => {
    if (!adjacency) {
      adjacency = new Uint32Array(G * W);
      for (let s = 0; s < G; s++) for (let d = 0; d < G; d++) if (conn.matrix[s * G + d] !== 0) adjacency[s * W + (d >>> 5)] |= 1 << (d & 31);
    }
    return adjacency;
  };
  const sensitiveNs = new Set([...SYSTEM, ...sensitiveNamespaces]);
  // What each workload serves (its declared ports), and what a connection id reaches of it: computed once.
  const declaredOf = new Map<number, PortSet | null>();
  const declared = (wi: number): PortSet | null => {
    let d = declaredOf.get(wi);
    if (d === undefined) {
      const ports = built().workloads[wi].pods.flatMap((i) => conn.compiled.pods[i].pod.containerPorts);
      declaredOf.set(wi, (d = ports.length === 0 ? null : ports.reduce((acc, c) => unionPorts(acc, portRangeSet(c.protocol, c.containerPort, c.containerPort)), NO_PORTS)));
    }
    return d;
  };
  const servedMemo = new Map<string, { ports: PortSet; sensitive: SensitivePort[] }>();
  const served = (wi: number, connId: number) => {
    const key = `${wi}|${connId}`;
    let r = servedMemo.get(key);
    if (!r) {
      const allowed = conn.ports.sets[connId];
      const d = declared(wi);
      const ports = d === null ? allowed : intersectPorts(allowed, d);
      r = { ports, sensitive: d === null && isAllPorts(allowed) ? [] : SENSITIVE_PORTS.filter((p) => portsContain(ports, p.protocol as Protocol, p.port)) };
      servedMemo.set(key, r);
    }
    return r;
  };
  const cache = new Map<string, BlastRadius>();

  return (workload: string, limit = 50): BlastRadius | undefined => {
    const { workloads, startIndex, workloadsOfGroup } = built();
    const si = startIndex.get(workload);
    if (si === undefined) return undefined;
    const start = workloads[si];
    const known = cache.get(workload);
    if (known && known.reached.length >= Math.min(limit, known.total)) return { ...known, reached: known.reached.slice(0, limit) };
    const depth = new Int8Array(G).fill(-1);
    const parent = new Int32Array(G).fill(-1);
    const adj = rows();
    let frontier = [...start.groups];
    for (const g of frontier) depth[g] = 0;
    for (let d = 1; d <= 3 && frontier.length > 0; d++) {
      const nextFrontier: number[] = [];
      for (const s of frontier) {
        for (let w = 0; w < W; w++) {
          let bits = adj[s * W + w];
          while (bits !== 0) {
            const b = bits & -bits;
            bits ^= b;
            const t = (w << 5) + (31 - Math.clz32(b));
            if (depth[t] !== -1) continue;
            depth[t] = d;
            parent[t] = s;
            nextFrontier.push(t);
          }
        }
      }
      frontier = nextFrontier;
    }
    const reached: ReachedWorkload[] = [];
    const seen = new Set<number>([si]);
    for (let g = 0; g < G; g++) {
      if (depth[g] <= 0) continue;
      for (const wi of workloadsOfGroup[g]) {
        if (seen.has(wi)) continue;
        seen.add(wi);
        const w = workloads[wi];
        // The closest of the workload's groups.
        const best = w.groups.filter((x) => depth[x] > 0).reduce((a, b) => (depth[b] < depth[a] ? b : a));
        const hops = depth[best] as 1 | 2 | 3;
        const path: string[] = [];
        for (let x = parent[best]; x !== -1 && depth[x] > 0; x = parent[x]) path.unshift(workloads[workloadsOfGroup[x][0]].name);
        // What it serves: the allowed ports it declares (all allowed ones when it declares none).
        const { ports, sensitive: sensitivePorts } = served(wi, conn.matrix[parent[best] * G + best]);
        const sensitiveNamespace = sensitiveNs.has(w.namespace);
        reached.push({ workload: w.name, namespace: w.namespace, hops, path: [...path, w.name], ports, sensitivePorts, sensitiveNamespace, score: 10 * sensitivePorts.length + (sensitiveNamespace ? 5 : 0) - hops });
      }
    }
    reached.sort((a, b) => b.score - a.score || a.hops - b.hops || (a.workload < b.workload ? -1 : a.workload > b.workload ? 1 : 0));
    const result: BlastRadius = { from: workload, reached: reached.slice(0, Math.max(limit, 50)), total: reached.length };
    cache.set(workload, result);
    return { ...result, reached: result.reached.slice(0, limit) };
  };
}
