import type { ClusterRoleBinding, RoleBinding, RoleRef, Subject } from '@/lib/model/index';

/** One row of the bindings table: a RoleBinding or ClusterRoleBinding with what it grants to whom. */
export interface BindingRow {
  readonly kind: 'RoleBinding' | 'ClusterRoleBinding';
  /** Undefined for ClusterRoleBindings, which grant in every namespace. */
  readonly namespace?: string;
  readonly name: string;
  readonly roleRef: RoleRef;
  readonly subjects: readonly Subject[];
  /** Whether the referenced role is in the snapshot (a dangling roleRef grants nothing). */
  readonly roleFound: boolean;
}

/** ClusterRoleBindings first (cluster-wide), then RoleBindings by namespace, each by name. */
export function bindingRows(
  roleBindings: readonly RoleBinding[],
  clusterRoleBindings: readonly ClusterRoleBinding[],
  roles: ReadonlySet<string>,
  clusterRoles: ReadonlySet<string>,
): BindingRow[] {
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  const cluster = [...clusterRoleBindings].sort(byName).map(
    (b): BindingRow => ({ kind: 'ClusterRoleBinding', name: b.name, roleRef: b.roleRef, subjects: b.subjects, roleFound: clusterRoles.has(b.roleRef.name) }),
  );
  const namespaced = [...roleBindings]
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || byName(a, b))
    .map(
      (b): BindingRow => ({
        kind: 'RoleBinding',
        namespace: b.namespace,
        name: b.name,
        roleRef: b.roleRef,
        subjects: b.subjects,
        // A RoleBinding's Role is looked up in the binding's namespace; a ClusterRole by name.
        roleFound: b.roleRef.kind === 'Role' ? roles.has(`${b.namespace}/${b.roleRef.name}`) : clusterRoles.has(b.roleRef.name),
      }),
    );
  return [...cluster, ...namespaced];
}

/** `ServiceAccount ns/name`, `User alice`, `Group system:masters`. */
export function formatSubject(s: Subject): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace ?? '?'}/${s.name}` : `${s.kind} ${s.name}`;
}
