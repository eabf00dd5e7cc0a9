import type { EntryKind, EntryPointAnalysis, EntryAnalysis } from '@/lib/exposure';
import type { Snapshot } from '@/lib/model';
import type { HostNetworkMode } from '@/lib/netpol/compile';
import { workloadName } from '@/lib/netpol/endpoints';
import { formatPorts, NO_PORTS, unionPorts } from '@/lib/netpol/portSet';
import { entryPaths, type PathRow } from '../exposure/pathRows';
import { idOfConnlistName, INGRESS_CONTROLLER_ID } from './elementIds';

// The graph's "reachable from the internet" view, from lib/exposure's entry-point analysis (the one the Exposure page
// and the Overview read): which workloads the internet reaches, through which entry point and controller, on which
// pod ports, and the policy that decides the hop reaching the pod. Entry points closed in fact are listed, never
// drawn as edges.

/** One way an entry point reaches a workload's pods (pods taking the same hops with the same outcome are one route). */
export interface GraphEntryRoute {
  /** `443/TCP → https → 8443`. */
  readonly via: string;
  /** Pod ports open end to end. */
  readonly open: string;
  readonly pods: number;
  /** The policy, rule and tier deciding the hop that reaches the pod. */
  readonly deciding?: string;
  readonly explainHref?: string;
}

/** An entry point that reaches a workload from the internet: one edge of the view. */
export interface GraphInternetEntry {
  /** Entry point id (lib/exposure), e.g. `LoadBalancer:shop/web`, `Ingress:shop/web`. */
  readonly entry: string;
  readonly kind: EntryKind;
  /**
   * Ingresses, Routes and Gateways: the node the hop to the pod starts at, the controller pods' workload (`wl:…`,
   * the first controller pod's, as the hop is explained) or the stand-in `ingress-controller`; absent: from the internet.
   */
  readonly controller?: string;
  /** More controller workloads than `controller` (their pods share the hop; the first one's is explained). */
  readonly otherControllers?: number;
  /** The pod ports open end to end, over every route. */
  readonly ports: string;
  readonly routes: readonly GraphEntryRoute[];
  /** The path takes the stand-in controller's reachability for granted. */
  readonly assumed: boolean;
}

/** A workload reachable from the internet, as lib/exposure ranks them (sensitive ports first). */
export interface GraphInternetWorkload {
  /** `wl:…`. */
  readonly id: string;
  /** The Services selecting its pods (`namespace/name` would repeat the workload's namespace: names only). */
  readonly services: readonly string[];
  readonly ports: string;
  readonly entries: readonly GraphInternetEntry[];
}

/** An entry point that exposes on paper and the policies close: why, and the deciding policy of its first path. */
export interface GraphClosedEntry {
  readonly entry: string;
  readonly reason: string;
  readonly deciding?: string;
  readonly explainHref?: string;
}

export interface GraphInternet {
  /** Exactly lib/exposure's `reachable` (the Overview's count), in its order. */
  readonly reachable: readonly GraphInternetWorkload[];
  readonly closed: readonly GraphClosedEntry[];
}

const route = (r: PathRow): GraphEntryRoute => {
  const last = r.hops[r.hops.length - 1];
  return { via: r.via, open: r.open, pods: r.pods, ...(last?.deciding ? { deciding: last.deciding } : {}), ...(last?.explainHref ? { explainHref: last.explainHref } : {}) };
};

/** The internet view's part of the graph model. `hostNetwork`: the reading `ep` was computed on. */
export function graphInternetOf(snapshot: Snapshot, ep: EntryPointAnalysis, hostNetwork: HostNetworkMode = 'as-pod'): GraphInternet {
  const reachable = new Set(ep.reachable.map((r) => r.workload));
  // The open paths only, explained once per route (entryPaths groups a workload's pods taking the same hops).
  const open = ep.entries.filter((a) => a.entry.kind !== 'PolicyRule' && a.openWorkloads.length > 0).map((a): EntryAnalysis => ({ ...a, paths: a.paths.filter((p) => p.verdict === 'open') }));
  const rows = entryPaths(snapshot, open, Number.MAX_SAFE_INTEGER, hostNetwork);
  const byWorkload = new Map<string, GraphInternetEntry[]>();
  open.forEach((a, i) => {
    const ctl = a.entry.controller;
    const controllers = ctl?.reading === 'controller-pods' ? [...new Set(ctl.pods.map((p) => idOfConnlistName(workloadName(snapshot.pods[p].workload))))] : [];
    const routes = new Map<string, GraphEntryRoute[]>();
    for (const r of rows[i].rows) (routes.get(r.workload) ?? routes.set(r.workload, []).get(r.workload)!).push(route(r));
    for (const w of a.openWorkloads) {
      if (!reachable.has(w)) continue;
      const ports = a.paths.reduce((acc, p) => (p.workload === w ? unionPorts(acc, p.open) : acc), NO_PORTS);
      const entry: GraphInternetEntry = {
        entry: a.entry.id,
        kind: a.entry.kind,
        ...(ctl ? { controller: ctl.reading === 'stand-in' ? INGRESS_CONTROLLER_ID : controllers[0] } : {}),
        ...(controllers.length > 1 ? { otherControllers: controllers.length - 1 } : {}),
        ports: formatPorts(ports),
        routes: routes.get(w) ?? [],
        assumed: ctl?.reading === 'stand-in',
      };
      (byWorkload.get(w) ?? byWorkload.set(w, []).get(w)!).push(entry);
    }
  });
  const services = new Map<string, Set<string>>();
  for (const sb of ep.services.services) {
    for (const p of sb.pods) {
      const w = workloadName(snapshot.pods[p].workload);
      if (reachable.has(w)) (services.get(w) ?? services.set(w, new Set()).get(w)!).add(sb.service.name);
    }
  }
  const closedEntries = ep.entries.filter((a) => a.verdict === 'closed');
  const closedRows = entryPaths(snapshot, closedEntries, 1, hostNetwork);
  return {
    reachable: ep.reachable.map((r) => ({ id: idOfConnlistName(r.workload), services: [...(services.get(r.workload) ?? [])].sort(), ports: formatPorts(r.ports), entries: byWorkload.get(r.workload) ?? [] })),
    closed: closedEntries.map((a, i) => {
      const first = closedRows[i].rows[0];
      const hop = first?.hops.find((h) => h.deciding) ?? first?.hops[first.hops.length - 1];
      return { entry: a.entry.id, reason: a.reason, ...(hop?.deciding ? { deciding: hop.deciding } : {}), ...(hop?.explainHref ? { explainHref: hop.explainHref } : {}) };
    }),
  };
}
