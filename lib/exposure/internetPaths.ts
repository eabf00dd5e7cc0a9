import type { Pod, Snapshot } from '../model';
import { isActivePod } from '../netpol/compile';
import type { Connectivity } from '../netpol/connectivity';
import { workloadName } from '../netpol/endpoints';
import { formatIpRange, parseCidr, type IpRange } from '../netpol/ipRange';
import { formatPorts, intersectPorts, isEmptyPorts, NO_PORTS, unionPorts, type PortSet } from '../netpol/portSet';
import type { ControllerReading } from './controllers';
import type { BackendTarget, EntryPoint } from './entryPoints';
import { STAND_IN_CONTROLLER } from './ingressController';
import { pairVerdicts } from './pairVerdicts';

// The path internet → entry → (ingress controller →) pod port of every entry point, with each hop's verdict under
// the NetworkPolicies and admin tiers (issue 12 §4). Verdicts come from the connectivity of the snapshot, or, for
// the stand-in ingress controller, from the engine run on the stand-in (pairVerdicts).

export type HopVerdict = 'allowed' | 'denied' | 'assumed' | 'unknown' | 'internal';

export interface Hop {
  readonly from: string;
  readonly to: string;
  readonly verdict: HopVerdict;
  /** The pod ports (of those the entry sends to) this hop lets through; for the edge, the entry's ports. */
  readonly allowed: PortSet;
  readonly reason: string;
}

/** A client range that gets through every hop, with the pod ports it reaches. */
export interface UsableRange {
  readonly range: string;
  readonly ports: PortSet;
}

export type PathVerdict = 'open' | 'closed' | 'internal' | 'unknown';

/** One path: internet → entry → pod, on the pod ports the entry sends to. */
export interface InternetPath {
  /** Index into `snapshot.pods`. */
  readonly pod: number;
  /** The pod's workload in the connlist notation. */
  readonly workload: string;
  readonly via: string;
  /** The pod ports the entry sends to. */
  readonly ports: PortSet;
  readonly hops: readonly Hop[];
  /** The pod ports open end to end (from some client range). */
  readonly open: PortSet;
  /** The client ranges that can use the path, with what each reaches; empty when closed or not address-based. */
  readonly usableFrom: readonly UsableRange[];
  readonly verdict: PathVerdict;
  /** What the verdict takes for granted (a controller not in the snapshot, client addresses kept). */
  readonly assumptions: readonly string[];
}

/**
 * An entry point's verdict: `open` (some path reaches a pod from the internet), `closed` (exposed on paper, closed in
 * fact: every path is denied by a policy or its backends resolve nowhere), `internal` (an internal load balancer),
 * `unknown` (a hop Perimeter cannot see), `no-backends` (it routes to no pod), `policy-only` (a policy admits the
 * internet, no entry point brings it).
 */
export type EntryVerdict = 'open' | 'closed' | 'internal' | 'unknown' | 'no-backends' | 'policy-only';

export interface EntryAnalysis {
  readonly entry: EntryPoint;
  readonly paths: readonly InternetPath[];
  readonly verdict: EntryVerdict;
  /** Workloads (connlist names) some path reaches, sorted. */
  readonly openWorkloads: readonly string[];
  readonly reason: string;
}

/** Looks up the engine's verdicts by snapshot pod. */
interface Lookup {
  readonly groupOf: (pod: Pod) => number | undefined;
  /** What a group admits from an external range R: the allowed ports of each source cut overlapping R, clipped. */
  readonly fromRanges: (ranges: readonly string[], group: number, asked: PortSet) => UsableRange[];
  readonly between: (srcGroups: readonly number[], dstGroup: number) => PortSet;
}

function clip(a: IpRange, b: IpRange): IpRange | undefined {
  if (a.family !== b.family) return undefined;
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { family: a.family, start, end } : undefined;
}

function lookup(conn: Connectivity): Lookup {
  const c = conn.compiled;
  const G = conn.groups.length;
  const byPod = new Map<Pod, number>();
  for (const p of c.pods) byPod.set(p.pod, conn.groupOfClass[p.classId]);
  const sources = c.externalRanges.map((r, i) => ({ ...r, group: conn.externalGroupOfRange[i] })).filter((r) => r.source);
  const families = new Set(sources.map((r) => r.range.family));
  // An address outside every ipBlock: the verdict of a family the policies never name (IPv6 with IPv4-only ipBlocks).
  const unnamed = conn.externalGroups.find((e) => e.peers.length === 0);
  const memo = new Map<string, { range: string; id: number }[]>();
  const parsed = new Map<string, ReturnType<typeof parseCidr>>();
  return {
    groupOf: (pod) => byPod.get(pod),
    fromRanges: (ranges, g, asked) => {
      // Per (ranges, group): the clipped source cuts and what each admits; asked ports are intersected per call.
      const key = `${ranges.join(',')}|${g}`;
      let cuts = memo.get(key);
      if (!cuts) {
        cuts = [];
        for (const text of ranges) {
          const r = parsed.get(text) ?? parsed.set(text, parseCidr(text)).get(text);
          if (!r) continue;
          if (!families.has(r.family)) {
            if (conn.groups[g].ingressOpen) cuts.push({ range: text, id: 1 });
            else if (unnamed) cuts.push({ range: text, id: conn.fromExternal[unnamed.id * G + g] });
            continue;
          }
          for (const s of sources) {
            const part = clip(s.range, r);
            if (part) cuts.push({ range: formatIpRange(part), id: conn.fromExternal[s.group * G + g] });
          }
        }
        memo.set(key, cuts);
      }
      const out: UsableRange[] = [];
      for (const c of cuts) {
        if (c.id === 0) continue;
        const ports = intersectPorts(conn.ports.sets[c.id], asked);
        if (!isEmptyPorts(ports)) out.push({ range: c.range, ports });
      }
      return out;
    },
    between: (srcs, d) => srcs.reduce((acc, s) => unionPorts(acc, conn.ports.sets[conn.matrix[s * G + d]]), NO_PORTS),
  };
}

const unionOf = (xs: readonly UsableRange[]) => xs.reduce((acc, x) => unionPorts(acc, x.ports), NO_PORTS);

/** The pods whose Services carry a controller's traffic from outside: the entries that reach any of `pods`. */
function controllerEdge(entries: readonly EntryPoint[], pods: readonly number[]): EntryPoint[] {
  const set = new Set(pods);
  return entries.filter((e) => e.kind !== 'Ingress' && e.kind !== 'Route' && e.kind !== 'Gateway' && e.kind !== 'PolicyRule' && e.backends.some((b) => set.has(b.pod)));
}

export interface InternetPathOptions {
  /** The hostNetwork reading of `conn`, for the stand-in controller's verdicts. */
  readonly hostNetwork?: 'as-pod' | 'host';
}

/** Analyses every entry point: its paths, hop verdicts, usable client ranges and overall verdict. */
export function analyzeInternetPaths(snapshot: Snapshot, conn: Connectivity, entries: readonly EntryPoint[], opts: InternetPathOptions = {}): EntryAnalysis[] {
  const look = lookup(conn);
  const podName = (i: number) => `${snapshot.pods[i].namespace}/${snapshot.pods[i].name}`;
  const wl = (i: number) => workloadName(snapshot.pods[i].workload);

  // The stand-in controller toward every backend of an L7 entry read with it, in one engine run.
  const standInTargets = [...new Set(entries.filter((e) => e.controller?.reading === 'stand-in').flatMap((e) => e.backends.map((b) => b.pod)))];
  const standInIndex = new Map(standInTargets.map((p, i) => [p, i]));
  const standIn = standInTargets.length > 0 ? pairVerdicts(snapshot, [STAND_IN_CONTROLLER], standInTargets.map((p) => snapshot.pods[p]), opts) : undefined;

  // A pod that is not running with an IP gets no traffic now; the verdict is for when it does.
  const idle = (i: number) => (isActivePod(snapshot.pods[i]) ? [] : [`${podName(i)} is ${snapshot.pods[i].phase}${snapshot.pods[i].podIPs.length === 0 ? ' without an IP' : ''}: the path opens when it runs`]);

  const l4Path = (e: EntryPoint, b: BackendTarget): InternetPath => {
    const g = look.groupOf(snapshot.pods[b.pod]);
    const assumptions: string[] = [...idle(b.pod)];
    if (e.kind !== 'HostNetwork' && e.kind !== 'PolicyRule') assumptions.push('the client address reaches the pod’s policies (externalTrafficPolicy Local keeps it; kube-proxy may replace it by a node address otherwise)');
    const edge: Hop = e.internal
      ? { from: 'internet', to: e.id, verdict: 'internal', allowed: NO_PORTS, reason: `an internal load balancer (${e.internal}): reachable from the provider's private network only` }
      : {
          from: 'internet',
          to: e.id,
          verdict: 'allowed',
          allowed: b.ports,
          reason: e.sourceRangesFrom === 'none' ? 'no source range restricts it: every address' : `source ranges ${e.sourceRanges.join(', ')} (${e.sourceRangesFrom === 'spec' ? 'loadBalancerSourceRanges' : 'annotation service.beta.kubernetes.io/load-balancer-source-ranges'})`,
        };
    if (g === undefined) return closedPath(b, [edge], 'the pod is left out of this reading (not running)', wl(b.pod));
    const usable = isEmptyPorts(b.ports) ? [] : look.fromRanges(e.sourceRanges, g, b.ports);
    const allowed = unionOf(usable);
    const policy: Hop = {
      from: e.kind === 'PolicyRule' ? 'internet' : e.id,
      to: podName(b.pod),
      verdict: isEmptyPorts(b.ports) ? 'denied' : isEmptyPorts(allowed) ? 'denied' : 'allowed',
      allowed,
      reason: isEmptyPorts(b.ports) ? `the Service port does not resolve on this pod (${b.via})` : isEmptyPorts(allowed) ? `its ingress policies admit none of ${formatPorts(b.ports)} from ${e.sourceRanges.join(', ')}` : `its ingress policies admit ${formatPorts(allowed)} from ${usable.length} range${usable.length === 1 ? '' : 's'} of ${e.sourceRanges.join(', ')}`,
    };
    const hops = [edge, policy];
    const verdict: PathVerdict = e.internal ? 'internal' : policy.verdict === 'allowed' ? 'open' : 'closed';
    return { pod: b.pod, workload: wl(b.pod), via: b.via, ports: b.ports, hops, open: verdict === 'open' ? allowed : NO_PORTS, usableFrom: verdict === 'open' ? usable : [], verdict, assumptions };
  };

  const l7Path = (e: EntryPoint, b: BackendTarget): InternetPath => {
    const ctl = e.controller as ControllerReading;
    const assumptions: string[] = [...idle(b.pod)];
    let edge: Hop;
    let toBackend: PortSet;
    let controllerName: string;
    let usable: UsableRange[] = [];
    if (ctl.reading === 'stand-in') {
      controllerName = 'ingress controller (stand-in)';
      assumptions.push(`the ingress controller is reachable from the internet (${ctl.why})`);
      edge = { from: 'internet', to: controllerName, verdict: 'assumed', allowed: NO_PORTS, reason: `assumed: ${ctl.why}` };
      const i = standInIndex.get(b.pod);
      toBackend = i === undefined || !standIn ? NO_PORTS : intersectPorts(standIn(0, i), b.ports);
    } else {
      controllerName = [...new Set(ctl.pods.map(wl))].join(', ');
      const groups = [...new Set(ctl.pods.flatMap((p) => look.groupOf(snapshot.pods[p]) ?? []))];
      const g = look.groupOf(snapshot.pods[b.pod]);
      toBackend = g === undefined ? NO_PORTS : intersectPorts(look.between(groups, g), b.ports);
      const front = controllerEdge(entries, ctl.pods);
      const frontOpen = front.filter((f) => !f.internal);
      if (front.length === 0) edge = { from: 'internet', to: controllerName, verdict: 'unknown', allowed: NO_PORTS, reason: 'no LoadBalancer, NodePort, externalIPs Service, hostPort or host network exposes the controller pods in the snapshot (a cloud load balancer outside Kubernetes may)' };
      else if (frontOpen.length === 0) edge = { from: 'internet', to: controllerName, verdict: 'internal', allowed: NO_PORTS, reason: `the controller is exposed by internal load balancers only (${front.map((f) => f.id).join(', ')})` };
      else {
        // What the internet reaches of the controller pods through their own entry points.
        const reach = frontOpen.flatMap((f) =>
          f.backends.flatMap((fb) => {
            const fg = look.groupOf(snapshot.pods[fb.pod]);
            return fg === undefined ? [] : look.fromRanges(f.sourceRanges, fg, fb.ports);
          }),
        );
        usable = reach;
        edge = isEmptyPorts(unionOf(reach))
          ? { from: 'internet', to: controllerName, verdict: 'denied', allowed: NO_PORTS, reason: `the controller pods' policies admit nothing from the internet through ${frontOpen.map((f) => f.id).join(', ')}` }
          : { from: 'internet', to: controllerName, verdict: 'allowed', allowed: unionOf(reach), reason: `through ${frontOpen.map((f) => f.id).join(', ')} (${ctl.foundBy})` };
      }
    }
    const hop: Hop = {
      from: controllerName,
      to: podName(b.pod),
      verdict: isEmptyPorts(toBackend) ? 'denied' : 'allowed',
      allowed: toBackend,
      reason: isEmptyPorts(b.ports)
        ? `the Service port does not resolve on this pod (${b.via})`
        : isEmptyPorts(toBackend)
          ? `the policies let none of ${formatPorts(b.ports)} through from ${ctl.reading === 'stand-in' ? 'a controller without labels in a namespace of its own' : controllerName} (the controller's egress or the pod's ingress denies it)`
          : `allowed ${formatPorts(toBackend)} (${ctl.reading === 'stand-in' ? 'stand-in reading' : 'the controller pods, real policies'})`,
    };
    const hops = [edge, hop];
    const verdict: PathVerdict = hops.some((h) => h.verdict === 'denied') ? 'closed' : edge.verdict === 'internal' ? 'internal' : edge.verdict === 'unknown' ? 'unknown' : 'open';
    return { pod: b.pod, workload: wl(b.pod), via: b.via, ports: b.ports, hops, open: verdict === 'open' ? toBackend : NO_PORTS, usableFrom: verdict === 'open' ? usable : [], verdict, assumptions };
  };

  return entries.map((entry) => {
    const l7 = entry.kind === 'Ingress' || entry.kind === 'Route' || entry.kind === 'Gateway';
    const paths = entry.backends.map((b) => (l7 ? l7Path(entry, b) : l4Path(entry, b)));
    const openWorkloads = [...new Set(paths.filter((p) => p.verdict === 'open').map((p) => p.workload))].sort();
    let verdict: EntryVerdict;
    if (paths.length === 0) verdict = 'no-backends';
    else if (paths.every((p) => p.verdict === 'internal')) verdict = 'internal';
    else if (openWorkloads.length > 0) verdict = 'open';
    else if (paths.some((p) => p.verdict === 'unknown')) verdict = 'unknown';
    else verdict = 'closed';
    const reason = verdictReason(verdict, entry, paths);
    return { entry, paths, verdict, openWorkloads, reason };
  });
}

function closedPath(b: BackendTarget, hops: Hop[], why: string, workload: string): InternetPath {
  return { pod: b.pod, workload, via: b.via, ports: b.ports, hops: [...hops, { from: hops[hops.length - 1]?.to ?? 'internet', to: workload, verdict: 'denied', allowed: NO_PORTS, reason: why }], open: NO_PORTS, usableFrom: [], verdict: 'closed', assumptions: [] };
}

function verdictReason(v: EntryVerdict, e: EntryPoint, paths: readonly InternetPath[]): string {
  switch (v) {
    case 'no-backends':
      return e.notes[0] ?? 'it routes to no pod';
    case 'internal':
      return e.internal ? `internal load balancer (${e.internal})` : 'reachable from a private network only';
    case 'open': {
      const ws = [...new Set(paths.filter((p) => p.verdict === 'open').map((p) => p.workload))];
      return `reaches ${ws.slice(0, 3).join(', ')}${ws.length > 3 ? ` and ${ws.length - 3} more` : ''} from the internet`;
    }
    case 'unknown':
      return paths.find((p) => p.verdict === 'unknown')?.hops.find((h) => h.verdict === 'unknown')?.reason ?? 'a hop is not in the snapshot';
    case 'closed': {
      const hop = paths.flatMap((p) => p.hops).find((h) => h.verdict === 'denied');
      return `exposed on paper, closed in fact: ${hop?.reason ?? 'every path is denied'}`;
    }
    case 'policy-only':
      return 'a policy admits the internet to these pods; whether traffic arrives depends on an entry point';
  }
}
