import type {
  ContainerPort,
  LabelSelector,
  Labels,
  NetworkPolicy,
  NetworkPolicyPort,
  Pod,
  PolicyType,
  Snapshot,
  Warning,
} from '../model';
import { NAMESPACE_NAME_LABEL } from '../model';
import { cutAddressSpace, parseCidr, parseIp, rangeHas, rangeWithin, subtractRanges, type IpFamily, type IpRange } from './ipRange';
import { ALL_PORTS, NO_PORTS, portRangeSet, PortSetTable, unionPorts, type PortSet } from './portSet';
import { hostNetworkWarnings, ipBlockPodWarnings, policyWarning, policyWarnings } from './compileWarnings';
import { compileAdmin, type CompiledAdminPolicy } from './compileAdmin';
import { selectorMatches } from './selector';

/** How hostNetwork pods are analysed (see AnalyzeOptions.hostNetwork). */
export type HostNetworkMode = 'as-pod' | 'host';

/** How the engine treats the snapshot's pods. */
export interface AnalyzeOptions {
  /**
   * `as-pod` (default, as np-guard and the golden lists do): a hostNetwork pod is selected and matched like any pod.
   * `host`: it is selected by no policy and matched by no pod selector (Kubernetes leaves this undefined; most
   * CNIs do not enforce policies on host-network pods); it shows as a host-network endpoint.
   */
  readonly hostNetwork?: HostNetworkMode;
  /** Keep pods that are not Running or have no IP (default true; representative template pods always count). */
  readonly includeInactive?: boolean;
}

/** A pod as the engine sees it. */
export interface PodEndpoint {
  readonly index: number;
  readonly pod: Pod;
  readonly classId: number;
  /** Running with an IP, or a representative pod from a template (it stands for pods-to-be). */
  readonly active: boolean;
}

/**
 * Pods with identical namespace, labels, named ports (and host-network treatment) behave identically under every
 * policy, so the engine computes on such classes.
 */
export interface PodClass {
  readonly id: number;
  readonly namespace: string;
  readonly labels: Labels;
  readonly namedPorts: readonly ContainerPort[];
  /** Only set when hostNetwork pods are treated as host endpoints. */
  readonly hostNetwork: boolean;
  /**
   * For host-network classes: the NetworkPolicy ipBlocks (`cidr|except,…`) holding the pods' IP, which is their
   * node's. Read as their node, such pods are matched by ipBlocks alone, so they are classed by them.
   */
  readonly hostBlocks: readonly string[];
  /**
   * The admin `networks` CIDRs (canonical text) holding one of the pods' IPs: such peers match cluster-internal
   * traffic too (network-policy-api shared_types.go, Networks), so pods are classed by them.
   */
  readonly networks: readonly string[];
  readonly pods: readonly number[];
}

/**
 * A range of external addresses that every ipBlock treats the same. Sources are cut at the boundaries of ingress
 * ipBlocks and destinations at those of egress ipBlocks (the connlist convention), so a range may serve one role.
 */
export interface ExternalRange {
  readonly range: IpRange;
  /** ipBlock peer ids whose addresses contain the range. */
  readonly peers: readonly number[];
  readonly source: boolean;
  readonly destination: boolean;
}

/** A rule peer with the classes (or address ranges) it matches. */
export type CompiledPeer =
  | {
      readonly kind: 'pods';
      readonly id: number;
      readonly index: number;
      readonly podSelector?: LabelSelector;
      readonly namespaceSelector?: LabelSelector;
      readonly classes: readonly number[];
    }
  | {
      readonly kind: 'ipBlock';
      readonly id: number;
      readonly index: number;
      readonly cidr: string;
      readonly except: readonly string[];
      /** Undefined when the cidr does not parse (a warning says so); such a peer matches nothing. */
      readonly range?: IpRange;
      readonly exceptRanges: readonly IpRange[];
      /** The addresses it matches: cidr minus every except, as disjoint ranges. */
      readonly addresses: readonly IpRange[];
      /** Host-network classes whose node IP lies in `addresses` (only when they are read as their node). */
      readonly classes: readonly number[];
    };

export interface CompiledRule {
  readonly policyId: number;
  readonly direction: PolicyType;
  readonly index: number;
  readonly ports: readonly NetworkPolicyPort[];
  /** Empty = every peer, external addresses included. */
  readonly peers: readonly CompiledPeer[];
  readonly hasNamedPort: boolean;
}

export interface CompiledPolicy {
  readonly id: number;
  /** `namespace/name`. */
  readonly key: string;
  readonly policy: NetworkPolicy;
  readonly selectedClasses: readonly number[];
  readonly ingress: readonly CompiledRule[];
  readonly egress: readonly CompiledRule[];
  readonly isolatesIngress: boolean;
  readonly isolatesEgress: boolean;
}

/** A snapshot compiled for connectivity questions: classes, policies with matched peers, external cuts. */
export interface CompiledSnapshot {
  readonly snapshot: Snapshot;
  readonly options: Required<AnalyzeOptions>;
  readonly pods: readonly PodEndpoint[];
  readonly classes: readonly PodClass[];
  readonly policies: readonly CompiledPolicy[];
  /** Policy ids selecting each class with Ingress (Egress) in their types. */
  readonly classIngressPolicies: readonly (readonly number[])[];
  readonly classEgressPolicies: readonly (readonly number[])[];
  /** ANPs in evaluation order (priority, then name), then the BaselineAdminNetworkPolicy `default`. */
  readonly adminPolicies: readonly CompiledAdminPolicy[];
  /** Admin policy ids with ingress (egress) rules whose subject selects each class, in evaluation order. */
  readonly classIngressAdmin: readonly (readonly number[])[];
  readonly classEgressAdmin: readonly (readonly number[])[];
  /** Pod peer ids (NetworkPolicy and admin rules) matching each class, ascending. */
  readonly classPeers: readonly (readonly number[])[];
  readonly namespaceLabels: ReadonlyMap<string, Labels>;
  /** External address ranges, as sources and/or destinations (see `ExternalRange`). */
  readonly externalRanges: readonly ExternalRange[];
  readonly ports: PortSetTable;
  readonly warnings: readonly Warning[];
}

/** Whether a pod takes part in live traffic: Running with an IP, or a representative pod standing for pods-to-be. */
export function isActivePod(pod: Pod): boolean {
  return pod.fromTemplate || (pod.phase === 'Running' && pod.podIPs.length > 0);
}

function labelsKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}\u0000${labels[k]}`)
    .join('\u0001');
}

function namedPortsOf(pod: Pod): ContainerPort[] {
  return pod.containerPorts
    .filter((p) => p.name !== undefined && p.name !== '')
    .sort((a, b) => (a.name! < b.name! ? -1 : a.name! > b.name! ? 1 : a.containerPort - b.containerPort));
}

function namedPortsKey(ports: readonly ContainerPort[]): string {
  return ports.map((p) => `${p.name}/${p.protocol}/${p.containerPort}`).join(',');
}


/**
 * The ports a rule allows toward a destination: all when it lists none; a named port resolves on the destination's
 * container ports (name AND protocol must match) and allows nothing where undefined or toward an external address.
 */
export function rulePortSet(ports: readonly NetworkPolicyPort[], dstNamedPorts: readonly ContainerPort[] | null): PortSet {
  if (ports.length === 0) return ALL_PORTS;
  let out = NO_PORTS;
  for (const p of ports) {
    if (p.port === undefined) out = unionPorts(out, portRangeSet(p.protocol));
    else if (typeof p.port === 'number') out = unionPorts(out, portRangeSet(p.protocol, p.port, p.endPort ?? p.port));
    else if (dstNamedPorts) {
      const hit = dstNamedPorts.find((c) => c.name === p.port && c.protocol === p.protocol);
      if (hit) out = unionPorts(out, portRangeSet(p.protocol, hit.containerPort, hit.containerPort));
    }
  }
  return out;
}

interface ClassIndex {
  readonly classes: PodClass[];
  readonly byNamespace: Map<string, number[]>;
  readonly pods: PodEndpoint[];
}

/** Every distinct `networks` CIDR of the admin policies' egress rules (only these can classify pods by IP). */
function adminNetworkCidrs(snapshot: Snapshot): { cidr: string; range: IpRange }[] {
  const out = new Map<string, IpRange>();
  for (const p of [...snapshot.adminNetworkPolicies, ...snapshot.baselineAdminNetworkPolicies]) {
    for (const r of p.egress) {
      for (const peer of r.peers) {
        if (peer.kind !== 'networks') continue;
        for (const cidr of peer.cidrs) {
          const range = out.has(cidr) ? undefined : parseCidr(cidr);
          if (range) out.set(cidr, range);
        }
      }
    }
  }
  return [...out].map(([cidr, range]) => ({ cidr, range }));
}

/** `cidr|except,…`: one key per distinct ipBlock. */
function ipBlockKey(peer: { readonly cidr: string; readonly except: readonly string[] }): string {
  return `${peer.cidr}|${peer.except.join(',')}`;
}

/** Every distinct ipBlock of the NetworkPolicies, with the addresses it matches (cidr minus except). */
function networkPolicyBlocks(snapshot: Snapshot): { key: string; addresses: IpRange[] }[] {
  const out = new Map<string, IpRange[]>();
  for (const p of snapshot.networkPolicies) {
    for (const r of [...p.ingress, ...p.egress]) {
      for (const peer of r.peers) {
        if (peer.kind !== 'ipBlock' || out.has(ipBlockKey(peer))) continue;
        const range = parseCidr(peer.cidr);
        out.set(ipBlockKey(peer), range ? subtractRanges(range, peer.except.flatMap((e) => parseCidr(e) ?? [])) : []);
      }
    }
  }
  return [...out].map(([key, addresses]) => ({ key, addresses }));
}

function buildClasses(snapshot: Snapshot, options: Required<AnalyzeOptions>): ClassIndex {
  const cidrs = adminNetworkCidrs(snapshot);
  const ipsOf = (pod: Pod) => pod.podIPs.flatMap((ip) => parseIp(ip) ?? []);
  const networksOf = (pod: Pod): string[] => {
    if (cidrs.length === 0 || pod.podIPs.length === 0) return [];
    const ips = ipsOf(pod);
    return cidrs.filter((c) => ips.some((ip) => rangeHas(c.range, ip.family, ip.value))).map((c) => c.cidr);
  };
  const hostMode = options.hostNetwork === 'host' && snapshot.pods.some((p) => p.hostNetwork);
  const blocks = hostMode ? networkPolicyBlocks(snapshot) : [];
  const blocksOf = (pod: Pod): string[] => {
    const ips = ipsOf(pod);
    return blocks.filter((b) => b.addresses.some((r) => ips.some((ip) => rangeHas(r, ip.family, ip.value)))).map((b) => b.key);
  };
  const classes: PodClass[] = [];
  const members: number[][] = [];
  const byKey = new Map<string, number>();
  const byNamespace = new Map<string, number[]>();
  const pods: PodEndpoint[] = [];
  for (const pod of snapshot.pods) {
    const active = isActivePod(pod);
    if (!active && !options.includeInactive) continue;
    const host = options.hostNetwork === 'host' && pod.hostNetwork;
    const named = namedPortsOf(pod);
    const networks = networksOf(pod);
    const hostBlocks = host ? blocksOf(pod) : [];
    const key = `${pod.namespace}\u0002${labelsKey(pod.labels)}\u0002${namedPortsKey(named)}\u0002${host ? 'h' : ''}\u0002${networks.join(',')}\u0002${hostBlocks.join('\u0003')}`;
    let id = byKey.get(key);
    if (id === undefined) {
      id = classes.length;
      byKey.set(key, id);
      members.push([]);
      classes.push({ id, namespace: pod.namespace, labels: pod.labels, namedPorts: named, hostNetwork: host, hostBlocks, networks, pods: members[id] });
      const list = byNamespace.get(pod.namespace);
      if (list) list.push(id);
      else byNamespace.set(pod.namespace, [id]);
    }
    members[id].push(pods.length);
    pods.push({ index: pods.length, pod, classId: id, active });
  }
  return { classes, byNamespace, pods };
}

/** Compiles a snapshot: pod classes, which classes each policy and peer selects, and the external address cuts. */
export function compileSnapshot(snapshot: Snapshot, opts: AnalyzeOptions = {}): CompiledSnapshot {
  const options: Required<AnalyzeOptions> = { hostNetwork: opts.hostNetwork ?? 'as-pod', includeInactive: opts.includeInactive ?? true };
  const warnings: Warning[] = [];
  const { classes, byNamespace, pods } = buildClasses(snapshot, options);
  const namespaceLabels = new Map<string, Labels>();
  for (const ns of snapshot.namespaces) namespaceLabels.set(ns.name, ns.labels);
  const nsLabels = (ns: string): Labels => namespaceLabels.get(ns) ?? { [NAMESPACE_NAME_LABEL]: ns };
  const allNamespaces = [...new Set([...namespaceLabels.keys(), ...byNamespace.keys()])];

  const classIngressPolicies: number[][] = classes.map(() => []);
  const classEgressPolicies: number[][] = classes.map(() => []);
  const classPeers: number[][] = classes.map(() => []);
  const ipPeers: Extract<CompiledPeer, { kind: 'ipBlock' }>[] = [];
  const sourceBoundaries: IpRange[] = [];
  const destinationBoundaries: IpRange[] = [];
  let nextPeerId = 0;
  const policies: CompiledPolicy[] = [];

  const selectable = (cid: number) => !classes[cid].hostNetwork;
  // Read as their node, hostNetwork pods are matched by the ipBlocks holding their IP, in both directions.
  const hostClassesOfBlock = new Map<string, number[]>();
  for (const cls of classes) for (const key of cls.hostBlocks) hostClassesOfBlock.set(key, [...(hostClassesOfBlock.get(key) ?? []), cls.id]);
  // Policies repeat the same namespaceSelectors (DNS, monitoring), so each distinct one is matched once.
  const nsMemo = new Map<string, string[]>();
  const peerMemo = new Map<string, number[]>();
  const namespacesMatching = (sel: LabelSelector): string[] => {
    const key = JSON.stringify(sel);
    let hit = nsMemo.get(key);
    if (!hit) nsMemo.set(key, (hit = allNamespaces.filter((ns) => selectorMatches(sel, nsLabels(ns)))));
    return hit;
  };

  const compilePeer = (p: NetworkPolicy, direction: PolicyType, peer: NetworkPolicy['ingress'][number]['peers'][number], index: number): CompiledPeer => {
    const id = nextPeerId++;
    if (peer.kind === 'ipBlock') {
      const range = parseCidr(peer.cidr);
      if (!range) warnings.push(policyWarning(p, 'netpol-invalid-cidr', `ipBlock cidr "${peer.cidr}" of ${p.namespace}/${p.name} is not a CIDR; the peer matches nothing.`));
      const exceptRanges: IpRange[] = [];
      for (const e of peer.except) {
        const r = parseCidr(e);
        if (r) exceptRanges.push(r);
        else warnings.push(policyWarning(p, 'netpol-invalid-cidr', `ipBlock except "${e}" of ${p.namespace}/${p.name} is not a CIDR; it is ignored.`));
      }
      const addresses = range ? subtractRanges(range, exceptRanges) : [];
      const hostClasses = hostClassesOfBlock.get(ipBlockKey(peer)) ?? [];
      for (const cid of hostClasses) classPeers[cid].push(id);
      const compiled = { kind: 'ipBlock' as const, id, index, cidr: peer.cidr, except: peer.except, range, exceptRanges, addresses, classes: hostClasses };
      ipPeers.push(compiled);
      (direction === 'Ingress' ? sourceBoundaries : destinationBoundaries).push(...addresses);
      return compiled;
    }
    // podSelector alone = the policy's namespace; namespaceSelector alone = every pod of matching namespaces.
    // With a namespaceSelector the policy's own namespace plays no part, so equal peers share one answer.
    const key = `${peer.namespaceSelector ? '*' : p.namespace}|${JSON.stringify(peer.podSelector ?? null)}|${JSON.stringify(peer.namespaceSelector ?? null)}`;
    let matched = peerMemo.get(key);
    if (!matched) {
      matched = [];
      for (const ns of peer.namespaceSelector ? namespacesMatching(peer.namespaceSelector) : [p.namespace]) {
        for (const cid of byNamespace.get(ns) ?? []) {
          if (selectable(cid) && (!peer.podSelector || selectorMatches(peer.podSelector, classes[cid].labels))) matched.push(cid);
        }
      }
      peerMemo.set(key, matched);
    }
    for (const cid of matched) classPeers[cid].push(id);
    return { kind: 'pods', id, index, podSelector: peer.podSelector, namespaceSelector: peer.namespaceSelector, classes: matched };
  };

  for (const policy of snapshot.networkPolicies) {
    const id = policies.length;
    const key = `${policy.namespace}/${policy.name}`;
    const isolatesIngress = policy.policyTypes.includes('Ingress');
    const isolatesEgress = policy.policyTypes.includes('Egress');
    const selected = (byNamespace.get(policy.namespace) ?? []).filter(
      (cid) => selectable(cid) && selectorMatches(policy.podSelector, classes[cid].labels),
    );
    for (const cid of selected) {
      if (isolatesIngress) classIngressPolicies[cid].push(id);
      if (isolatesEgress) classEgressPolicies[cid].push(id);
    }
    const rules = (direction: PolicyType, list: NetworkPolicy['ingress']): CompiledRule[] =>
      list.map((r, index) => ({
        policyId: id,
        direction,
        index,
        ports: r.ports,
        peers: r.peers.map((peer, pi) => compilePeer(policy, direction, peer, pi)),
        hasNamedPort: r.ports.some((pp) => typeof pp.port === 'string'),
      }));
    const compiled: CompiledPolicy = {
      id,
      key,
      policy,
      selectedClasses: selected,
      ingress: rules('Ingress', policy.ingress),
      egress: rules('Egress', policy.egress),
      isolatesIngress,
      isolatesEgress,
    };
    policies.push(compiled);
    warnings.push(...policyWarnings(compiled, classes, snapshot));
  }

  const admin = compileAdmin({
    snapshot,
    classCount: classes.length,
    classLabels: (cid) => classes[cid].labels,
    classNetworks: (cid) => classes[cid].networks,
    selectable,
    namespacesMatching,
    classesOfNamespace: (ns) => byNamespace.get(ns) ?? [],
    selectorMatches,
    nextPeerId: () => nextPeerId++,
    // An egress `networks` CIDR is an egress ipBlock without except: it cuts destinations and matches ranges inside it.
    addNetwork: (id, cidr, range) => {
      ipPeers.push({ kind: 'ipBlock', id, index: 0, cidr, except: [], range, exceptRanges: [], addresses: [range], classes: [] });
      destinationBoundaries.push(range);
    },
    classPeers,
  });
  warnings.push(...admin.warnings);

  // External addresses (as np-guard): sources are cut at the ingress ipBlocks' boundaries, destinations at the
  // egress ones; IPv4 always, IPv6 when an ipBlock of that direction uses it.
  const cut = (boundaries: IpRange[]) => {
    const families: IpFamily[] = boundaries.some((b) => b.family === 6) ? [4, 6] : [4];
    return families.flatMap((f) => cutAddressSpace(f, boundaries));
  };
  // Many policies repeat the same ipBlock: test each distinct one once per range.
  const blocksByKey = new Map<string, { addresses: readonly IpRange[]; ids: number[] }>();
  for (const p of ipPeers) {
    const key = ipBlockKey(p);
    const b = blocksByKey.get(key);
    if (b) b.ids.push(p.id);
    else blocksByKey.set(key, { addresses: p.addresses, ids: [p.id] });
  }
  const distinctBlocks = [...blocksByKey.values()];
  const externalRanges: ExternalRange[] = [];
  const rangeIndex = new Map<string, number>();
  const addRanges = (ranges: IpRange[], role: 'source' | 'destination') => {
    for (const r of ranges) {
      const key = `${r.family}/${r.start}/${r.end}`;
      let i = rangeIndex.get(key);
      if (i === undefined) {
        i = externalRanges.length;
        rangeIndex.set(key, i);
        const peers = distinctBlocks.filter((b) => b.addresses.some((a) => rangeWithin(r, a))).flatMap((b) => b.ids).sort((x, y) => x - y);
        externalRanges.push({ range: r, peers, source: false, destination: false });
      }
      const prev = externalRanges[i];
      externalRanges[i] = { ...prev, source: prev.source || role === 'source', destination: prev.destination || role === 'destination' };
    }
  };
  addRanges(cut(sourceBoundaries), 'source');
  addRanges(cut(destinationBoundaries), 'destination');
  warnings.push(...ipBlockPodWarnings(policies, pods));
  if (options.hostNetwork === 'as-pod') warnings.push(...hostNetworkWarnings(policies, classes, pods));

  return {
    snapshot,
    options,
    pods,
    classes,
    policies,
    classIngressPolicies,
    classEgressPolicies,
    adminPolicies: admin.adminPolicies,
    classIngressAdmin: admin.classIngressAdmin,
    classEgressAdmin: admin.classEgressAdmin,
    classPeers: classPeers.map((l) => [...new Set(l)].sort((a, b) => a - b)),
    namespaceLabels,
    externalRanges,
    ports: new PortSetTable(),
    warnings,
  };
}
