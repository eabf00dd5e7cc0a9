import type { Labels, Snapshot } from '@/lib/model/index';
import type { Connectivity } from '@/lib/netpol/connectivity';
import { listEndpoints } from '@/lib/netpol/endpoints';
import { formatIpRange, type IpRange } from '@/lib/netpol/ipRange';
import { describeAddresses } from './externalNames';
import type { PortSet } from '@/lib/netpol/portSet';
import { externalId, workloadId } from './elementIds';
import type { GraphInternet } from './internetModel';

/**
 * A pod of a workload, as the graph draws it when the workload is expanded. Flags are present only when set: the
 * model of a 10,000-pod cluster travels in the page, and default values would double its size.
 */
export interface GraphPod {
  readonly name: string;
  /** Behaviour group (index into `GraphModel.groups`). */
  readonly group: number;
  /** Its IPs, comma-separated; absent when it has none. */
  readonly ips?: string;
  /** Not Running with an IP (and not a representative template pod): carries no live traffic. */
  readonly inactive?: true;
  readonly hostNetwork?: true;
  readonly fromTemplate?: true;
}

/** A workload node: a controller (or bare pod) with its pods. */
export interface GraphWorkload {
  /** Stable element id `wl:namespace/Kind/name`. */
  readonly id: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  /** The labels NetworkPolicies select on: the pod template's when known, else the first pod's. */
  readonly labels: Labels;
  readonly serviceAccount?: string;
  /** Behaviour groups of its pods, ascending (one unless its pods differ). */
  readonly groups: readonly number[];
  readonly pods: readonly GraphPod[];
  readonly active: boolean;
  readonly hostNetwork: boolean;
}

/**
 * External addresses every ipBlock treats the same (one external group of the engine, on the same side): one node,
 * named in CIDR notation, whatever the number of disjoint ranges the engine cut it into.
 */
export interface GraphExternal {
  /** Stable element id `ext:<first range>`. */
  readonly id: string;
  /** In CIDR notation: `0.0.0.0/0 (anywhere)`, `203.0.113.0/25`, `0.0.0.0/0 (anywhere) except 203.0.113.0/24`. */
  readonly label: string;
  /** The engine's disjoint ranges it stands for, in the connlist notation (`start-end`). */
  readonly ranges: readonly string[];
  /** External group (index into the `toExternal`/`fromExternal` triples). */
  readonly group: number;
  readonly source: boolean;
  readonly destination: boolean;
}

/** Isolation of a behaviour group and the policies (indices into `GraphModel.policies`) selecting it. */
export interface GraphGroup {
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  /** Every source (destination), external included, gets every connection: drawn as an "open to all" mark. */
  readonly ingressOpen: boolean;
  readonly egressOpen: boolean;
  readonly ingressPolicies: readonly number[];
  readonly egressPolicies: readonly number[];
}

/**
 * The engine's compact connectivity, reshaped as plain JSON for the graph: nodes with their behaviour groups and
 * the group-to-group connections as sparse triples `[src, dst, portSetId]` (never expanded to endpoint pairs).
 */
export interface GraphModel {
  readonly namespaces: readonly { readonly name: string; readonly labels: Labels }[];
  readonly workloads: readonly GraphWorkload[];
  readonly externals: readonly GraphExternal[];
  readonly groups: readonly GraphGroup[];
  /** `namespace/name` of every NetworkPolicy, by compiled policy id. */
  readonly policies: readonly string[];
  /** The engine's interned port sets: id 0 is nothing, 1 everything. */
  readonly portSets: readonly PortSet[];
  /** Flat triples `[srcGroup, dstGroup, portSetId]` for every non-empty group connection. */
  readonly groupEdges: readonly number[];
  /** Flat triples `[srcGroup, externalGroup, portSetId]`. */
  readonly toExternal: readonly number[];
  /** Flat triples `[externalGroup, dstGroup, portSetId]`. */
  readonly fromExternal: readonly number[];
  /**
   * The "reachable from the internet" view's entry points, paths and deciding policies (graphInternetOf); present
   * only when a view asked for it: the entry-point analysis is not part of every graph's cost.
   */
  readonly internet?: GraphInternet;
}


function sparse(values: Uint32Array, columns: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== 0) out.push(Math.floor(i / columns), i % columns, values[i]);
  }
  return out;
}

/** Reshapes a snapshot's connectivity into the graph's model. Pure: the same connectivity gives the same model. */
export function buildGraphModel(snapshot: Snapshot, conn: Connectivity): GraphModel {
  const c = conn.compiled;
  const declared = new Map(snapshot.workloads.map((w) => [`${w.namespace}/${w.kind}/${w.name}`, w]));
  const workloads: GraphWorkload[] = [];
  for (const e of listEndpoints(conn, 'workload')) {
    if (e.kind !== 'workload') continue;
    const ref = e.workload;
    const w = declared.get(`${ref.namespace}/${ref.kind}/${ref.name}`);
    const pods = e.pods.map((i): GraphPod => {
      const p = c.pods[i];
      return {
        name: p.pod.name,
        group: conn.groupOfClass[p.classId],
        ...(p.pod.podIPs.length > 0 && { ips: p.pod.podIPs.join(',') }),
        ...(!p.active && { inactive: true as const }),
        ...(p.pod.hostNetwork && { hostNetwork: true as const }),
        ...(p.pod.fromTemplate && { fromTemplate: true as const }),
      };
    });
    const first = c.pods[e.pods[0]].pod;
    workloads.push({
      id: workloadId(ref.namespace, ref.kind, ref.name),
      namespace: ref.namespace,
      kind: ref.kind,
      name: ref.name,
      labels: w?.templateLabels ?? first.labels,
      serviceAccount: w?.serviceAccountName ?? first.serviceAccountName,
      groups: e.groups,
      pods,
      active: e.active,
      hostNetwork: pods.every((p) => p.hostNetwork),
    });
  }
  // Ranges of one group on one side (and one family) are connected to exactly the same endpoints: one node.
  const byGroup = new Map<string, { group: number; source: boolean; destination: boolean; ranges: IpRange[] }>();
  c.externalRanges.forEach((r, i) => {
    const group = conn.externalGroupOfRange[i];
    const key = `${group}|${r.source}|${r.destination}|${r.range.family}`;
    const e = byGroup.get(key) ?? byGroup.set(key, { group, source: r.source, destination: r.destination, ranges: [] }).get(key)!;
    e.ranges.push(r.range);
  });
  const externals = [...byGroup.values()].map((e): GraphExternal => {
    const ranges = e.ranges.map(formatIpRange);
    return { id: externalId(ranges[0]), label: describeAddresses(e.ranges), ranges, group: e.group, source: e.source, destination: e.destination };
  });
  return {
    namespaces: snapshot.namespaces.map((n) => ({ name: n.name, labels: n.labels })).sort((a, b) => a.name.localeCompare(b.name)),
    workloads,
    externals,
    groups: conn.groups.map((g) => ({
      ingressIsolated: g.ingressIsolated,
      egressIsolated: g.egressIsolated,
      ingressOpen: g.ingressOpen,
      egressOpen: g.egressOpen,
      ingressPolicies: g.ingressPolicies,
      egressPolicies: g.egressPolicies,
    })),
    policies: c.policies.map((p) => p.key),
    portSets: conn.ports.sets,
    groupEdges: sparse(conn.matrix, conn.groups.length),
    toExternal: sparse(conn.toExternal, conn.externalGroups.length),
    fromExternal: sparse(conn.fromExternal, conn.groups.length),
  };
}
