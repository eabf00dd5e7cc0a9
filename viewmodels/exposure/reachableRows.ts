import type { EntryPointAnalysis, InternetReachable } from '@/lib/exposure';
import { formatPorts } from '@/lib/netpol/portSet';
import { connectionHref, graphHref, workloadRef } from './exposureLinks';

// The internet-reachable workloads and what an attacker holding one reaches next (blast radius, 1-3 hops, ranked by
// sensitive ports and namespaces: lib/exposure blastRadius).

export interface ReachedRow {
  readonly workload: string;
  readonly hops: number;
  /** The workloads on the way, then this one. */
  readonly path: readonly string[];
  readonly ports: string;
  readonly sensitive: readonly string[];
  readonly sensitiveNamespace: boolean;
  /** Explain's page for the last hop (from the workload before it on the path). */
  readonly explainHref: string;
}

export interface ReachableRow {
  readonly workload: string;
  readonly namespace: string;
  /** Its pod ports open from the internet. */
  readonly ports: string;
  /** `postgres 5432/TCP`. */
  readonly sensitive: readonly string[];
  readonly entries: readonly string[];
  readonly usableFrom: readonly string[];
  /** Some path to it takes the stand-in ingress controller for granted. */
  readonly assumed: boolean;
  readonly blast: { readonly total: number; readonly reached: readonly ReachedRow[] };
  readonly graphHref: string;
}

const sensitiveText = (s: { name: string; port: number; protocol: string }) => `${s.name} ${s.port}/${s.protocol}`;

export function reachableRow(analysis: EntryPointAnalysis, r: InternetReachable, topReached: number): ReachableRow {
  const blast = analysis.blastRadius(r.workload, topReached);
  return {
    workload: r.workload,
    namespace: r.namespace,
    ports: formatPorts(r.ports),
    sensitive: r.sensitivePorts.map(sensitiveText),
    entries: r.entries,
    usableFrom: r.usableFrom.map((u) => u.range),
    assumed: r.assumed,
    blast: {
      total: blast?.total ?? 0,
      reached: (blast?.reached ?? []).map((x) => ({
        workload: x.workload,
        hops: x.hops,
        path: x.path,
        ports: formatPorts(x.ports),
        sensitive: x.sensitivePorts.map(sensitiveText),
        sensitiveNamespace: x.sensitiveNamespace,
        explainHref: connectionHref(workloadRef(x.path.length > 1 ? x.path[x.path.length - 2] : r.workload), workloadRef(x.workload), x.ports),
      })),
    },
    graphHref: graphHref(r.workload, { hops: 3 }),
  };
}
