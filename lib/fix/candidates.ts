import type { AdminNetworkPolicy, AdminRule, BaselineAdminNetworkPolicy, ContainerPort, NetworkPolicy, NetworkPolicyPort, NetworkPolicyRule, PolicyType } from '../model';
import { PROTOCOLS } from '../model';
import { adminPolicyManifest, networkPolicyManifest, type Manifest } from '../manifests/policyManifests';
import { rulePortSet, type CompiledSnapshot } from '../netpol/compile';
import type { Explanation, SideExplanation } from '../netpol/explain';
import { MAX_PORT, MIN_PORT, portsContain } from '../netpol/portSet';
import { adminPeer, adminPort, networkPolicyPeer, networkPolicyPort, objectName, type AskedPort, type FixEndpoint } from './endpoints';

/** What a fix does to one policy: its manifest before (absent for a new one) and after. */
export interface PolicyEdit {
  readonly kind: 'NetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  readonly namespace?: string;
  readonly name: string;
  readonly before?: Manifest;
  readonly after: Manifest;
}

/**
 * The kinds of change: a port added to the rule that already names the peer, a peer added to the rule that already
 * allows the port, a new policy, a rule added to an admin policy, a port removed from the rules that allow it, or a new
 * policy that isolates a pod nothing selects.
 */
export type FixKind = 'add-port' | 'add-peer' | 'new-policy' | 'admin-rule' | 'remove-port' | 'isolate';

/** A proposed change, before it is checked. */
export interface Candidate {
  /** Stable for the same question and snapshot (What-if is opened with it). */
  readonly id: string;
  readonly kinds: readonly FixKind[];
  /** It changes an AdminNetworkPolicy or the BaselineAdminNetworkPolicy: a cluster admin's change. */
  readonly admin: boolean;
  readonly sides: readonly PolicyType[];
  /** One sentence per edit. */
  readonly summary: readonly string[];
  readonly edits: readonly PolicyEdit[];
}

/** What candidates are made from. */
export interface FixQuestion {
  readonly compiled: CompiledSnapshot;
  readonly explanation: Explanation;
  readonly from: FixEndpoint;
  readonly to: FixEndpoint;
  readonly port: AskedPort;
  /** Named ports of the destination (null: an external address). */
  readonly dstPorts: readonly ContainerPort[] | null;
}

const rulesKey = (d: PolicyType) => (d === 'Egress' ? 'egress' : 'ingress');
const portText = (p: AskedPort) => `${p.protocol} ${p.port}${p.name ? ` (${p.name})` : ''}`;
const npRef = (p: NetworkPolicy) => `${p.namespace}/${p.name}`;

function npEdit(before: NetworkPolicy | undefined, after: NetworkPolicy): PolicyEdit {
  return { kind: 'NetworkPolicy', namespace: after.namespace, name: after.name, ...(before ? { before: networkPolicyManifest(before) } : {}), after: networkPolicyManifest(after) };
}

function withRule(p: NetworkPolicy, direction: PolicyType, index: number, rule: NetworkPolicyRule | undefined): NetworkPolicy {
  const list = p[rulesKey(direction)].flatMap((r, i) => (i !== index ? [r] : rule ? [rule] : []));
  return { ...p, [rulesKey(direction)]: list };
}

/** A name no NetworkPolicy of the namespace has yet. */
function freeName(c: CompiledSnapshot, namespace: string, base: string): string {
  const taken = new Set(c.snapshot.networkPolicies.filter((p) => p.namespace === namespace).map((p) => p.name));
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : objectName(base.slice(0, 58), String(i));
    if (!taken.has(name)) return name;
  }
}

function newPolicy(c: CompiledSnapshot, self: Extract<FixEndpoint, { kind: 'pods' }>, direction: PolicyType, name: string, rule: NetworkPolicyRule): NetworkPolicy {
  return { namespace: self.namespace, name: freeName(c, self.namespace, name), labels: {}, podSelector: self.selector, policyTypes: [direction], policyTypesDeclared: true, ingress: direction === 'Ingress' ? [rule] : [], egress: direction === 'Egress' ? [rule] : [] };
}

type AdminTierKind = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';

/** The admin policy `name` of a tier with `rule` inserted before rule `index` of a direction. */
function adminEdit(c: CompiledSnapshot, tier: AdminTierKind, name: string, direction: PolicyType, index: number, rule: AdminRule): PolicyEdit | undefined {
  const p: AdminNetworkPolicy | BaselineAdminNetworkPolicy | undefined = (tier === 'AdminNetworkPolicy' ? c.snapshot.adminNetworkPolicies : c.snapshot.baselineAdminNetworkPolicies).find((x) => x.name === name);
  if (!p) return undefined;
  const list = [...p[rulesKey(direction)]];
  list.splice(index, 0, rule);
  return { kind: tier, name, before: adminPolicyManifest(p, tier), after: adminPolicyManifest({ ...p, [rulesKey(direction)]: list }, tier) };
}

/** Every port of every protocol but the asked one, as NetworkPolicy port entries. */
export function allPortsBut(p: AskedPort): NetworkPolicyPort[] {
  return PROTOCOLS.flatMap((protocol): NetworkPolicyPort[] => {
    if (protocol !== p.protocol) return [{ protocol }];
    return splitAround(protocol, MIN_PORT, MAX_PORT, p.port);
  });
}

function splitAround(protocol: AskedPort['protocol'], start: number, end: number, port: number): NetworkPolicyPort[] {
  const out: NetworkPolicyPort[] = [];
  const range = (s: number, e: number) => out.push(s === e ? { protocol, port: s } : { protocol, port: s, endPort: e });
  if (start <= port - 1) range(start, port - 1);
  if (port + 1 <= end) range(port + 1, end);
  return out;
}

/** A rule's port entries without the asked port (a named entry resolving to it goes); empty = nothing left. */
export function portsWithout(ports: readonly NetworkPolicyPort[], p: AskedPort, dstPorts: readonly ContainerPort[] | null): NetworkPolicyPort[] {
  if (ports.length === 0) return allPortsBut(p);
  return ports.flatMap((e): NetworkPolicyPort[] => {
    if (e.protocol !== p.protocol) return [e];
    if (e.port === undefined) return splitAround(e.protocol, MIN_PORT, MAX_PORT, p.port);
    if (typeof e.port === 'string') return portsContain(rulePortSet([e], dstPorts), p.protocol, p.port) ? [] : [e];
    const end = e.endPort ?? e.port;
    return p.port >= e.port && p.port <= end ? splitAround(e.protocol, e.port, end, p.port) : [e];
  });
}

interface SideCandidate {
  readonly kind: FixKind;
  readonly admin: boolean;
  readonly summary: string;
  readonly edits: readonly PolicyEdit[];
  readonly key: string;
}

/** One side of the question: its direction, the pod whose side it is, and the other end. */
interface SideContext {
  readonly dir: PolicyType;
  /** `ingress` or `egress`, for sentences. */
  readonly d: string;
  readonly self: Extract<FixEndpoint, { kind: 'pods' }>;
  readonly other: FixEndpoint;
}

/** The side's context; undefined for an external address's side (no policy applies to it). */
function sideContext(q: FixQuestion, side: SideExplanation): SideContext | undefined {
  const dir = side.direction;
  const self = dir === 'Egress' ? q.from : q.to;
  const other = dir === 'Egress' ? q.to : q.from;
  return self.kind === 'pods' ? { dir, d: dir.toLowerCase(), self, other } : undefined;
}

/**
 * When an admin rule decided the side with `decided`, the admin change: a rule with the opposite action for the other
 * end on the asked port, inserted before it (ingress admin peers cannot name an address).
 */
function adminCandidate(q: FixQuestion, side: SideExplanation, { dir, d, other }: SideContext, decided: 'Allow' | 'Deny'): SideCandidate | undefined {
  const deciding = side.deciding;
  if ((side.decidedBy !== 'AdminNetworkPolicy' && side.decidedBy !== 'BaselineAdminNetworkPolicy') || deciding?.action !== decided || (dir === 'Ingress' && other.kind === 'address')) return undefined;
  const action = decided === 'Deny' ? 'Allow' : 'Deny';
  const rule: AdminRule = { name: objectName(action.toLowerCase(), other.name, String(q.port.name ?? q.port.port)), action, peers: [adminPeer(other)], ports: [adminPort(q.port)] };
  const edit = adminEdit(q.compiled, deciding.tier, deciding.policy, dir, deciding.ruleIndex, rule);
  if (!edit) return undefined;
  return { kind: 'admin-rule', admin: true, key: `${deciding.tier}/${deciding.policy}#${deciding.ruleIndex}`, summary: `Admin change: in ${deciding.tier} ${deciding.policy}, add ${action === 'Allow' ? 'an Allow' : 'a Deny'} ${d} rule for ${other.name} on ${portText(q.port)} before rule #${deciding.ruleIndex + 1}, which ${decided === 'Deny' ? 'denies' : 'allows'} it.`, edits: [edit] };
}

/** Changes that let one denied side allow the asked port. */
function allowSide(q: FixQuestion, side: SideExplanation): SideCandidate[] {
  const { compiled: c, port } = q;
  const ctx = sideContext(q, side);
  if (!ctx) return [];
  const { dir, d, self, other } = ctx;
  const out: SideCandidate[] = [];
  const npPort = networkPolicyPort(port);
  const policyOf = (key: string) => c.policies.find((p) => p.key === key)?.policy;
  const newRule = { peers: [networkPolicyPeer(other, self.namespace)], ports: [npPort] };
  const newName = objectName('allow', dir === 'Ingress' ? other.name : self.name, 'to', dir === 'Ingress' ? self.name : other.name, String(port.name ?? port.port));
  if (side.decidedBy === 'NetworkPolicy') {
    for (const h of side.peerRules) {
      const p = policyOf(h.policy);
      const rule = p?.[rulesKey(dir)][h.ruleIndex];
      if (!p || !rule || rule.ports.length === 0) continue;
      out.push({ kind: 'add-port', admin: false, key: `${h.policy}#${h.ruleIndex}`, summary: `Add ${portText(port)} to ${d} rule #${h.ruleIndex + 1} of NetworkPolicy ${h.policy}, which already names ${other.name}.`, edits: [npEdit(p, withRule(p, dir, h.ruleIndex, { ...rule, ports: [...rule.ports, npPort] }))] });
    }
    for (const key of side.policies) {
      const p = policyOf(key);
      if (!p) continue;
      p[rulesKey(dir)].forEach((rule, i) => {
        if (rule.peers.length === 0 || side.peerRules.some((h) => h.policy === key && h.ruleIndex === i)) return;
        if (!portsContain(rulePortSet(rule.ports, q.dstPorts), port.protocol, port.port)) return;
        out.push({ kind: 'add-peer', admin: false, key: `${key}#${i}`, summary: `Add ${other.name} as a peer of ${d} rule #${i + 1} of NetworkPolicy ${key}, which already allows ${portText(port)}.`, edits: [npEdit(p, withRule(p, dir, i, { ...rule, peers: [...rule.peers, networkPolicyPeer(other, p.namespace)] }))] });
      });
    }
    const created = newPolicy(c, self, dir, newName, newRule);
    out.push({ kind: 'new-policy', admin: false, key: npRef(created), summary: `Create NetworkPolicy ${npRef(created)}: it selects ${self.name} and allows ${d} ${dir === 'Ingress' ? 'from' : 'to'} ${other.name} on ${portText(port)}.`, edits: [npEdit(undefined, created)] });
  }
  const admin = adminCandidate(q, side, ctx, 'Deny');
  if (admin) out.push(admin);
  // Below NetworkPolicies, the baseline decides only for pods no NetworkPolicy isolates: a NetworkPolicy that allows
  // the connection takes the decision from it (and isolates the pod: the what-if shows what else that closes).
  if (side.decidedBy === 'BaselineAdminNetworkPolicy') {
    const created = newPolicy(c, self, dir, newName, newRule);
    out.push({ kind: 'new-policy', admin: false, key: npRef(created), summary: `Create NetworkPolicy ${npRef(created)}: it selects ${self.name} (so the BaselineAdminNetworkPolicy no longer decides for it) and allows ${d} ${dir === 'Ingress' ? 'from' : 'to'} ${other.name} on ${portText(port)}.`, edits: [npEdit(undefined, created)] });
  }
  return out;
}

/** Changes that make one allowing side deny the asked port. */
function blockSide(q: FixQuestion, side: SideExplanation): SideCandidate[] {
  const { compiled: c, port } = q;
  const ctx = sideContext(q, side);
  if (!ctx) return [];
  const { dir, d, self } = ctx;
  const out: SideCandidate[] = [];
  if (side.decidedBy === 'NetworkPolicy' && side.hits.length > 0) {
    const byPolicy = new Map<string, number[]>();
    for (const h of side.hits) byPolicy.set(h.policy, [...(byPolicy.get(h.policy) ?? []), h.ruleIndex]);
    const edits: PolicyEdit[] = [];
    const parts: string[] = [];
    let emptied = false;
    for (const [key, indices] of byPolicy) {
      const p = c.policies.find((x) => x.key === key)?.policy;
      if (!p) continue;
      // Later rules first, so removing one does not shift the others.
      let after = p;
      for (const i of [...indices].sort((a, b) => b - a)) {
        const rule = after[rulesKey(dir)][i];
        const ports = portsWithout(rule.ports, port, q.dstPorts);
        emptied ||= ports.length === 0;
        after = withRule(after, dir, i, ports.length === 0 ? undefined : { ...rule, ports });
      }
      edits.push(npEdit(p, after));
      parts.push(`${d} rule${indices.length > 1 ? 's' : ''} #${indices.map((i) => i + 1).join(', #')} of NetworkPolicy ${key}`);
    }
    out.push({ kind: 'remove-port', admin: false, key: [...byPolicy.keys()].join(','), summary: `Remove ${portText(port)} from ${parts.join(' and ')}, the rule${side.hits.length > 1 ? 's' : ''} that allow${side.hits.length > 1 ? '' : 's'} it${emptied ? ' (a rule left with no port is removed: an empty port list would allow every port)' : ''}.`, edits });
  }
  const admin = adminCandidate(q, side, ctx, 'Allow');
  if (admin) out.push(admin);
  if (side.decidedBy === 'none' || side.decidedBy === 'BaselineAdminNetworkPolicy') {
    const created = newPolicy(c, self, dir, objectName('deny', String(port.name ?? port.port), dir === 'Ingress' ? 'to' : 'from', self.name), { peers: [], ports: allPortsBut(port) });
    out.push({ kind: 'isolate', admin: false, key: npRef(created), summary: `Create NetworkPolicy ${npRef(created)}: it selects ${self.name}, which no NetworkPolicy isolates for ${d}, and allows every ${d} port but ${portText(port)} (for every peer).`, edits: [npEdit(undefined, created)] });
  }
  return out;
}

/** At most this many changes per side are combined when both sides must change. */
const PER_SIDE = 3;

/**
 * The candidate changes for a question: to allow a denied connection, each denied side must allow (both sides at
 * once when both deny); to block an allowed one, either side may deny.
 */
export function fixCandidates(q: FixQuestion): Candidate[] {
  const e = q.explanation;
  const sides = [e.egress, e.ingress];
  const toCandidate = (parts: readonly { side: PolicyType; c: SideCandidate }[]): Candidate => ({
    id: parts.map((p) => `${p.c.kind}:${p.side.toLowerCase()}:${p.c.key}`).join('+'),
    kinds: parts.map((p) => p.c.kind),
    admin: parts.some((p) => p.c.admin),
    sides: parts.map((p) => p.side),
    summary: parts.map((p) => p.c.summary),
    edits: parts.flatMap((p) => p.c.edits),
  });
  if (e.verdict === 'allowed') return sides.flatMap((s) => blockSide(q, s).map((c) => toCandidate([{ side: s.direction, c }])));
  const denied = sides.filter((s) => s.verdict === 'denied');
  const perSide = denied.map((s) => allowSide(q, s).map((c) => ({ side: s.direction, c })));
  if (perSide.length === 1) return perSide[0].map((p) => toCandidate([p]));
  if (perSide.length !== 2) return [];
  const out: Candidate[] = [];
  for (const a of perSide[0].slice(0, PER_SIDE)) for (const b of perSide[1].slice(0, PER_SIDE)) out.push(toCandidate([a, b]));
  return out;
}
