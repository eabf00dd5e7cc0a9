import type { LabelSelector, Labels } from './labels';
import type { SourceLocation } from './origin';
import type { Protocol } from './workload';

export type PolicyType = 'Ingress' | 'Egress';

/** networking.k8s.io/v1 NetworkPolicyPort. `port` absent = every port of the protocol. */
export interface NetworkPolicyPort {
  /** Defaults to TCP (the API server's default). */
  readonly protocol: Protocol;
  /** A number, or a named port resolved on the destination pod's container ports. */
  readonly port?: number | string;
  /** With a numeric port: the inclusive end of a range. */
  readonly endPort?: number;
}

/**
 * A peer of a rule. `ipBlock` is exclusive of the selectors (the API server rejects mixing them).
 * For `pods`: podSelector alone = pods of the policy's namespace; namespaceSelector alone = all pods of matching
 * namespaces; both = AND. At least one of the two is set.
 */
export type NetworkPolicyPeer =
  | { readonly kind: 'pods'; readonly podSelector?: LabelSelector; readonly namespaceSelector?: LabelSelector }
  | { readonly kind: 'ipBlock'; readonly cidr: string; readonly except: readonly string[] };

/** One ingress or egress rule. Empty `peers` = every peer; empty `ports` = every port and protocol. */
export interface NetworkPolicyRule {
  readonly ports: readonly NetworkPolicyPort[];
  /** `from` for ingress, `to` for egress. */
  readonly peers: readonly NetworkPolicyPeer[];
}

/** A validated networking.k8s.io/v1 NetworkPolicy. */
export interface NetworkPolicy {
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  readonly podSelector: LabelSelector;
  /** Effective policyTypes after the API server's defaulting (Ingress always; Egress when egress rules exist). */
  readonly policyTypes: readonly PolicyType[];
  /** Whether policyTypes was written on the object (explain says "defaulted" otherwise). */
  readonly policyTypesDeclared: boolean;
  /** `ingress: []` and an absent `ingress` are both empty here: both allow nothing when Ingress is a type. */
  readonly ingress: readonly NetworkPolicyRule[];
  readonly egress: readonly NetworkPolicyRule[];
  readonly origin?: SourceLocation;
}
