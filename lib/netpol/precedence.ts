import type { AdminAction } from '../model';
import type { AdminTier } from './compileAdmin';
import { ALL_PORTS, intersectPorts, isEmptyPorts, NO_PORTS, subtractPorts, unionPorts, type PortSet, type PortSetTable } from './portSet';

// The tier precedence of network-policy-api v1alpha1 ("Precedence"), written once: connectivity runs it on interned
// port-set ids, explain on port sets with a recorder that keeps the rule deciding each port.

/** The set operations precedence needs, over any representation of port sets. */
export interface PortAlgebra<P> {
  readonly none: P;
  readonly all: P;
  union(a: P, b: P): P;
  intersect(a: P, b: P): P;
  subtract(a: P, b: P): P;
  isEmpty(a: P): boolean;
}

/** Port sets as values (explain, fixes). */
export const PORT_SETS: PortAlgebra<PortSet> = {
  none: NO_PORTS,
  all: ALL_PORTS,
  union: unionPorts,
  intersect: intersectPorts,
  subtract: subtractPorts,
  isEmpty: isEmptyPorts,
};

/** Port sets as ids of a table (the connectivity matrix: 0 = nothing, 1 = everything, operations cached). */
export function internedPorts(table: PortSetTable): PortAlgebra<number> {
  return {
    none: 0,
    all: 1,
    union: (a, b) => table.union(a, b),
    intersect: (a, b) => table.intersect(a, b),
    subtract: (a, b) => table.subtract(a, b),
    isEmpty: (a) => a === 0,
  };
}

/** An admin rule as precedence sees it. */
export interface TierRule {
  readonly tier: AdminTier;
  readonly action: AdminAction;
}

/** What one side's NetworkPolicies say: whether some policy isolates the pod, and what their rules allow. */
export interface NetworkPolicyVerdict<P> {
  readonly isolated: boolean;
  /** Meaningful only when `isolated`. */
  readonly allowed: P;
}

/** Where each port of one side ended up. */
export interface TierOutcome<P> {
  /** Everything this side allows. */
  readonly allowed: P;
  /** Ports no AdminNetworkPolicy rule matched. */
  readonly undecided: P;
  /** Ports an AdminNetworkPolicy rule passed on. */
  readonly passed: P;
  /** Ports that reached the baseline and matched none of its rules: allowed by default (empty when NetworkPolicies isolate). */
  readonly unmatched: P;
}

/**
 * One side through the tiers. `rules` are the admin rules whose subject selects the pod, in evaluation order (ANPs by
 * priority, then the BaselineAdminNetworkPolicy); `matches(i)` says whether rule i's peers match the other endpoint and
 * `portsOf` what it matches toward the destination. Per port, the first matching ANP rule decides: Allow and Deny are
 * final, Pass and no match go on to NetworkPolicies when they isolate the pod; otherwise the first matching BANP rule
 * decides, and what no rule matched is allowed. `record` hears every rule that decided some ports, with those ports.
 */
export function applyTiers<R extends TierRule, P>(
  alg: PortAlgebra<P>,
  rules: readonly R[],
  matches: (i: number) => boolean,
  portsOf: (rule: R) => P,
  np: NetworkPolicyVerdict<P>,
  record?: (rule: R, decides: P) => void,
): TierOutcome<P> {
  let undecided = alg.all;
  let passed = alg.none;
  let allowed = alg.none;
  const decide = (i: number, open: P): P => {
    const rule = rules[i];
    if (!matches(i)) return alg.none;
    const d = alg.intersect(portsOf(rule), open);
    if (alg.isEmpty(d)) return d;
    if (rule.action === 'Allow') allowed = alg.union(allowed, d);
    record?.(rule, d);
    return d;
  };
  for (let i = 0; i < rules.length && !alg.isEmpty(undecided); i++) {
    if (rules[i].tier !== 'AdminNetworkPolicy') continue;
    const d = decide(i, undecided);
    if (alg.isEmpty(d)) continue;
    undecided = alg.subtract(undecided, d);
    if (rules[i].action === 'Pass') passed = alg.union(passed, d);
  }
  let rest = alg.union(undecided, passed);
  if (np.isolated) return { allowed: alg.union(allowed, alg.intersect(rest, np.allowed)), undecided, passed, unmatched: alg.none };
  for (let i = 0; i < rules.length && !alg.isEmpty(rest); i++) {
    if (rules[i].tier !== 'BaselineAdminNetworkPolicy') continue;
    rest = alg.subtract(rest, decide(i, rest));
  }
  return { allowed: alg.union(allowed, rest), undecided, passed, unmatched: rest };
}

/** A rule that decided some ports of a side, as `applyTiers` recorded it. */
export interface DecidingRule<R, P> {
  readonly rule: R;
  readonly decides: P;
}

/** Which tier decided one port of a side, the rule that did, and the ANP rule that passed it on (if one did). */
export type PortDecision<R> =
  | { readonly tier: 'AdminNetworkPolicy'; readonly rule: R }
  | { readonly tier: 'NetworkPolicy'; readonly passedBy?: R }
  | { readonly tier: 'BaselineAdminNetworkPolicy'; readonly rule: R; readonly passedBy?: R }
  | { readonly tier: 'none'; readonly passedBy?: R };

/**
 * The decision for one port, from the recorded rules of `applyTiers` (each tier's rules decide disjoint ports, so at
 * most one ANP and one BANP rule hold it): an ANP Allow/Deny is final; otherwise NetworkPolicies decide when they
 * isolate the pod, else the BANP rule holding the port, else nothing restricts it.
 */
export function decisionFor<R extends TierRule, P>(hits: readonly DecidingRule<R, P>[], npIsolated: boolean, holds: (decides: P) => boolean): PortDecision<R> {
  const anp = hits.find((h) => h.rule.tier === 'AdminNetworkPolicy' && holds(h.decides));
  if (anp && anp.rule.action !== 'Pass') return { tier: 'AdminNetworkPolicy', rule: anp.rule };
  const passedBy = anp ? { passedBy: anp.rule } : {};
  if (npIsolated) return { tier: 'NetworkPolicy', ...passedBy };
  const banp = hits.find((h) => h.rule.tier === 'BaselineAdminNetworkPolicy' && holds(h.decides));
  if (banp) return { tier: 'BaselineAdminNetworkPolicy', rule: banp.rule, ...passedBy };
  return { tier: 'none', ...passedBy };
}
