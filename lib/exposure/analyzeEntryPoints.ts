import { DEFAULT_EXPOSURE_CONFIG, type ExposureConfig } from '../config/exposureConfig';
import { SENSITIVE_PORTS, type SensitivePort } from '../findings/networkFindings';
import type { Snapshot, Warning } from '../model';
import type { Connectivity } from '../netpol/connectivity';
import { isAllPorts, NO_PORTS, portsContain, unionPorts, type PortSet } from '../netpol/portSet';
import { blastRadiusOf, type BlastRadius } from './blastRadius';
import { controllerFinder } from './controllers';
import { listEntryPoints } from './entryPoints';
import { analyzeInternetPaths, type EntryAnalysis, type UsableRange } from './internetPaths';
import { resolveServices, type ServiceIndex } from './serviceBackends';

/** A workload some entry point reaches from the internet. */
export interface InternetReachable {
  readonly workload: string;
  readonly namespace: string;
  /** Entry point ids that reach it. */
  readonly entries: readonly string[];
  /** Its pod ports open from the internet, over every entry. */
  readonly ports: PortSet;
  /** The sensitive ones among the ports it declares (a pod that declares none is not assumed to serve them). */
  readonly sensitivePorts: readonly SensitivePort[];
  /** The client ranges that reach it through address-based entries (load balancers, node ports). */
  readonly usableFrom: readonly UsableRange[];
  /** Some path to it takes something for granted (e.g. a controller not in the snapshot). */
  readonly assumed: boolean;
}

/** Entry points, their internet paths, the workloads reachable from the internet and what those can reach next. */
export interface EntryPointAnalysis {
  readonly services: ServiceIndex;
  readonly entries: readonly EntryAnalysis[];
  /** Sorted: sensitive ports first, then by name. */
  readonly reachable: readonly InternetReachable[];
  /** What an attacker holding a workload reaches in 1-3 hops (cached per workload). */
  readonly blastRadius: (workload: string, limit?: number) => BlastRadius | undefined;
  readonly warnings: readonly Warning[];
}

/**
 * Every entry point of the snapshot with its paths from the internet, verdict per hop, and the workloads it reaches.
 * `conn` is the connectivity of `snapshot` under the reading the caller shows (its hostNetwork mode is used for the
 * stand-in controller too).
 */
export function analyzeEntryPoints(snapshot: Snapshot, conn: Connectivity, config: ExposureConfig = DEFAULT_EXPOSURE_CONFIG): EntryPointAnalysis {
  const services = resolveServices(snapshot);
  const finder = controllerFinder(snapshot, config.ingressControllers);
  const listed = listEntryPoints(snapshot, services, finder);
  const analysed = analyzeInternetPaths(snapshot, conn, listed.entries, { hostNetwork: conn.compiled.options.hostNetwork });

  // `declared`: the open ports of paths to known ports (a hostNetwork pod that declares none may listen on any port:
  // counted as open, but not as an open sensitive port, which it may well not serve).
  const byWorkload = new Map<string, { namespace: string; entries: Set<string>; ports: PortSet; declared: PortSet; usable: UsableRange[]; assumed: boolean }>();
  for (const a of analysed) {
    if (a.entry.kind === 'PolicyRule') continue;
    for (const p of a.paths) {
      if (p.verdict !== 'open') continue;
      const e = byWorkload.get(p.workload) ?? byWorkload.set(p.workload, { namespace: snapshot.pods[p.pod].namespace, entries: new Set(), ports: NO_PORTS, declared: NO_PORTS, usable: [], assumed: false }).get(p.workload)!;
      e.entries.add(a.entry.id);
      e.ports = unionPorts(e.ports, p.open);
      if (!isAllPorts(p.ports)) e.declared = unionPorts(e.declared, p.open);
      for (const u of p.usableFrom) if (!e.usable.some((x) => x.range === u.range)) e.usable.push(u);
      e.assumed ||= p.assumptions.some((x) => x.startsWith('the ingress controller'));
    }
  }
  // A policy that admits the internet to pods no entry point reaches opens nothing yet: "open in policy, not exposed".
  const entries = analysed.map((a) =>
    a.entry.kind === 'PolicyRule' && a.verdict === 'open' && !a.openWorkloads.some((w) => byWorkload.has(w))
      ? { ...a, verdict: 'policy-only' as const, reason: 'open in policy, not exposed: it admits the internet, but no entry point in the snapshot brings internet traffic to these pods' }
      : a,
  );
  const reachable: InternetReachable[] = [...byWorkload].map(([workload, e]) => ({
    workload,
    namespace: e.namespace,
    entries: [...e.entries].sort(),
    ports: e.ports,
    sensitivePorts: SENSITIVE_PORTS.filter((s) => portsContain(e.declared, s.protocol, s.port)),
    usableFrom: e.usable,
    assumed: e.assumed,
  }));
  reachable.sort((a, b) => b.sensitivePorts.length - a.sensitivePorts.length || (a.workload < b.workload ? -1 : a.workload > b.workload ? 1 : 0));
  return { services, entries, reachable, blastRadius: blastRadiusOf(conn, config.sensitiveNamespaces), warnings: [...services.warnings, ...listed.warnings] };
}
