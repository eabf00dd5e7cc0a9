import type { AdminAction, ContainerPort, PolicyType, Protocol } from '../model';
import { compileSnapshot, rulePortSet, type CompiledPeer, type CompiledRule, type CompiledSnapshot } from './compile';
import { adminPortSet, type AdminTier, type CompiledAdminPeer, type CompiledAdminRule } from './compileAdmin';
import { isAddress, rangeHas } from './ipRange';
import { ALL_PORTS, formatPorts, intersectPorts, isEmptyPorts, NO_PORTS, portsContain, unionPorts, type PortSet } from './portSet';
import { applyTiers, decisionFor, PORT_SETS, type DecidingRule } from './precedence';
import { withRepresentativePod } from './representativePod';
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
  /** Every NetworkPolicy rule of this side whose peers match the other endpoint, whatever its ports (what a fix edits). */
  readonly peerRules: readonly RuleHit[];
  /** Admin rules that decided part of this side, in evaluation order (empty when none applies). */
  readonly adminHits: readonly AdminHit[];
  /** The tier that decided: `none` = nothing restricts this side. */
  readonly decidedBy: DecidingTier;
  /** For an asked port decided by an admin rule (Allow, Deny, or a BANP rule after a Pass): that rule. */
  readonly deciding?: AdminHit;
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
  /** Why the asked named port cannot be resolved (the connection is then denied: a named port matches nothing there). */
  readonly portProblem?: string;
  /** Caveats: a workload whose pods differ, inactive pods, host-network pods. */
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
  // Pod peers match classes; ipBlocks match external addresses, and the node IP of host-network pods read as their
  // node (compile: PodClass.hostBlocks). Other pod IPs are not matched (see the ipblock warning).
  if (other.kind === 'pod') return c.classPeers[other.classId].includes(peer.id);
  return peer.kind === 'ipBlock' && peer.addresses.some((r) => rangeHas(r, other.endpoint.family, other.endpoint.address));
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
    return { direction, isolated: false, policies: [], allowed: ALL_PORTS, verdict: 'allowed', hits: [], peerRules: [], reason: `the ${role} ${self.label} is an external address, which NetworkPolicy ${dir} does not restrict` };
  }
  const cls = c.classes[self.classId];
  const ids = direction === 'Egress' ? c.classEgressPolicies[self.classId] : c.classIngressPolicies[self.classId];
  if (ids.length === 0) {
    const why = cls.hostNetwork ? 'it runs in the host network, which no policy selects' : `no NetworkPolicy with ${direction} in its policyTypes selects it`;
    return { direction, isolated: false, policies: [], allowed: ALL_PORTS, verdict: 'allowed', hits: [], peerRules: [], reason: `${self.label} is not isolated for ${dir} (${why}), so ${dir} allows everything` };
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
    return { direction, isolated: true, policies, allowed, verdict: 'denied', hits: [], peerRules: [], reason: `${isolatedBy}; no rule of ${ids.length === 1 ? 'it' : 'them'} matches ${other.label}` };
  }
  const hitOf = (m: (typeof matched)[number], portIndex?: number): RuleHit => ({ policy: m.policy, direction, ruleIndex: m.rule.index, peerIndex: m.peerIndex, portIndex, allows: m.allows });
  const peerRules = matched.map((m) => hitOf(m));
  // Numbered from 1 for people (RuleHit's indices stay 0-based).
  const where = (h: RuleHit) => `${h.policy} ${dir} rule #${h.ruleIndex + 1}${h.peerIndex === undefined ? ' (any peer)' : ` peer #${h.peerIndex + 1}`}${h.portIndex === undefined ? '' : ` port entry #${h.portIndex + 1}`}`;
  if (!asked) {
    const hits = matched.filter((m) => !isEmptyPorts(m.allows)).map((m) => hitOf(m));
    if (hits.length === 0) {
      return { direction, isolated: true, policies, allowed, verdict: 'denied', hits, peerRules, reason: `${isolatedBy}; the rules of ${list([...new Set(matched.map((m) => m.policy))])} that match ${other.label} allow no port on it${dstPorts ? '' : ' (a named port never matches an external address)'}` };
    }
    return { direction, isolated: true, policies, allowed, verdict: 'allowed', hits, peerRules, reason: `${isolatedBy}; ${hits.map(where).join(', ')} allow${hits.length === 1 ? 's' : ''} ${formatPorts(allowed)}` };
  }
  const hits: RuleHit[] = [];
  for (const m of matched) {
    if (!portsContain(m.allows, asked.protocol, asked.port)) continue;
    const idx = m.rule.ports.findIndex((p) => portsContain(rulePortSet([p], dstPorts), asked.protocol, asked.port));
    hits.push(hitOf(m, idx < 0 ? undefined : idx));
  }
  if (hits.length > 0) return { direction, isolated: true, policies, allowed, verdict: 'allowed', hits, peerRules, reason: `${isolatedBy}; ${asked.protocol} ${asked.port} is allowed by ${hits.map(where).join(', ')}` };
  const ruleOwners = [...new Set(matched.map((m) => m.policy))];
  const allows = isEmptyPorts(allowed) ? 'nothing' : formatPorts(allowed);
  return {
    direction,
    isolated: true,
    policies,
    allowed,
    verdict: 'denied',
    hits,
    peerRules,
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
 * One side through the tiers (lib/netpol/precedence), recording the admin rules that decide its ports; for an asked
 * port, the tier and rule that decided that port.
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
  const rules = ids.flatMap((id) => (direction === 'Egress' ? c.adminPolicies[id].egress : c.adminPolicies[id].ingress));
  const matchedPeer = new Map(rules.flatMap((rule) => rule.peers.filter((p) => adminPeerMatches(c, p, other)).slice(0, 1).map((p) => [rule, p] as const)));
  const recorded: DecidingRule<CompiledAdminRule, PortSet>[] = [];
  const hitByRule = new Map<CompiledAdminRule, AdminHit>();
  const outcome = applyTiers(PORT_SETS, rules, (i) => matchedPeer.has(rules[i]), (rule) => adminPortSet(rule.ports, dstPorts), np, (rule, decides) => {
    const cp = c.adminPolicies[rule.policyId];
    recorded.push({ rule, decides });
    hitByRule.set(rule, { tier: rule.tier, policy: cp.name, ...(cp.priority === undefined ? {} : { priority: cp.priority }), direction, ruleIndex: rule.index, ruleName: rule.name, action: rule.action, peerIndex: matchedPeer.get(rule)!.index, decides });
  });
  const hits = [...hitByRule.values()];
  const hitOf = (rule: CompiledAdminRule) => hitByRule.get(rule)!;
  const { allowed, undecided } = outcome;
  const rest = unionPorts(undecided, outcome.passed);
  const anpHits = hits.filter((h) => h.tier === 'AdminNetworkPolicy');
  const notIsolated = `the ${direction === 'Egress' ? 'source' : 'destination'} ${self.label} is not isolated for ${dir} by any NetworkPolicy`;
  const phrase = (h: AdminHit): string =>
    h.tier === 'BaselineAdminNetworkPolicy'
      ? `${verb(h.action)} by ${adminRuleLabel(h)} (${notIsolated})`
      : h.action === 'Pass'
        ? `passed by ${adminRuleLabel(h)} to NetworkPolicies`
        : `${verb(h.action)} by ${adminRuleLabel(h)} before NetworkPolicies were consulted`;
  if (asked) {
    const port = `${asked.protocol} ${asked.port}`;
    const decision = decisionFor(recorded, np.isolated, (d) => portsContain(d, asked.protocol, asked.port));
    const passed = decision.tier !== 'AdminNetworkPolicy' && decision.passedBy ? `${port} is ${phrase(hitOf(decision.passedBy))}; ` : '';
    const prefix = passed || (decision.tier === 'AdminNetworkPolicy' ? '' : `no AdminNetworkPolicy rule matches ${port}; `);
    let reason: string;
    let deciding: AdminHit | undefined;
    switch (decision.tier) {
      case 'AdminNetworkPolicy':
        deciding = hitOf(decision.rule);
        reason = `${port} is ${phrase(deciding)}`;
        break;
      case 'BaselineAdminNetworkPolicy':
        deciding = hitOf(decision.rule);
        reason = passed ? `${prefix}${notIsolated}, so it is ${verb(deciding.action)} by ${adminRuleLabel(deciding)}` : `${port} is ${phrase(deciding)}`;
        break;
      case 'NetworkPolicy':
        reason = `${prefix}${np.reason}`;
        break;
      case 'none':
        reason = `${prefix}${notIsolated} and no BaselineAdminNetworkPolicy rule matches, so it is allowed`;
        break;
    }
    return {
      ...np,
      allowed,
      verdict: portsContain(allowed, asked.protocol, asked.port) ? 'allowed' : 'denied',
      hits: decision.tier === 'NetworkPolicy' ? np.hits : [],
      adminHits: hits,
      decidedBy: decision.tier,
      ...(deciding ? { deciding } : {}),
      reason,
    };
  }
  const parts = hits.map((h) => `${formatPorts(h.decides)} ${phrase(h)}`);
  if (np.isolated && !isEmptyPorts(rest)) parts.push(`${formatPorts(rest)} went to NetworkPolicies: ${np.reason}`);
  else if (!np.isolated && !isEmptyPorts(outcome.unmatched)) parts.push(`${formatPorts(outcome.unmatched)} is allowed: no BaselineAdminNetworkPolicy rule matches it (${notIsolated})`);
  const decidedBy: DecidingTier =
    anpHits.length > 0 && anpHits.every((h) => h.action !== 'Pass') && isEmptyPorts(undecided)
      ? 'AdminNetworkPolicy'
      : np.isolated
        ? 'NetworkPolicy'
        : hits.length > anpHits.length
          ? 'BaselineAdminNetworkPolicy'
          : anpHits.length > 0
            ? 'AdminNetworkPolicy'
            : 'none';
  return {
    ...np,
    allowed,
    verdict: isEmptyPorts(allowed) ? 'denied' : 'allowed',
    hits: np.isolated && !isEmptyPorts(intersectPorts(rest, np.allowed)) ? np.hits : [],
    adminHits: hits,
    decidedBy,
    reason: `${self.label} ${dir}: ${parts.join('; ')}`,
  };
}

function sideOf(c: CompiledSnapshot, e: Exclude<ResolvedEndpoint, { kind: 'representative' }>, notes: string[]): Side {
  if (e.kind === 'external') {
    const host = c.pods.find((p) => p.pod.hostNetwork && p.pod.podIPs.some((ip) => isAddress(ip, e.family, e.address)));
    if (host) {
      const name = `${host.pod.namespace}/${host.pod.name}`;
      notes.push(
        c.options.hostNetwork === 'host'
          ? `${e.label} is the node IP of hostNetwork pod ${name}: read as its node, the pod is matched by ipBlocks alone, so asking by either gives the same answer`
          : `${e.label} is the node IP of hostNetwork pod ${name}: as an address it is matched by ipBlocks only, while the pod (read like a pod) is matched by selectors; ask by name, or read hostNetwork pods as their node`,
      );
    }
    return { kind: 'external', label: e.label, endpoint: e };
  }
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
  if (from.endpoint.kind === 'representative' || to.endpoint.kind === 'representative') return explainWithRepresentatives(c, query, from.endpoint, to.endpoint);
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
    explanation: { from: from.endpoint.label, to: to.endpoint.label, port: asked?.port, protocol: asked?.protocol ?? query.protocol, portName, verdict, allowed, egress, ingress, ...(unresolved ? { portProblem: unresolved } : {}), notes, sentence },
  };
}

/**
 * Explain with a pod that does not exist yet on one or both sides (a representative peer such as
 * `[namespace with team=x]/[pod with role=monitoring]`): the snapshot with that pod added is compiled with the same
 * options and asked the same question, then the pod is called by the reference it was asked as.
 */
function explainWithRepresentatives(c: CompiledSnapshot, query: ExplainQuery, from: ResolvedEndpoint, to: ResolvedEndpoint): ExplainResult {
  let snapshot = c.snapshot;
  const asked = { from: query.from, to: query.to };
  const renames: [string, string][] = [];
  const notes: string[] = [];
  for (const [field, e] of [['from', from], ['to', to]] as const) {
    if (e.kind !== 'representative') continue;
    const added = withRepresentativePod(snapshot, e.ref);
    if (!added.ok) return { ok: false, message: `--${field}: ${added.message}` };
    // Both sides may name the same new pod; it is added once.
    const same = renames.find(([, text]) => text === e.label);
    if (same) asked[field] = same[0];
    else {
      snapshot = added.value.snapshot;
      asked[field] = added.value.ref;
      renames.push([added.value.ref, e.label]);
      notes.push(added.value.note);
    }
  }
  const result = explain(compileSnapshot(snapshot, c.options), { ...query, ...asked });
  if (!result.ok) return result;
  const rename = (t: string) => renames.reduce((acc, [ref, text]) => acc.split(ref).join(text), t);
  const e = result.explanation;
  const side = (x: SideExplanation): SideExplanation => ({ ...x, reason: rename(x.reason) });
  return {
    ok: true,
    explanation: {
      ...e,
      from: rename(e.from),
      to: rename(e.to),
      egress: side(e.egress),
      ingress: side(e.ingress),
      ...(e.portProblem ? { portProblem: rename(e.portProblem) } : {}),
      notes: [...notes, ...e.notes.map(rename)],
      sentence: rename(e.sentence),
    },
  };
}
