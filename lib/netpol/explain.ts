import type { AdminAction, ContainerPort, PolicyType, Protocol } from '../model';
import { rulePortSet, type CompiledPeer, type CompiledRule, type CompiledSnapshot } from './compile';
import { adminPortSet, type AdminTier, type CompiledAdminPeer, type CompiledAdminRule } from './compileAdmin';
import { rangeHas } from './ipRange';
import { ALL_PORTS, formatPorts, intersectPorts, isEmptyPorts, NO_PORTS, portsContain, subtractPorts, unionPorts, type PortSet } from './portSet';
import { resolveEndpoint, type ResolvedEndpoint } from './resolveEndpoint';

/** What to explain: `from`/`to` are `ns/name`, `ns/Kind/name` or an IP; `port` a number or a named port. */
export interface ExplainQuery {
  readonly from: string;
  readonly to: string;
  readonly port?: number | string;
  /** Defaults to TCP for a numeric port, and to the destination's definition for a named one. */
  readonly protocol?: Protocol;
}

/** A rule that allows (part of) the connection. */
export interface RuleHit {
  /** `namespace/name` of the policy. */
  readonly policy: string;
  readonly direction: PolicyType;
  readonly ruleIndex: number;
  /** The peer that matched; absent when the rule lists no peers (it matches every peer). */
  readonly peerIndex?: number;
  /** The port entry that matched the asked port; absent when the rule lists no ports or no port was asked. */
  readonly portIndex?: number;
  /** What the rule allows toward this destination. */
  readonly allows: PortSet;
}

/** An admin rule (AdminNetworkPolicy or BaselineAdminNetworkPolicy) that decided part of one side. */
export interface AdminHit {
  readonly tier: AdminTier;
  readonly policy: string;
  /** AdminNetworkPolicies only. */
  readonly priority?: number;
  readonly direction: PolicyType;
  /** 0-based; sentences say `rule #ruleIndex+1`. */
  readonly ruleIndex: number;
  readonly ruleName: string;
  readonly action: AdminAction;
  /** The 0-based peer that matched the other endpoint. */
  readonly peerIndex: number;
  /** What this rule decided: the ports it matches that no earlier rule had decided. */
  readonly decides: PortSet;
}

/** Which tier decided a side (for an asked port, that port; otherwise the tier that decided what is allowed). */
export type DecidingTier = 'AdminNetworkPolicy' | 'NetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'none';

/** The verdict of one side: the source's egress or the destination's ingress. */
export interface SideExplanation {
  readonly direction: PolicyType;
  /** Some policy with this direction in its policyTypes selects the pod. */
  readonly isolated: boolean;
  /** `namespace/name` of the policies that select the pod for this direction. */
  readonly policies: readonly string[];
  /** Everything this side allows between the two endpoints. */
  readonly allowed: PortSet;
  readonly verdict: 'allowed' | 'denied';
  /** NetworkPolicy rules whose peers match the other endpoint (and, when a port is asked, allow it). */
  readonly hits: readonly RuleHit[];
  /** Admin rules that decided part of this side, in evaluation order (empty when none applies). */
  readonly adminHits: readonly AdminHit[];
  /** The tier that decided: `none` = nothing restricts this side. */
  readonly decidedBy: DecidingTier;
  /** One sentence. */
  readonly reason: string;
}

/** Why a connection is allowed or denied, as data and as a sentence. */
export interface Explanation {
  readonly from: string;
  readonly to: string;
  readonly port?: number;
  readonly protocol?: Protocol;
  /** The asked port name, when a named port was resolved (or failed to resolve) on the destination. */
  readonly portName?: string;
  readonly verdict: 'allowed' | 'denied';
  /** What is allowed in both directions (the intersection of the two sides). */
  readonly allowed: PortSet;
  readonly egress: SideExplanation;
  readonly ingress: SideExplanation;
  /** Caveats: a workload whose pods differ, inactive pods, host-network pods, a named port that does not resolve. */
  readonly notes: readonly string[];
  readonly sentence: string;
}

/** An explanation, or why the question cannot be answered (an unknown endpoint). */
export type ExplainResult = { readonly ok: true; readonly explanation: Explanation } | { readonly ok: false; readonly message: string };

/** The subject of one side: a pod class (with its named ports), or an external address. */
type Side =
  | { readonly kind: 'pod'; readonly label: string; readonly classId: number; readonly namedPorts: readonly ContainerPort[] }
  | { readonly kind: 'external'; readonly label: string; readonly endpoint: Extract<ResolvedEndpoint, { kind: 'external' }> };

function peerMatches(c: CompiledSnapshot, peer: CompiledPeer, other: Side): boolean {
  if (peer.kind === 'pods') return other.kind === 'pod' && c.classPeers[other.classId].includes(peer.id);
  // ipBlocks match external addresses only (pod IPs are not matched; see the ipblock warning).
  return other.kind === 'external' && peer.addresses.some((r) => rangeHas(r, other.endpoint.family, other.endpoint.address));
}

const list = (xs: readonly string[]) => xs.join(', ');

function describeNetworkPolicySide(
  c: CompiledSnapshot,
  direction: PolicyType,
  self: Side,
  other: Side,
  dstPorts: readonly ContainerPort[] | null,
  asked: { port: number; protocol: Protocol } | undefined,
): Omit<SideExplanation, 'adminHits' | 'decidedBy'> {
  const dir = direction.toLowerCase();
  const role = direction === 'Egress' ? 'source' : 'destination';
  if (self.kind === 'external') {
    return { direction, isolated: false, policies: [], allowed: ALL_PORTS, verdict: 'allowed', hits: [], reason: `the ${role} ${self.label} is an external address, which NetworkPolicy ${dir} does not restrict` };
  }
  const cls = c.classes[self.classId];
  const ids = direction === 'Egress' ? c.classEgressPolicies[self.classId] : c.classIngressPolicies[self.classId];
  if (ids.length === 0) {
    const why = cls.hostNetwork ? 'it runs in the host network, which no policy selects' : `no NetworkPolicy with ${direction} in its policyTypes selects it`;
    return { direction, isolated: false, policies: [], allowed: ALL_PORTS, verdict: 'allowed', hits: [], reason: `${self.label} is not isolated for ${dir} (${why}), so ${dir} allows everything` };
  }
  const policies = ids.map((id) => c.policies[id].key);
  let allowed = NO_PORTS;
  const matched: { rule: CompiledRule; policy: string; peerIndex?: number; allows: PortSet }[] = [];
  for (const id of ids) {
    const cp = c.policies[id];
    for (const rule of direction === 'Egress' ? cp.egress : cp.ingress) {
      const peer = rule.peers.length === 0 ? undefined : rule.peers.find((p) => peerMatches(c, p, other));
      if (rule.peers.length > 0 && !peer) continue;
      const allows = rulePortSet(rule.ports, dstPorts);
      matched.push({ rule, policy: cp.key, peerIndex: peer?.index, allows });
      allowed = unionPorts(allowed, allows);
    }
  }
  const isolatedBy = `${self.label} is isolated for ${dir} by ${list(policies)}`;
  if (matched.length === 0) {
    return { direction, isolated: true, policies, allowed, verdict: 'denied', hits: [], reason: `${isolatedBy}; no rule of ${ids.length === 1 ? 'it' : 'them'} matches ${other.label}` };
  }
  const hitOf = (m: (typeof matched)[number], portIndex?: number): RuleHit => ({ policy: m.policy, direction, ruleIndex: m.rule.index, peerIndex: m.peerIndex, portIndex, allows: m.allows });
  // Numbered from 1 for people (RuleHit's indices stay 0-based).
  const where = (h: RuleHit) => `${h.policy} ${dir} rule #${h.ruleIndex + 1}${h.peerIndex === undefined ? ' (any peer)' : ` peer #${h.peerIndex + 1}`}${h.portIndex === undefined ? '' : ` port entry #${h.portIndex + 1}`}`;
  if (!asked) {
    const hits = matched.filter((m) => !isEmptyPorts(m.allows)).map((m) => hitOf(m));
    if (hits.length === 0) {
      return { direction, isolated: true, policies, allowed, verdict: 'denied', hits, reason: `${isolatedBy}; the rules of ${list([...new Set(matched.map((m) => m.policy))])} that match ${other.label} allow no port on it${dstPorts ? '' : ' (a named port never matches an external address)'}` };
    }
    return { direction, isolated: true, policies, allowed, verdict: 'allowed', hits, reason: `${isolatedBy}; ${hits.map(where).join(', ')} allow${hits.length === 1 ? 's' : ''} ${formatPorts(allowed)}` };
  }
  const hits: RuleHit[] = [];
  for (const m of matched) {
    if (!portsContain(m.allows, asked.protocol, asked.port)) continue;
    const idx = m.rule.ports.findIndex((p) => portsContain(rulePortSet([p], dstPorts), asked.protocol, asked.port));
    hits.push(hitOf(m, idx < 0 ? undefined : idx));
  }
  if (hits.length > 0) return { direction, isolated: true, policies, allowed, verdict: 'allowed', hits, reason: `${isolatedBy}; ${asked.protocol} ${asked.port} is allowed by ${hits.map(where).join(', ')}` };
  const ruleOwners = [...new Set(matched.map((m) => m.policy))];
  const allows = isEmptyPorts(allowed) ? 'nothing' : formatPorts(allowed);
  return {
    direction,
    isolated: true,
    policies,
    allowed,
    verdict: 'denied',
    hits,
    reason: `${isolatedBy}; no rule of ${list(ruleOwners)} matches ${asked.protocol} port ${asked.port}: ${ruleOwners.length === 1 ? 'it allows' : 'they allow'} ${allows}`,
  };
}

function adminPeerMatches(c: CompiledSnapshot, peer: CompiledAdminPeer, other: Side): boolean {
  switch (peer.kind) {
    case 'pods':
      return other.kind === 'pod' && c.classPeers[other.classId].includes(peer.id);
    case 'networks':
      if (other.kind === 'pod') return c.classPeers[other.classId].includes(peer.podPeerId);
      return peer.addresses.some((r) => rangeHas(r, other.endpoint.family, other.endpoint.address));
    case 'nodes':
      return false;
  }
}

/** `AdminNetworkPolicy cluster-guardrails rule #2 (priority 10)`, `BaselineAdminNetworkPolicy default rule #1`. */
export function adminRuleLabel(h: Pick<AdminHit, 'tier' | 'policy' | 'ruleIndex' | 'priority'>): string {
  return `${h.tier} ${h.policy} rule #${h.ruleIndex + 1}${h.priority === undefined ? '' : ` (priority ${h.priority})`}`;
}

const verb = (a: AdminAction) => (a === 'Allow' ? 'allowed' : a === 'Deny' ? 'denied' : 'passed');

/**
 * One side through the tiers (network-policy-api precedence): the first matching ANP rule decides each port (Allow,
 * Deny, or Pass to NetworkPolicies); what no ANP decided goes to NetworkPolicies when they isolate the pod, else to
 * the BANP's first matching rule, else it is allowed.
 */
function describeSide(
  c: CompiledSnapshot,
  direction: PolicyType,
  self: Side,
  other: Side,
  dstPorts: readonly ContainerPort[] | null,
  asked: { port: number; protocol: Protocol } | undefined,
): SideExplanation {
  const np = describeNetworkPolicySide(c, direction, self, other, dstPorts, asked);
  const ids = self.kind === 'pod' ? (direction === 'Egress' ? c.classEgressAdmin : c.classIngressAdmin)[self.classId] : [];
  if (ids.length === 0) return { ...np, adminHits: [], decidedBy: np.isolated ? 'NetworkPolicy' : 'none' };
  const dir = direction.toLowerCase();
  const hits: AdminHit[] = [];
  const walk = (rule: CompiledAdminRule, open: PortSet): PortSet => {
    const peer = rule.peers.find((p) => adminPeerMatches(c, p, other));
    if (!peer) return NO_PORTS;
    const decides = intersectPorts(adminPortSet(rule.ports, dstPorts), open);
    if (isEmptyPorts(decides)) return NO_PORTS;
    const cp = c.adminPolicies[rule.policyId];
    hits.push({ tier: rule.tier, policy: cp.name, ...(cp.priority === undefined ? {} : { priority: cp.priority }), direction, ruleIndex: rule.index, ruleName: rule.name, action: rule.action, peerIndex: peer.index, decides });
    return decides;
  };
  const rulesOf = (tier: AdminTier) => ids.filter((id) => c.adminPolicies[id].tier === tier).flatMap((id) => (direction === 'Egress' ? c.adminPolicies[id].egress : c.adminPolicies[id].ingress));
  let undecided = ALL_PORTS;
  let allowed = NO_PORTS;
  for (const rule of rulesOf('AdminNetworkPolicy')) {
    if (isEmptyPorts(undecided)) break;
    const d = walk(rule, undecided);
    undecided = subtractPorts(undecided, d);
    if (rule.action === 'Allow') allowed = unionPorts(allowed, d);
  }
  const anpHits = hits.length;
  const passed = hits.filter((h) => h.action === 'Pass').reduce((a, h) => unionPorts(a, h.decides), NO_PORTS);
  let rest = unionPorts(undecided, passed);
  if (np.isolated) allowed = unionPorts(allowed, intersectPorts(rest, np.allowed));
  else {
    for (const rule of rulesOf('BaselineAdminNetworkPolicy')) {
      if (isEmptyPorts(rest)) break;
      const d = walk(rule, rest);
      rest = subtractPorts(rest, d);
      if (rule.action === 'Allow') allowed = unionPorts(allowed, d);
    }
    allowed = unionPorts(allowed, rest);
  }
  const notIsolated = `the ${direction === 'Egress' ? 'source' : 'destination'} ${self.label} is not isolated for ${dir} by any NetworkPolicy`;
  const phrase = (h: AdminHit): string =>
    h.tier === 'BaselineAdminNetworkPolicy'
      ? `${verb(h.action)} by ${adminRuleLabel(h)} (${notIsolated})`
      : h.action === 'Pass'
        ? `passed by ${adminRuleLabel(h)} to NetworkPolicies`
        : `${verb(h.action)} by ${adminRuleLabel(h)} before NetworkPolicies were consulted`;
  if (asked) {
    const hit = hits.find((h) => portsContain(h.decides, asked.protocol, asked.port));
    const ok = portsContain(allowed, asked.protocol, asked.port);
    const verdict = ok ? 'allowed' : 'denied';
    const port = `${asked.protocol} ${asked.port}`;
    let reason: string;
    let decidedBy: DecidingTier;
    if (hit && hit.tier === 'AdminNetworkPolicy' && hit.action !== 'Pass') {
      reason = `${port} is ${phrase(hit)}`;
      decidedBy = 'AdminNetworkPolicy';
    } else if (hit && hit.tier === 'BaselineAdminNetworkPolicy') {
      reason = `${port} is ${phrase(hit)}`;
      decidedBy = 'BaselineAdminNetworkPolicy';
    } else {
      const prefix = hit ? `${port} is ${phrase(hit)}; ` : `no AdminNetworkPolicy rule matches ${port}; `;
      reason = np.isolated ? `${prefix}${np.reason}` : `${prefix}${notIsolated} and no BaselineAdminNetworkPolicy rule matches, so it is allowed`;
      decidedBy = np.isolated ? 'NetworkPolicy' : 'none';
    }
    return { ...np, allowed, verdict, hits: np.isolated && (!hit || hit.action === 'Pass') ? np.hits : [], adminHits: hits, decidedBy, reason };
  }
  const parts = hits.map((h) => `${formatPorts(h.decides)} ${phrase(h)}`);
  const npShare = np.isolated ? intersectPorts(rest, np.allowed) : rest;
  if (np.isolated && !isEmptyPorts(rest)) parts.push(`${formatPorts(rest)} went to NetworkPolicies: ${np.reason}`);
  else if (!np.isolated && !isEmptyPorts(rest)) parts.push(`${formatPorts(rest)} is allowed: no BaselineAdminNetworkPolicy rule matches it (${notIsolated})`);
  const decidedBy: DecidingTier = anpHits > 0 && hits.slice(0, anpHits).every((h) => h.action !== 'Pass') && isEmptyPorts(undecided) ? 'AdminNetworkPolicy' : np.isolated ? 'NetworkPolicy' : hits.length > anpHits ? 'BaselineAdminNetworkPolicy' : anpHits > 0 ? 'AdminNetworkPolicy' : 'none';
  return {
    ...np,
    allowed,
    verdict: isEmptyPorts(allowed) ? 'denied' : 'allowed',
    hits: isEmptyPorts(npShare) ? [] : np.hits,
    adminHits: hits,
    decidedBy,
    reason: `${self.label} ${dir}: ${parts.join('; ')}`,
  };
}

function sideOf(c: CompiledSnapshot, e: ResolvedEndpoint, notes: string[]): Side {
  if (e.kind === 'external') return { kind: 'external', label: e.label, endpoint: e };
  const first = c.pods[e.pods[0]];
  const classes = new Set(e.pods.map((i) => c.pods[i].classId));
  if (classes.size > 1) notes.push(`the pods of ${e.label} differ in labels or named ports; explained for pod ${first.pod.namespace}/${first.pod.name}`);
  if (!first.active) notes.push(`${first.pod.namespace}/${first.pod.name} is ${first.pod.phase}${first.pod.podIPs.length === 0 ? ' without an IP' : ''}: it carries no live traffic`);
  if (first.pod.hostNetwork && c.options.hostNetwork === 'as-pod') notes.push(`${first.pod.namespace}/${first.pod.name} runs in the host network; it is analysed like a pod, but most CNIs do not enforce policies on it`);
  return { kind: 'pod', label: e.label, classId: first.classId, namedPorts: c.classes[first.classId].namedPorts };
}

/**
 * Explains the connection from one endpoint to another: each side's isolation, the policies that select it, the rule
 * (policy, direction, rule, peer, port entry) that allows it, or the precise reason it is denied.
 */
export function explain(c: CompiledSnapshot, query: ExplainQuery): ExplainResult {
  const from = resolveEndpoint(c, query.from);
  if (!from.ok) return { ok: false, message: `--from: ${from.message}` };
  const to = resolveEndpoint(c, query.to);
  if (!to.ok) return { ok: false, message: `--to: ${to.message}` };
  if (from.endpoint.kind === 'external' && to.endpoint.kind === 'external') return { ok: false, message: 'one of --from and --to must be a pod or workload' };
  const notes: string[] = [];
  const src = sideOf(c, from.endpoint, notes);
  const dst = sideOf(c, to.endpoint, notes);
  const dstPorts = dst.kind === 'pod' ? dst.namedPorts : null;

  let asked: { port: number; protocol: Protocol } | undefined;
  let portName: string | undefined;
  let unresolved: string | undefined;
  if (typeof query.port === 'number') asked = { port: query.port, protocol: query.protocol ?? 'TCP' };
  else if (typeof query.port === 'string') {
    portName = query.port;
    const def = dstPorts?.find((p) => p.name === query.port && (!query.protocol || p.protocol === query.protocol));
    if (def) asked = { port: def.containerPort, protocol: def.protocol };
    else unresolved = dstPorts ? `named port ${query.port} is not defined on the destination ${dst.label}` : `named port ${query.port} cannot be resolved on an external address`;
  }

  const egress = describeSide(c, 'Egress', src, dst, dstPorts, asked);
  const ingress = describeSide(c, 'Ingress', dst, src, dstPorts, asked);
  const allowed = intersectPorts(egress.allowed, ingress.allowed);
  let verdict: 'allowed' | 'denied';
  let sentence: string;
  if (unresolved) {
    verdict = 'denied';
    sentence = `denied: ${unresolved}`;
  } else if (asked) {
    verdict = egress.verdict === 'allowed' && ingress.verdict === 'allowed' ? 'allowed' : 'denied';
    const failing = [egress, ingress].filter((s) => s.verdict === 'denied');
    sentence = verdict === 'allowed' ? `allowed: ${egress.reason}; ${ingress.reason}` : `denied: ${failing.map((s) => s.reason).join('; and ')}`;
  } else {
    verdict = isEmptyPorts(allowed) ? 'denied' : 'allowed';
    const failing = [egress, ingress].filter((s) => s.verdict === 'denied');
    sentence =
      verdict === 'allowed'
        ? `allowed: ${formatPorts(allowed)} (${egress.reason}; ${ingress.reason})`
        : failing.length > 0
          ? `denied: ${failing.map((s) => s.reason).join('; and ')}`
          : `denied: egress allows ${formatPorts(egress.allowed)} but ingress allows ${formatPorts(ingress.allowed)}, which do not overlap`;
  }
  return {
    ok: true,
    explanation: { from: from.endpoint.label, to: to.endpoint.label, port: asked?.port, protocol: asked?.protocol ?? query.protocol, portName, verdict, allowed, egress, ingress, notes, sentence },
  };
}
