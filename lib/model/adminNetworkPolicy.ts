import type { LabelSelector, Labels } from './labels';
import type { SourceLocation } from './origin';
import type { Protocol } from './workload';

// policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy (kubernetes-sigs/network-policy-api,
// apis/v1alpha1/{adminnetworkpolicy,baselineadminnetworkpolicy,shared}_types.go), validated.

/** Who a (baseline) admin policy applies to: every pod of matching namespaces, or matching pods of matching namespaces. */
export type AdminSubject =
  | { readonly kind: 'namespaces'; readonly namespaceSelector: LabelSelector }
  | { readonly kind: 'pods'; readonly namespaceSelector: LabelSelector; readonly podSelector: LabelSelector };

/**
 * A rule peer. `namespaces`/`pods` as the subject; `networks` (egress only): CIDRs, canonical; `nodes` (egress only):
 * a node selector, which Perimeter cannot evaluate (the snapshot has no nodes), so it matches nothing, with a warning.
 */
export type AdminPeer =
  | AdminSubject
  | { readonly kind: 'networks'; readonly cidrs: readonly string[] }
  | { readonly kind: 'nodes'; readonly nodeSelector: LabelSelector };

/**
 * AdminNetworkPolicyPort: exactly one of portNumber, namedPort (resolved on the destination pod, any protocol),
 * portRange (inclusive). Protocols default to TCP.
 */
export type AdminPort =
  | { readonly kind: 'portNumber'; readonly protocol: Protocol; readonly port: number }
  | { readonly kind: 'namedPort'; readonly name: string }
  | { readonly kind: 'portRange'; readonly protocol: Protocol; readonly start: number; readonly end: number };

/** Allow and Deny decide; Pass (AdminNetworkPolicy only) hands the traffic to NetworkPolicies. */
export type AdminAction = 'Allow' | 'Deny' | 'Pass';

/** One ingress or egress rule: the first rule matching a connection decides it. */
export interface AdminRule {
  /** The rule's `name` (may be empty; explain then names it by position). */
  readonly name: string;
  readonly action: AdminAction;
  /** `from` for ingress, `to` for egress; never empty. */
  readonly peers: readonly AdminPeer[];
  /** Undefined = every port and protocol (the field is optional upstream). */
  readonly ports?: readonly AdminPort[];
}

/** A validated AdminNetworkPolicy (cluster-scoped). */
export interface AdminNetworkPolicy {
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  /** 0-1000; lower is evaluated first. */
  readonly priority: number;
  readonly subject: AdminSubject;
  readonly ingress: readonly AdminRule[];
  readonly egress: readonly AdminRule[];
  readonly origin?: SourceLocation;
}

/** A validated BaselineAdminNetworkPolicy: a singleton named `default`, evaluated after NetworkPolicies; no Pass. */
export interface BaselineAdminNetworkPolicy {
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  readonly subject: AdminSubject;
  readonly ingress: readonly AdminRule[];
  readonly egress: readonly AdminRule[];
  readonly origin?: SourceLocation;
}
