import type { ContainerPort, PolicyType } from '../model';
import type { CompiledRule } from './compile';
import type { CompiledAdminRule } from './compileAdmin';
import type { BehaviourGroup, Connectivity } from './connectivity';
import { applyTiers, type PortAlgebra } from './precedence';
import { listEndpoints, type Endpoint, type EndpointLevel } from './endpoints';
import {
  adminExposurePorts,
  EXPOSURE_ALL,
  EXPOSURE_NONE,
  equalExposure,
  exposurePorts,
  intersectExposure,
  isEmptyExposure,
  ruleExposurePorts,
  subtractExposure,
  unionExposure,
  type ExposurePorts,
} from './exposurePorts';
import {
  adminPeerSelectors,
  isClusterWide,
  peerMatchesRepresentative,
  RepresentativeIndex,
  representativePeers,
  type PeerSelectors,
  type RepresentativePeer,
} from './representativePeers';

// Exposure analysis (np-guard/netpol-analyzer `list --exposure`): for each workload, what the rules admit from or to
// pods that are not in the snapshot: the whole cluster, and each representative peer a rule names. The tiers apply as
// for real pods: AdminNetworkPolicies first (Allow/Deny final, Pass on), then NetworkPolicies where they isolate the
// pod, else the BaselineAdminNetworkPolicy, else allowed. A representative peer is never selected by a
// NetworkPolicy (np-guard netpol.go Selects: "ignoring policies which select representative peers") but is selected
// by an admin policy whose subject fully matches it (adminnetpol.go subjectSelectsPeer).

/** Who a workload is exposed to. */
export type ExposurePeer =
  | { readonly kind: 'entire-cluster' }
  | { readonly kind: 'representative'; readonly peer: RepresentativePeer }
  | { readonly kind: 'external'; readonly name: string; readonly range: Extract<Endpoint, { kind: 'external' }>['range'] };

/** One exposure: the peer and what the policies allow with it in that direction. */
export interface ExposureEntry {
  readonly peer: ExposurePeer;
  readonly ports: ExposurePorts;
}

/** A workload's exposure in one direction (`Egress`: what it may send to; `Ingress`: what it may receive from). */
export interface DirectionExposure {
  readonly direction: PolicyType;
  /** Some NetworkPolicy, AdminNetworkPolicy or the BaselineAdminNetworkPolicy selects it for this direction. */
  readonly protected: boolean;
  /**
   * Not protected: one `entire-cluster` entry with every connection. Protected: the `entire-cluster` entry when the
   * rules admit the whole cluster, and every representative peer whose connections differ from it. External ranges
   * follow, as in the connectivity list.
   */
  readonly entries: readonly ExposureEntry[];
}

export interface EndpointExposure {
  readonly endpoint: Exclude<Endpoint, { kind: 'external' }>;
  readonly egress: DirectionExposure;
  readonly ingress: DirectionExposure;
}

/** The exposure analysis of a connectivity: the representative peers and every exposed workload (or pod). */
export interface Exposure {
  readonly representatives: readonly RepresentativePeer[];
  /** Sorted by endpoint name; only endpoints with some exposure (np-guard leaves out fully guarded ones). */
  readonly endpoints: readonly EndpointExposure[];
}

export interface ExposureOptions {
  readonly level?: EndpointLevel;
  readonly activeOnly?: boolean;
}

/** The other end of a side's connections: the whole cluster, or a representative peer. */
type Target = { readonly kind: 'entire-cluster' } | { readonly kind: 'representative'; readonly peer: RepresentativePeer };
const ENTIRE: Target = { kind: 'entire-cluster' };

/** Which targets each rule's peers match, computed once per rule. */
class RuleMatcher {
  private readonly np = new Map<CompiledRule, { clusterWide: boolean; reps: Set<number> }>();
  private readonly admin = new Map<CompiledAdminRule, { clusterWide: boolean; reps: Set<number> }>();

  constructor(private readonly index: RepresentativeIndex) {}

  /** The representative peers that non-cluster-wide peers name (a cluster-wide one matches every target anyway). */
  private named(sels: readonly PeerSelectors[]): Set<number> {
    return new Set(sels.filter((s) => !isClusterWide(s)).flatMap((s) => this.index.matching(s).map((r) => r.id)));
  }

  policyRule(rule: CompiledRule, policyNamespace: string): { clusterWide: boolean; reps: Set<number> } {
    let m = this.np.get(rule);
    if (!m) {
      const sels = rule.peers.flatMap((p) => (p.kind === 'pods' ? [{ namespace: policyNamespace, namespaceSelector: p.namespaceSelector, podSelector: p.podSelector }] : []));
      m = { clusterWide: rule.peers.length === 0 || sels.some(isClusterWide), reps: this.named(sels) };
      this.np.set(rule, m);
    }
    return m;
  }

  adminRule(rule: CompiledAdminRule): { clusterWide: boolean; reps: Set<number> } {
    let m = this.admin.get(rule);
    if (!m) {
      const sels = rule.peers.flatMap((p) => adminPeerSelectors(p.peer) ?? []);
      m = { clusterWide: sels.some(isClusterWide), reps: this.named(sels) };
      this.admin.set(rule, m);
    }
    return m;
  }
}

const matches = (m: { clusterWide: boolean; reps: Set<number> }, t: Target) => m.clusterWide || (t.kind === 'representative' && m.reps.has(t.peer.id));

/** One side's rules: the admin rules of the policies selecting it (evaluation order) and, if any, its NetworkPolicies. */
interface SideRules {
  readonly admin: readonly CompiledAdminRule[];
  readonly npIsolated: boolean;
  readonly np: readonly { readonly rule: CompiledRule; readonly namespace: string }[];
}

/** Exposure ports as precedence's port algebra. */
const EXPOSURE_ALGEBRA: PortAlgebra<ExposurePorts> = {
  none: EXPOSURE_NONE,
  all: EXPOSURE_ALL,
  union: unionExposure,
  intersect: intersectExposure,
  subtract: subtractExposure,
  isEmpty: isEmptyExposure,
};

/**
 * One side toward a target through the tiers (lib/netpol/precedence; np-guard check.go allAllowedXgressConnections
 * agrees): the admin rules whose peers match the target, then the NetworkPolicy rules that do where they isolate.
 */
function tiered(
  side: SideRules,
  adminMatch: (r: CompiledAdminRule) => boolean,
  adminPorts: (r: CompiledAdminRule) => ExposurePorts,
  npMatch: (r: CompiledRule, ns: string) => boolean,
  npPorts: (r: CompiledRule) => ExposurePorts,
): ExposurePorts {
  let np = EXPOSURE_NONE;
  if (side.npIsolated) for (const { rule, namespace } of side.np) if (npMatch(rule, namespace)) np = unionExposure(np, npPorts(rule));
  return applyTiers(EXPOSURE_ALGEBRA, side.admin, (i) => adminMatch(side.admin[i]), adminPorts, { isolated: side.npIsolated, allowed: np }).allowed;
}

/** The exposure values of one behaviour group in one direction. */
interface GroupDirection {
  readonly protected: boolean;
  readonly entire: ExposurePorts;
  /** Representative peers whose value differs from what `entire` implies, by id. */
  readonly explicit: ReadonlyMap<number, ExposurePorts>;
}

/**
 * Computes the exposure of every workload (or pod) of a connectivity: the representative peers of its snapshot's
 * policies, and per endpoint and direction the connections with the whole cluster and with each representative peer.
 */
export function analyzeExposure(conn: Connectivity, opts: ExposureOptions = {}): Exposure {
  const c = conn.compiled;
  const reps = representativePeers(c);
  const index = new RepresentativeIndex(reps);
  const matcher = new RuleMatcher(index);
  const adminMemo = new Map<string, CompiledAdminRule[]>();
  /** The rules of these admin policies for a direction, in evaluation order (ids are in that order). */
  const adminOf = (ids: readonly number[], dir: PolicyType) => {
    const key = `${dir}|${ids.join(',')}`;
    let v = adminMemo.get(key);
    if (!v) adminMemo.set(key, (v = ids.flatMap((id) => (dir === 'Ingress' ? c.adminPolicies[id].ingress : c.adminPolicies[id].egress))));
    return v;
  };

  // A representative peer's own side: the admin policies whose subject matches it, per direction (no NetworkPolicy).
  const repSubjects = (dir: PolicyType) =>
    reps.map((rep) =>
      c.adminPolicies
        .filter((a) => (dir === 'Ingress' ? a.ingress : a.egress).length > 0)
        .filter((a) => {
          const s = adminPeerSelectors(a.policy.subject);
          return s !== undefined && peerMatchesRepresentative(s, rep);
        })
        .map((a) => a.id),
    );
  const repIngressAdmin = repSubjects('Ingress');
  const repEgressAdmin = repSubjects('Egress');

  const portMemo = new Map<CompiledRule | CompiledAdminRule, Map<string, ExposurePorts>>();
  const portsToward = <R extends CompiledRule | CompiledAdminRule>(rule: R, dst: readonly ContainerPort[] | null, dstKey: string, of: (r: R) => ExposurePorts) => {
    const key = rule.hasNamedPort ? dstKey : '';
    let m = portMemo.get(rule);
    if (!m) portMemo.set(rule, (m = new Map()));
    let v = m.get(key);
    if (!v) m.set(key, (v = of(rule)));
    return v;
  };
  const npPortsToward = (dst: readonly ContainerPort[] | null, dstKey: string) => (r: CompiledRule) => portsToward(r, dst, dstKey, (x) => ruleExposurePorts(x.ports, dst));
  const adminPortsToward = (dst: readonly ContainerPort[] | null, dstKey: string) => (r: CompiledAdminRule) => portsToward(r, dst, dstKey, (x) => adminExposurePorts(x.ports, dst));
  const ABSTRACT = '\u0000abstract';

  // Representative peers that an admin policy selects, per direction of their own side (the others' side is open).
  const restrictedFor = (repAdmin: readonly (readonly number[])[]) => reps.filter((r) => repAdmin[r.id].length > 0);
  const restricted = { Ingress: restrictedFor(repIngressAdmin), Egress: restrictedFor(repEgressAdmin) };

  /**
   * This side's values: with the whole cluster, and with each representative peer a non-cluster-wide rule of it names
   * (any other peer meets exactly the rules the whole cluster meets). They depend only on the side's policies and,
   * for ingress, on the named ports it resolves, so groups sharing those share them.
   */
  const sideValues = (g: BehaviourGroup, dir: PolicyType, dst: readonly ContainerPort[] | null, dstKey: string) => {
    const policyIds = dir === 'Ingress' ? g.ingressPolicies : g.egressPolicies;
    const adminIds = dir === 'Ingress' ? g.ingressAdmin : g.egressAdmin;
    const side: SideRules = {
      admin: adminOf(adminIds, dir),
      npIsolated: policyIds.length > 0,
      np: policyIds.flatMap((id) => (dir === 'Ingress' ? c.policies[id].ingress : c.policies[id].egress).map((rule) => ({ rule, namespace: c.policies[id].policy.namespace }))),
    };
    const npPorts = npPortsToward(dst, dstKey);
    const adminPorts = adminPortsToward(dst, dstKey);
    const valueFor = (t: Target) => tiered(side, (r) => matches(matcher.adminRule(r), t), adminPorts, (r, ns) => matches(matcher.policyRule(r, ns), t), npPorts);
    const candidates = new Set<number>();
    for (const { rule, namespace } of side.np) for (const id of matcher.policyRule(rule, namespace).reps) candidates.add(id);
    for (const r of side.admin) for (const id of matcher.adminRule(r).reps) candidates.add(id);
    const own = new Map<number, ExposurePorts>();
    for (const id of candidates) own.set(id, valueFor({ kind: 'representative', peer: reps[id] }));
    return { entire: valueFor(ENTIRE), own };
  };
  const sideMemo = new Map<string, ReturnType<typeof sideValues>>();
  const otherMemo = new Map<string, ExposurePorts>();

  const groupDirection = (g: BehaviourGroup, dir: PolicyType): GroupDirection => {
    const policyIds = dir === 'Ingress' ? g.ingressPolicies : g.egressPolicies;
    const adminIds = dir === 'Ingress' ? g.ingressAdmin : g.egressAdmin;
    if (policyIds.length === 0 && adminIds.length === 0) return { protected: false, entire: EXPOSURE_ALL, explicit: new Map() };
    // Egress goes to the other peer, whose ports are unknown (named ports stay names); ingress comes to this group.
    const named = g.namedPorts;
    const dstKey = dir === 'Ingress' ? named.map((p) => `${p.name}/${p.protocol}/${p.containerPort}`).join(',') : ABSTRACT;
    const dst = dir === 'Ingress' ? named : null;
    const sideKey = `${dir}|${policyIds.join(',')}|${adminIds.join(',')}|${dstKey}`;
    let values = sideMemo.get(sideKey);
    if (!values) sideMemo.set(sideKey, (values = sideValues(g, dir, dst, dstKey)));
    const { entire, own } = values;

    // The other end's own side, when an admin policy selects the representative peer: what it lets through with this
    // group (its rules' peers are matched against this group's pods).
    const groupPeers = new Set(c.classPeers[g.classes[0]]);
    const otherDir: PolicyType = dir === 'Ingress' ? 'Egress' : 'Ingress';
    const otherAdminPorts = adminPortsToward(dst, dstKey);
    const otherSide = (adminIdsOfRep: readonly number[]): ExposurePorts => {
      if (adminIdsOfRep.length === 0) return EXPOSURE_ALL;
      const rules = adminOf(adminIdsOfRep, otherDir);
      // It depends on this group only through which of those rules match it (and its named ports, for ingress).
      const hit = (r: CompiledAdminRule) => r.podPeers.some((id) => groupPeers.has(id));
      const key = `${otherDir}|${adminIdsOfRep.join(',')}|${rules.map((r) => (hit(r) ? 1 : 0)).join('')}|${dir === 'Ingress' ? dstKey : ''}`;
      let v = otherMemo.get(key);
      if (!v) otherMemo.set(key, (v = tiered({ admin: rules, npIsolated: false, np: [] }, hit, otherAdminPorts, () => false, () => EXPOSURE_NONE)));
      return v;
    };
    const repAdmin = dir === 'Ingress' ? repEgressAdmin : repIngressAdmin;
    const explicit = new Map<number, ExposurePorts>();
    const consider = (rep: RepresentativePeer) => {
      const v = intersectExposure(own.get(rep.id) ?? entire, otherSide(repAdmin[rep.id]));
      if (!equalExposure(v, entire)) explicit.set(rep.id, v);
    };
    for (const id of own.keys()) consider(reps[id]);
    for (const rep of restricted[otherDir]) if (!own.has(rep.id)) consider(rep);
    return { protected: true, entire, explicit };
  };

  const memo = new Map<string, GroupDirection>();
  const groupMemo = (g: number, dir: PolicyType) => {
    const key = `${dir}/${g}`;
    let v = memo.get(key);
    if (!v) memo.set(key, (v = groupDirection(conn.groups[g], dir)));
    return v;
  };

  const endpoints = listEndpoints(conn, opts.level ?? 'workload', { activeOnly: opts.activeOnly });
  const externals = endpoints.filter((e): e is Extract<Endpoint, { kind: 'external' }> => e.kind === 'external');
  const externalMemo = new Map<string, ExposureEntry[]>();
  const out: EndpointExposure[] = [];
  for (const e of endpoints) {
    if (e.kind === 'external') continue;
    const direction = (dir: PolicyType): { d: DirectionExposure; exposed: boolean } => {
      const parts = e.groups.map((g) => groupMemo(g, dir));
      const xkey = `${dir}/${e.groups.join(',')}`;
      let external = externalMemo.get(xkey);
      if (!external) externalMemo.set(xkey, (external = externalEntries(conn, e.groups, externals, dir)));
      if (parts.some((p) => !p.protected)) return { d: { direction: dir, protected: false, entries: [{ peer: ENTIRE, ports: EXPOSURE_ALL }, ...external] }, exposed: true };
      // A workload whose pods differ is the union of its pods (as in the connectivity list).
      const entire = parts.reduce((a, p) => unionExposure(a, p.entire), EXPOSURE_NONE);
      const entries: ExposureEntry[] = isEmptyExposure(entire) ? [] : [{ peer: ENTIRE, ports: entire }];
      const ids = [...new Set(parts.flatMap((p) => [...p.explicit.keys()]))].sort((a, b) => a - b);
      for (const id of ids) {
        const v = parts.reduce((a, p) => unionExposure(a, p.explicit.get(id) ?? p.entire), EXPOSURE_NONE);
        // np-guard connlist exposure_map.go: a peer equal to the entire-cluster exposure adds nothing; an empty one is
        // shown (`No Connections`) only as an exception carved out of an entire-cluster exposure.
        if (equalExposure(v, entire) || (isEmptyExposure(v) && isEmptyExposure(entire))) continue;
        entries.push({ peer: { kind: 'representative', peer: reps[id] }, ports: v });
      }
      return { d: { direction: dir, protected: true, entries: [...entries, ...external] }, exposed: entries.length > 0 };
    };
    const egress = direction('Egress');
    const ingress = direction('Ingress');
    if (egress.exposed || ingress.exposed) out.push({ endpoint: e, egress: egress.d, ingress: ingress.d });
  }
  return { representatives: reps, endpoints: out };
}

/**
 * The connections with external ranges in one direction, from the connectivity (np-guard repeats them in the
 * exposure sections), for an endpoint of these behaviour groups.
 */
function externalEntries(conn: Connectivity, groups: readonly number[], externals: readonly Extract<Endpoint, { kind: 'external' }>[], dir: PolicyType): ExposureEntry[] {
  const G = conn.groups.length;
  const E = conn.externalGroups.length;
  const out: ExposureEntry[] = [];
  for (const x of externals) {
    if (dir === 'Egress' ? !x.destination : !x.source) continue;
    let id = 0;
    for (const g of groups) id = conn.ports.union(id, dir === 'Egress' ? conn.toExternal[g * E + x.externalGroup] : conn.fromExternal[x.externalGroup * G + g]);
    if (id !== 0) out.push({ peer: { kind: 'external', name: x.name, range: x.range }, ports: exposurePorts(conn.ports.sets[id]) });
  }
  return out;
}
