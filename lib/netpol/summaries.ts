import type { Connectivity } from './connectivity';
import type { AdminAction } from '../model';
import type { CompiledSnapshot } from './compile';
import { describeSubject, type AdminTier } from './compileAdmin';
import type { Endpoint } from './endpoints';
import { formatSelector } from './selector';

/** What a view shows for one pod or workload without drawing its edges. */
export interface EndpointSummary {
  /** Some pod of it is selected by a policy with Ingress (Egress) in its policyTypes. */
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  /** `namespace/name` of the policies selecting it, per direction. */
  readonly ingressPolicies: readonly string[];
  readonly egressPolicies: readonly string[];
  /** Every source (destination), external included, gets every connection from this side: draw it as open. */
  readonly ingressOpen: boolean;
  readonly egressOpen: boolean;
  /** Admin policies whose subject selects it and that have rules for the direction, in evaluation order. */
  readonly ingressAdminPolicies: readonly AdminPolicyRef[];
  readonly egressAdminPolicies: readonly AdminPolicyRef[];
}

/** An AdminNetworkPolicy (with its priority) or the BaselineAdminNetworkPolicy, by name. */
export interface AdminPolicyRef {
  readonly tier: AdminTier;
  readonly name: string;
  readonly priority?: number;
}

/** Isolation, selecting policies and open-to-all flags of a pod or workload endpoint. */
export function summarizeEndpoint(conn: Connectivity, e: Exclude<Endpoint, { kind: 'external' }>): EndpointSummary {
  const groups = e.groups.map((g) => conn.groups[g]);
  const keys = (ids: readonly number[]) => ids.map((id) => conn.compiled.policies[id].key);
  return {
    ingressIsolated: groups.some((g) => g.ingressIsolated),
    egressIsolated: groups.some((g) => g.egressIsolated),
    ingressPolicies: [...new Set(groups.flatMap((g) => keys(g.ingressPolicies)))],
    egressPolicies: [...new Set(groups.flatMap((g) => keys(g.egressPolicies)))],
    ingressOpen: groups.every((g) => g.ingressOpen),
    egressOpen: groups.every((g) => g.egressOpen),
    ingressAdminPolicies: adminRefs(conn, groups.flatMap((g) => g.ingressAdmin)),
    egressAdminPolicies: adminRefs(conn, groups.flatMap((g) => g.egressAdmin)),
  };
}

function adminRefs(conn: Connectivity, ids: readonly number[]): AdminPolicyRef[] {
  return [...new Set(ids)].sort((a, b) => a - b).map((id) => {
    const p = conn.compiled.adminPolicies[id];
    return { tier: p.tier, name: p.name, ...(p.priority === undefined ? {} : { priority: p.priority }) };
  });
}

/** One peer of a rule and the pods it matches. */
export interface PeerSummary {
  readonly index: number;
  /** `namespaceSelector … and podSelector …`, or `ipBlock cidr except …`. */
  readonly text: string;
  /** `namespace/name` of matched pods (empty for an ipBlock, which matches external addresses only). */
  readonly pods: readonly string[];
}

export interface RuleSummary {
  readonly direction: 'Ingress' | 'Egress';
  readonly index: number;
  /** Empty: the rule matches every peer. */
  readonly peers: readonly PeerSummary[];
}

/** A policy with the pods it selects and the peers each rule matches. */
export interface PolicySummary {
  readonly key: string;
  readonly selectedPods: readonly string[];
  readonly rules: readonly RuleSummary[];
}

/** The pods each policy selects and the pods each of its rules' peers match. */
export function summarizePolicies(c: CompiledSnapshot): PolicySummary[] {
  const podsOf = (classes: readonly number[]) => classes.flatMap((cid) => c.classes[cid].pods.map((i) => `${c.pods[i].pod.namespace}/${c.pods[i].pod.name}`)).sort();
  return c.policies.map((cp) => ({
    key: cp.key,
    selectedPods: podsOf(cp.selectedClasses),
    rules: [...cp.ingress, ...cp.egress].map((r) => ({
      direction: r.direction,
      index: r.index,
      peers: r.peers.map((p) =>
        p.kind === 'ipBlock'
          ? { index: p.index, text: `ipBlock ${p.cidr}${p.except.length ? ` except ${p.except.join(', ')}` : ''}`, pods: [] }
          : {
              index: p.index,
              text: [p.namespaceSelector ? `namespaceSelector ${formatSelector(p.namespaceSelector)}` : '', p.podSelector ? `podSelector ${formatSelector(p.podSelector)}` : ''].filter(Boolean).join(' and '),
              pods: podsOf(p.classes),
            },
      ),
    })),
  }));
}

/** One rule of an admin policy: its action, ports and the pods each peer matches. */
export interface AdminRuleSummary {
  readonly direction: 'Ingress' | 'Egress';
  /** 0-based; shown as `rule #index+1`. */
  readonly index: number;
  readonly name: string;
  readonly action: AdminAction;
  /** `every port`, or the port entries as written (`TCP 80`, `UDP 1000-2000`, `named port http`). */
  readonly ports: string;
  readonly peers: readonly PeerSummary[];
}

/** An admin policy in evaluation order, with the pods its subject selects. */
export interface AdminPolicySummary extends AdminPolicyRef {
  readonly subject: string;
  readonly subjectPods: readonly string[];
  readonly rules: readonly AdminRuleSummary[];
}

/** Every AdminNetworkPolicy (by priority) and the BaselineAdminNetworkPolicy: subject pods and what each peer matches. */
export function summarizeAdminPolicies(c: CompiledSnapshot): AdminPolicySummary[] {
  const podsOf = (classes: readonly number[]) => classes.flatMap((cid) => c.classes[cid].pods.map((i) => `${c.pods[i].pod.namespace}/${c.pods[i].pod.name}`)).sort();
  return c.adminPolicies.map((p) => ({
    tier: p.tier,
    name: p.name,
    ...(p.priority === undefined ? {} : { priority: p.priority }),
    subject: describeSubject(p.policy.subject),
    subjectPods: podsOf(p.subjectClasses),
    rules: [...p.ingress, ...p.egress].map((r) => ({
      direction: r.direction,
      index: r.index,
      name: r.name,
      action: r.action,
      ports: r.ports
        ? r.ports.map((x) => (x.kind === 'portNumber' ? `${x.protocol} ${x.port}` : x.kind === 'portRange' ? `${x.protocol} ${x.start}-${x.end}` : `named port ${x.name}`)).join(', ')
        : 'every port',
      peers: r.peers.map((peer) => ({ index: peer.index, text: describeSubject(peer.peer), pods: peer.kind === 'nodes' ? [] : podsOf(peer.classes) })),
    })),
  }));
}
