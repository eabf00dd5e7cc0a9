import { NAMESPACE_NAME_LABEL, type AdminPeer, type AdminSubject, type LabelSelector, type Labels, type NetworkPolicyPeer, type NetworkPolicyRule, type PolicyType, type Snapshot, type SourceLocation } from '../model';
import type { CompiledSnapshot } from './compile';

// Representative peers (np-guard/netpol-analyzer exposure analysis): one stand-in per distinct (namespaceSelector,
// podSelector) pair that a policy rule names, for pods that do not exist yet but that the rule would admit.
// A representative peer is matched by a rule only when the rule's selectors equal its own, or are empty
// (representative_selectors.go SelectorsFullMatch): it stands for "a pod matching exactly what this rule names",
// not for every label set that would satisfy the selector.

/** Where a representative peer was first met (it is printed with that rule's selectors). */
export interface RepresentativeOrigin {
  readonly kind: 'NetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  /** `namespace/name` for a NetworkPolicy, the name for the cluster-scoped ones. */
  readonly policy: string;
  readonly direction: PolicyType;
  /** 0-based. */
  readonly ruleIndex: number;
  readonly peerIndex: number;
}

/** A pod that may appear in the future and that some policy rule names by selectors. */
export interface RepresentativePeer {
  readonly id: number;
  /** Equal for selectors that are equal up to key order, value order and `k In [v]` = `k=v`. */
  readonly key: string;
  /** Set when a NetworkPolicy rule has no namespaceSelector: the pod is in that policy's namespace. */
  readonly namespace?: string;
  /** Never absent: `{}` = any namespace; a namespace-less NetworkPolicy rule gives `{kubernetes.io/metadata.name: ns}`. */
  readonly namespaceSelector: LabelSelector;
  /** Absent = any pod of those namespaces. */
  readonly podSelector?: LabelSelector;
  readonly namespaceKey: string;
  readonly podKey: string;
  readonly origin: RepresentativeOrigin;
}

export function isEmptySelector(s: LabelSelector | undefined): boolean {
  return s !== undefined && Object.keys(s.matchLabels).length === 0 && s.matchExpressions.length === 0;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A canonical text of a selector's requirements, as labels.Selector.Requirements() gives them: sorted by key, values
 * sorted, a single-value `In` written as `k=v` like matchLabels (representative_selectors.go
 * handleRequirementWithInOpAndSingleValue). Absent and `{}` both give `''`.
 */
export function selectorKey(s: LabelSelector | undefined): string {
  if (!s) return '';
  const reqs: { key: string; text: string }[] = Object.entries(s.matchLabels).map(([k, v]) => ({ key: k, text: `${k}=${v}` }));
  for (const r of s.matchExpressions) {
    const values = [...r.values].sort(byteOrder).join(',');
    const text =
      r.operator === 'In' ? (r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${values})`) : r.operator === 'NotIn' ? `${r.key} notin (${values})` : r.operator === 'Exists' ? r.key : `!${r.key}`;
    reqs.push({ key: r.key, text });
  }
  return reqs
    .sort((a, b) => byteOrder(a.key, b.key) || byteOrder(a.text, b.text))
    .map((r) => r.text)
    .join('\u0000');
}

/** What a rule peer names: a namespace by name (no namespaceSelector) or by selector, and pods by selector. */
export interface PeerSelectors {
  /** The policy's namespace, used when `namespaceSelector` is absent. */
  readonly namespace?: string;
  readonly namespaceSelector?: LabelSelector;
  readonly podSelector?: LabelSelector;
}

/** Whether a rule selector "fully matches" a representative's: it is empty, or its requirements are the same. */
function fullMatch(rule: LabelSelector, repKey: string): boolean {
  return isEmptySelector(rule) || selectorKey(rule) === repKey;
}

/** Whether a rule peer matches a representative peer (np-guard netpols_common.go checkSelectorsMatchForPeer). */
export function peerMatchesRepresentative(peer: PeerSelectors, rep: RepresentativePeer): boolean {
  const nsOk = peer.namespaceSelector ? fullMatch(peer.namespaceSelector, rep.namespaceKey) : rep.namespace === peer.namespace;
  return nsOk && (!peer.podSelector || fullMatch(peer.podSelector, rep.podKey));
}

/** A peer that matches every pod of every namespace (`namespaceSelector: {}` with no or an empty podSelector). */
export function isClusterWide(peer: PeerSelectors): boolean {
  return isEmptySelector(peer.namespaceSelector) && (!peer.podSelector || isEmptySelector(peer.podSelector));
}

/** An admin peer or subject as selectors; `networks` and `nodes` name no pod, so none. */
export function adminPeerSelectors(peer: AdminPeer | AdminSubject): PeerSelectors | undefined {
  switch (peer.kind) {
    case 'namespaces':
      return { namespaceSelector: peer.namespaceSelector };
    case 'pods':
      return { namespaceSelector: peer.namespaceSelector, podSelector: peer.podSelector };
    default:
      return undefined;
  }
}

/** A NetworkPolicy pod peer as selectors (ipBlocks name no pod). */
export function policyPeerSelectors(peer: NetworkPolicyPeer, policyNamespace: string): PeerSelectors | undefined {
  if (peer.kind !== 'pods') return undefined;
  return { namespace: policyNamespace, namespaceSelector: peer.namespaceSelector, podSelector: peer.podSelector };
}

/** A NetworkPolicy rule reaches the whole cluster when it lists no peers or one cluster-wide peer. */
export function policyRuleIsClusterWide(rule: NetworkPolicyRule): boolean {
  return rule.peers.length === 0 || rule.peers.some((p) => p.kind === 'pods' && isClusterWide(p));
}

interface PolicyEntry {
  readonly origin?: SourceLocation;
  readonly visit: (add: (peer: PeerSelectors, at: Omit<RepresentativeOrigin, 'kind' | 'policy'>) => void) => void;
  readonly kind: RepresentativeOrigin['kind'];
  readonly policy: string;
}

function compareOrigins(a: SourceLocation, b: SourceLocation): number {
  // The order the manifest walk reads files in: folder entries by name, depth first.
  const as = a.file.split('/');
  const bs = b.file.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) if (as[i] !== bs[i]) return as[i].localeCompare(bs[i]);
  return as.length - bs.length || (a.documentIndex ?? 0) - (b.documentIndex ?? 0) || (a.itemIndex ?? 0) - (b.itemIndex ?? 0);
}

/** The policies whose rules name representative peers, in input order (np-guard inserts policies as it reads them). */
function policiesInInputOrder(c: CompiledSnapshot): PolicyEntry[] {
  const s: Snapshot = c.snapshot;
  const entries: PolicyEntry[] = [];
  for (const p of s.networkPolicies) {
    entries.push({
      origin: p.origin,
      kind: 'NetworkPolicy',
      policy: `${p.namespace}/${p.name}`,
      visit: (add) => {
        for (const direction of ['Ingress', 'Egress'] as const) {
          if (!p.policyTypes.includes(direction)) continue;
          (direction === 'Ingress' ? p.ingress : p.egress).forEach((rule, ruleIndex) => {
            // np-guard netpol.go getSelectorsAndUpdateExposureClusterWideConns: a rule reaching the whole cluster yields
            // no representative peer at all (its other peers are covered by the entire-cluster exposure).
            if (policyRuleIsClusterWide(rule)) return;
            rule.peers.forEach((peer, peerIndex) => {
              const sel = policyPeerSelectors(peer, p.namespace);
              if (sel) add(sel, { direction, ruleIndex, peerIndex });
            });
          });
        }
      },
    });
  }
  // Only the admin policies the engine evaluates (the BANP named `default`), in input order (compiled by priority).
  const inputRank = new Map([...s.adminNetworkPolicies, ...s.baselineAdminNetworkPolicies].map((p, i) => [p, i] as const));
  for (const a of [...c.adminPolicies].sort((x, y) => (inputRank.get(x.policy) ?? 0) - (inputRank.get(y.policy) ?? 0))) {
    entries.push({
      origin: a.policy.origin,
      kind: a.tier,
      policy: a.name,
      visit: (add) => {
        for (const direction of ['Ingress', 'Egress'] as const) {
          (direction === 'Ingress' ? a.policy.ingress : a.policy.egress).forEach((rule, ruleIndex) => {
            rule.peers.forEach((peer, peerIndex) => {
              const sel = adminPeerSelectors(peer);
              if (sel && !isClusterWide(sel)) add(sel, { direction, ruleIndex, peerIndex });
            });
          });
        }
      },
    });
  }
  if (entries.every((e) => e.origin)) entries.sort((x, y) => compareOrigins(x.origin!, y.origin!));
  return entries;
}

/**
 * The representative peers of a compiled snapshot: one per distinct selector pair of the policies' rules (the first
 * rule met gives its text), left out where a pod of the snapshot already stands for it.
 */
export function representativePeers(c: CompiledSnapshot): RepresentativePeer[] {
  const byKey = new Map<string, RepresentativePeer>();
  for (const entry of policiesInInputOrder(c)) {
    entry.visit((sel, at) => {
      // A rule without namespaceSelector names its policy's namespace (exposure.go generateRepresentativePeers).
      const namespaceSelector = sel.namespaceSelector ?? { matchLabels: { [NAMESPACE_NAME_LABEL]: sel.namespace ?? '' }, matchExpressions: [] };
      const podSelector = sel.podSelector && !isEmptySelector(sel.podSelector) ? sel.podSelector : undefined;
      const namespaceKey = selectorKey(namespaceSelector);
      const podKey = selectorKey(podSelector);
      const key = `${namespaceKey}/${podKey}`;
      if (byKey.has(key)) return;
      byKey.set(key, {
        id: byKey.size,
        key,
        ...(sel.namespaceSelector ? {} : { namespace: sel.namespace }),
        namespaceSelector,
        ...(podSelector ? { podSelector } : {}),
        namespaceKey,
        podKey,
        origin: { kind: entry.kind, policy: entry.policy, ...at },
      });
    });
  }
  const podLabelsByNamespace = new Map<string, Labels[]>();
  for (const cls of c.classes) (podLabelsByNamespace.get(cls.namespace) ?? podLabelsByNamespace.set(cls.namespace, []).get(cls.namespace)!).push(cls.labels);
  const nsLabels = (ns: string): Labels => c.namespaceLabels.get(ns) ?? { [NAMESPACE_NAME_LABEL]: ns };
  const kept = [...byKey.values()].filter((rep) => !standsForSome(rep, podLabelsByNamespace, nsLabels));
  return kept.map((rep, id) => ({ ...rep, id }));
}

const hasAll = (labels: Labels, wanted: readonly (readonly [string, string])[]) => wanted.every(([k, v]) => labels[k] === v);

/**
 * Whether a real pod already stands for a representative peer, which is then left out (exposure.go
 * removeRepresentativePeersMatchingLabels): only for matchLabels-only selectors naming some namespace labels and some
 * pod labels; a peer for "any namespace" or "all pods of a namespace" stays beside the real pods.
 */
function standsForSome(rep: RepresentativePeer, podLabelsByNamespace: ReadonlyMap<string, readonly Labels[]>, nsLabels: (ns: string) => Labels): boolean {
  const pod = rep.podSelector;
  if (!pod || pod.matchExpressions.length > 0 || rep.namespaceSelector.matchExpressions.length > 0) return false;
  const nsWanted = Object.entries(rep.namespaceSelector.matchLabels);
  const podWanted = Object.entries(pod.matchLabels);
  if (nsWanted.length === 0 || podWanted.length === 0) return false;
  const stands = (ns: string, pods: readonly Labels[]) => hasAll(nsLabels(ns), nsWanted) && pods.some((labels) => hasAll(labels, podWanted));
  // Most name their namespace (every rule without namespaceSelector does): look there only.
  const named = rep.namespaceSelector.matchLabels[NAMESPACE_NAME_LABEL];
  if (named !== undefined) return stands(named, podLabelsByNamespace.get(named) ?? []);
  for (const [ns, pods] of podLabelsByNamespace) if (stands(ns, pods)) return true;
  return false;
}

/** Lookup of representative peers by the selectors a rule peer names (so a rule is matched against few of them). */
export class RepresentativeIndex {
  private readonly byNamespace = new Map<string, RepresentativePeer[]>();
  private readonly byNamespaceKey = new Map<string, RepresentativePeer[]>();
  private readonly byPodKey = new Map<string, RepresentativePeer[]>();
  private readonly byBoth = new Map<string, RepresentativePeer[]>();

  constructor(readonly peers: readonly RepresentativePeer[]) {
    const push = (m: Map<string, RepresentativePeer[]>, k: string, r: RepresentativePeer) => (m.get(k) ?? m.set(k, []).get(k)!).push(r);
    for (const r of peers) {
      if (r.namespace !== undefined) push(this.byNamespace, r.namespace, r);
      push(this.byNamespaceKey, r.namespaceKey, r);
      push(this.byPodKey, r.podKey, r);
      push(this.byBoth, r.key, r);
    }
  }

  /** The representative peers a rule peer matches (every one for a cluster-wide peer). */
  matching(peer: PeerSelectors): readonly RepresentativePeer[] {
    const podKey = peer.podSelector && !isEmptySelector(peer.podSelector) ? selectorKey(peer.podSelector) : undefined;
    if (!peer.namespaceSelector) {
      const inNs = this.byNamespace.get(peer.namespace ?? '') ?? [];
      return podKey === undefined ? inNs : inNs.filter((r) => r.podKey === podKey);
    }
    if (isEmptySelector(peer.namespaceSelector)) return podKey === undefined ? this.peers : (this.byPodKey.get(podKey) ?? []);
    const nsKey = selectorKey(peer.namespaceSelector);
    return podKey === undefined ? (this.byNamespaceKey.get(nsKey) ?? []) : (this.byBoth.get(`${nsKey}/${podKey}`) ?? []);
  }
}

// --- How a representative peer is written (np-guard conns_formatter.go getRepresentativeNamespaceString/PodString).

/** `{k=v,...,{Key:k,Operator:In,Values:[a b],}}`: matchLabels by key, then expressions as Go prints the struct, by key. */
export function formatSelectorAsPeer(s: LabelSelector): string {
  const labels = Object.keys(s.matchLabels)
    .sort(byteOrder)
    .map((k) => `${k}=${s.matchLabels[k]}`);
  const exprs = [...s.matchExpressions].sort((a, b) => byteOrder(a.key, b.key)).map((r) => `{Key:${r.key},Operator:${r.operator},Values:[${r.values.join(' ')}],}`);
  return `{${[...labels, ...exprs].join(',')}}`;
}

/** The namespace part: a name, `[all namespaces]`, or `[namespace with {…}]`. */
export function representativeNamespaceText(rep: Pick<RepresentativePeer, 'namespaceSelector'>): string {
  const s = rep.namespaceSelector;
  const keys = Object.keys(s.matchLabels);
  if (keys.length === 1 && keys[0] === NAMESPACE_NAME_LABEL && s.matchExpressions.length === 0) return s.matchLabels[NAMESPACE_NAME_LABEL];
  return isEmptySelector(s) ? '[all namespaces]' : `[namespace with ${formatSelectorAsPeer(s)}]`;
}

/** `ns/[pod with {…}]`, `[namespace with {…}]/[all pods]`, `[all namespaces]/[pod with {…}]`, … */
export function representativePeerName(rep: Pick<RepresentativePeer, 'namespaceSelector' | 'podSelector'>): string {
  const pod = rep.podSelector && !isEmptySelector(rep.podSelector) ? `[pod with ${formatSelectorAsPeer(rep.podSelector)}]` : '[all pods]';
  return `${representativeNamespaceText(rep)}/${pod}`;
}
