// Test-only builders for RBAC model objects (imported by *.test.ts beside this file).
import { sel, snapshot } from '../netpol/testing';
import type { ClusterRole, ClusterRoleBinding, LabelSelector, PolicyRule, Role, RoleBinding, ServiceAccount, Snapshot, Subject } from '../model';

/** A PolicyRule with absent lists empty, as the loader produces. */
export function rule(r: Partial<PolicyRule>): PolicyRule {
  return { verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames ?? [], nonResourceURLs: r.nonResourceURLs ?? [] };
}

export function clusterRole(name: string, rules: PolicyRule[], opts: { labels?: Record<string, string>; aggregate?: LabelSelector[] } = {}): ClusterRole {
  return { name, labels: opts.labels ?? {}, rules, aggregationRule: opts.aggregate ? { clusterRoleSelectors: opts.aggregate } : undefined };
}

export function role(namespace: string, name: string, rules: PolicyRule[]): Role {
  return { namespace, name, labels: {}, rules };
}

export function crb(name: string, roleName: string, subjects: Subject[]): ClusterRoleBinding {
  return { name, labels: {}, roleRef: { kind: 'ClusterRole', name: roleName }, subjects };
}

export function rb(namespace: string, name: string, roleRef: { kind: 'Role' | 'ClusterRole'; name: string }, subjects: Subject[]): RoleBinding {
  return { namespace, name, labels: {}, roleRef, subjects };
}

export const user = (name: string): Subject => ({ kind: 'User', name });
export const group = (name: string): Subject => ({ kind: 'Group', name });
export const sa = (namespace: string, name: string): Subject => ({ kind: 'ServiceAccount', namespace, name });
export const serviceAccount = (namespace: string, name: string): ServiceAccount => ({ namespace, name, labels: {} });

/** A selector from matchLabels (lib/netpol's builder). */
export const selector = (matchLabels: Record<string, string>): LabelSelector => sel(matchLabels);

/** A static snapshot (lib/netpol's builder) holding the given RBAC objects too. */
export function rbacSnapshot(parts: Partial<Pick<Snapshot, 'roles' | 'clusterRoles' | 'roleBindings' | 'clusterRoleBindings' | 'serviceAccounts' | 'networkPolicies' | 'namespaces'>>): Snapshot {
  return {
    ...snapshot({ namespaces: [...(parts.namespaces ?? [])], policies: [...(parts.networkPolicies ?? [])] }),
    serviceAccounts: parts.serviceAccounts ?? [],
    roles: parts.roles ?? [],
    clusterRoles: parts.clusterRoles ?? [],
    roleBindings: parts.roleBindings ?? [],
    clusterRoleBindings: parts.clusterRoleBindings ?? [],
  };
}
