import type { LabelSelector, Labels } from './labels';
import type { SourceLocation } from './origin';

/** rbac.authorization.k8s.io/v1 PolicyRule. Absent lists are empty. */
export interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
}

export interface Role {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly rules: readonly PolicyRule[];
  readonly origin?: SourceLocation;
}

export interface AggregationRule {
  readonly clusterRoleSelectors: readonly LabelSelector[];
}

export interface ClusterRole {
  readonly name: string;
  readonly labels: Labels;
  /** The rules as written (`rules: null` is empty); aggregation is computed by lib/rbac, not here. */
  readonly rules: readonly PolicyRule[];
  readonly aggregationRule?: AggregationRule;
  readonly origin?: SourceLocation;
}

export type SubjectKind = 'User' | 'Group' | 'ServiceAccount';

/** A binding subject. For ServiceAccount, `namespace` is always filled (the binding's when the subject omits it). */
export interface Subject {
  readonly kind: SubjectKind;
  readonly name: string;
  readonly namespace?: string;
}

export interface RoleRef {
  readonly kind: 'Role' | 'ClusterRole';
  readonly name: string;
}

export interface RoleBinding {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly roleRef: RoleRef;
  readonly subjects: readonly Subject[];
  readonly origin?: SourceLocation;
}

export interface ClusterRoleBinding {
  readonly name: string;
  readonly labels: Labels;
  readonly roleRef: RoleRef;
  readonly subjects: readonly Subject[];
  readonly origin?: SourceLocation;
}

export interface ServiceAccount {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly origin?: SourceLocation;
}
