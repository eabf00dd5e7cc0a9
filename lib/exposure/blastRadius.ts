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
  const workloads = listEndpoints(conn, 'workload').filter((e): e is Exclude<Endpoint, { kind: 'external' }> => e.kind !== 'external');
  const byName = new Map(workloads.map((w) => [w.name, w]));
  const workloadsOfGroup: number[][] = Array.from({ length: G }, () => []);
  workloads.forEach((w, i) => w.groups.forEach((g) => workloadsOfGroup[g].push(i)));
  // Group adjacency, built once on first use: the groups each group may send something to.
  let adjacency: Int32Array[] | undefined;
  const next = (g: number): Int32Array => {
    adjacency ??= Array.from({ length: G }, (_, s) => {
      const out: number[] = [];
      for (let d = 0; d < G; d++) if (conn.matrix[s * G + d] !== 0) out.push(d);
      return Int32Array.from(out);
    });
    return adjacency[g];
  };
  const sensitiveNs = new Set([...SYSTEM, ...sensitiveNamespaces]);
  const cache = new Map<string, BlastRadius>();

  return (workload: string, limit = 50): BlastRadius | undefined => {
    const start = byName.get(workload);
    if (!start) return undefined;
    const known = cache.get(workload);
    if (known && known.reached.length >= Math.min(limit, known.total)) return { ...known, reached: known.reached.slice(0, limit) };
    const depth = new Int8Array(G).fill(-1);
    const parent = new Int32Array(G).fill(-1);
    let frontier = [...start.groups];
    for (const g of frontier) depth[g] = 0;
    for (let d = 1; d <= 3 && frontier.length > 0; d++) {
      const nextFrontier: number[] = [];
      for (const s of frontier) {
        for (const t of next(s)) {
          if (depth[t] !== -1) continue;
          depth[t] = d;
          parent[t] = s;
          nextFrontier.push(t);
        }
      }
      frontier = nextFrontier;
    }
    const reached: ReachedWorkload[] = [];
    const seen = new Set<number>([workloads.indexOf(start)]);
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
        const allowed = conn.ports.sets[conn.matrix[parent[best] * G + best]];
        // What it serves: the allowed ports it declares (all allowed ones when it declares none).
        const declared = w.pods.flatMap((i) => conn.compiled.pods[i].pod.containerPorts);
        const ports = declared.length === 0 ? allowed : intersectPorts(allowed, declared.reduce((acc, c) => unionPorts(acc, portRangeSet(c.protocol, c.containerPort, c.containerPort)), NO_PORTS));
        const sensitivePorts = declared.length === 0 && isAllPorts(allowed) ? [] : SENSITIVE_PORTS.filter((p) => portsContain(ports, p.protocol as Protocol, p.port));
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
