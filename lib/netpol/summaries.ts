import type { Connectivity } from './connectivity';
import type { CompiledSnapshot } from './compile';
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
  };
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
