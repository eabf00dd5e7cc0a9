import { EMPTY_CONFIG, groupsByUser, type PerimeterConfig } from '../config/config';
import type { ObjectRef, RoleRef, Snapshot, Subject, Warning } from '../model';
import { aggregateClusterRoles, type ResolvedRule } from './aggregateClusterRoles';
import {
  ALL_AUTHENTICATED,
  ALL_SERVICE_ACCOUNTS,
  ALL_UNAUTHENTICATED,
  SUPERUSER_GROUP,
  normalizeSubject,
  serviceAccountNamespaceGroup,
  serviceAccountUsername,
  subjectKey,
} from './subjects';
import type { Grant } from './types';

/** A role with its effective rules (ClusterRole aggregation applied). */
export interface IndexedRole {
  readonly ref: ObjectRef;
  readonly rules: readonly ResolvedRule[];
}

/** A rule of a role, by position. */
export interface RuleRef {
  readonly roleKey: string;
  readonly ruleIndex: number;
}

/** Grants of one role: from ClusterRoleBindings (everywhere) and RoleBindings by namespace. */
export interface RoleGrants {
  readonly cluster: Grant[];
  readonly byNamespace: Map<string, Grant[]>;
}

/** Everything the RBAC queries need, built once per snapshot by `buildRbacIndex`. */
export interface RbacIndex {
  readonly roles: ReadonlyMap<string, IndexedRole>;
  readonly grantsByRole: ReadonlyMap<string, RoleGrants>;
  /** Grants by whom they name: `u:<username>` (ServiceAccounts by their username) or `g:<group>`. */
  readonly grantsByPrincipal: ReadonlyMap<string, readonly Grant[]>;
  /**
   * Resource rules by `scope \0 group \0 resource` as written (`*` and `*\/sub` included), for who-can lookups;
   * scope is `` for ClusterRoles and the namespace for Roles, so a lookup never visits other namespaces' Roles.
   */
  readonly resourceRules: ReadonlyMap<string, readonly RuleRef[]>;
  readonly nonResourceRules: readonly RuleRef[];
  /** Every subject worth listing, sorted by key (see docs/rules.md "Subjects"). */
  readonly subjects: readonly Subject[];
  /** ServiceAccounts known by namespace: from the snapshot and from bindings. */
  readonly serviceAccountsByNamespace: ReadonlyMap<string, readonly string[]>;
  /** Username → declared groups (from the config). */
  readonly userGroups: ReadonlyMap<string, readonly string[]>;
  readonly config: PerimeterConfig;
  readonly namespaces: readonly string[];
  readonly warnings: readonly Warning[];
}

/** `ClusterRole:NAME` or `Role:NS/NAME`: one key space for both kinds. */
export function roleKeyOf(kind: RoleRef['kind'], name: string, namespace?: string): string {
  return kind === 'ClusterRole' ? `ClusterRole:${name}` : `Role:${namespace ?? ''}/${name}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Resolves roles (with aggregation), bindings and subjects once so `can`, `whoCan` and the matrix are fast.
 * Bindings whose role is missing grant nothing and produce a `dangling-roleref` warning, as upstream
 * GetRoleReferenceRules returns an error for them.
 */
export function buildRbacIndex(snapshot: Snapshot, config: PerimeterConfig = EMPTY_CONFIG): RbacIndex {
  const warnings: Warning[] = [];
  for (const u of snapshot.unreadable) {
    if (u.kind === 'Role' || u.kind === 'ClusterRole' || u.kind === 'RoleBinding' || u.kind === 'ClusterRoleBinding' || u.kind === 'ServiceAccount') {
      warnings.push({
        code: 'rbac-incomplete',
        severity: 'warning',
        message: `${u.kind} objects could not be read (${u.message}), so RBAC answers may miss grants${u.missingPermission ? `; grant ${u.missingPermission} to fix it` : ''}.`,
      });
    }
  }
  const aggregation = aggregateClusterRoles(snapshot.clusterRoles);
  warnings.push(...aggregation.warnings);

  const roles = new Map<string, IndexedRole>();
  for (const cr of snapshot.clusterRoles) {
    roles.set(roleKeyOf('ClusterRole', cr.name), { ref: { kind: 'ClusterRole', name: cr.name }, rules: aggregation.rules.get(cr.name) ?? [] });
  }
  for (const r of snapshot.roles) {
    roles.set(roleKeyOf('Role', r.name, r.namespace), { ref: { kind: 'Role', name: r.name, namespace: r.namespace }, rules: r.rules.map((rule) => ({ rule })) });
  }

  const resourceRules = new Map<string, RuleRef[]>();
  const nonResourceRules: RuleRef[] = [];
  for (const [roleKey, role] of roles) {
    role.rules.forEach(({ rule }, ruleIndex) => {
      const ref = { roleKey, ruleIndex };
      const scope = role.ref.kind === 'Role' ? (role.ref.namespace ?? '') : '';
      for (const g of new Set(rule.apiGroups)) for (const res of new Set(rule.resources)) push(resourceRules, `${scope}\0${g}\0${res}`, ref);
      if (rule.nonResourceURLs.length > 0) nonResourceRules.push(ref);
    });
  }

  const grantsByRole = new Map<string, RoleGrants>();
  const grantsByPrincipal = new Map<string, Grant[]>();
  const subjects = new Map<string, Subject>();
  const saByNs = new Map<string, Set<string>>();
  const addSa = (ns: string, name: string) => (saByNs.get(ns) ?? saByNs.set(ns, new Set()).get(ns)!).add(name);

  const addGrant = (binding: ObjectRef, roleRef: RoleRef, scope: string | undefined, rawSubjects: readonly Subject[], origin: Warning['origin']) => {
    if (scope === undefined && roleRef.kind === 'Role') {
      warnings.push({ code: 'invalid-roleref', severity: 'warning', message: `ClusterRoleBinding ${binding.name} references Role ${roleRef.name}; a ClusterRoleBinding can only reference a ClusterRole, so it grants nothing.`, object: binding, origin });
      return;
    }
    const roleKey = roleKeyOf(roleRef.kind, roleRef.name, scope);
    const role = roles.get(roleKey);
    if (!role) {
      const where = roleRef.kind === 'Role' ? ` in namespace ${scope}` : '';
      const name = binding.namespace ? `${binding.namespace}/${binding.name}` : binding.name;
      warnings.push({ code: 'dangling-roleref', severity: 'warning', message: `${binding.kind} ${name} references ${roleRef.kind} ${roleRef.name}${where}, which does not exist, so it grants nothing.`, object: binding, origin });
      return;
    }
    const rg = grantsByRole.get(roleKey) ?? grantsByRole.set(roleKey, { cluster: [], byNamespace: new Map() }).get(roleKey)!;
    for (const raw of rawSubjects) {
      // Upstream appliesToUser: a ServiceAccount subject needs a namespace (the binding's for RoleBindings).
      const withNs = raw.kind === 'ServiceAccount' && !raw.namespace && scope ? { ...raw, namespace: scope } : raw;
      if (withNs.kind === 'ServiceAccount' && !withNs.namespace) {
        warnings.push({ code: 'subject-without-namespace', severity: 'warning', message: `${binding.kind} ${binding.name} names ServiceAccount ${withNs.name} without a namespace, which matches no one.`, object: binding, origin });
        continue;
      }
      const subject = normalizeSubject(withNs);
      const grant: Grant = { binding, role: role.ref, roleKey, subject, subjectKey: subjectKey(subject), scope };
      if (scope === undefined) rg.cluster.push(grant);
      else push(rg.byNamespace, scope, grant);
      const key =
        subject.kind === 'Group' ? `g:${subject.name}` : subject.kind === 'ServiceAccount' ? `u:${serviceAccountUsername(subject.namespace ?? '', subject.name)}` : `u:${subject.name}`;
      push(grantsByPrincipal, key, grant);
      subjects.set(subjectKey(subject), subject);
      if (subject.kind === 'ServiceAccount') addSa(subject.namespace ?? '', subject.name);
    }
  };
  for (const b of snapshot.clusterRoleBindings) addGrant({ kind: 'ClusterRoleBinding', name: b.name }, b.roleRef, undefined, b.subjects, b.origin);
  for (const b of snapshot.roleBindings) addGrant({ kind: 'RoleBinding', name: b.name, namespace: b.namespace }, b.roleRef, b.namespace, b.subjects, b.origin);

  for (const sa of snapshot.serviceAccounts) addSa(sa.namespace, sa.name);
  // Pods run as ServiceAccounts the manifests may not declare, and every namespace has `default` (the
  // serviceaccount controller creates it), so both count as members of system:serviceaccounts[:NS].
  for (const p of snapshot.pods) addSa(p.namespace, p.serviceAccountName);
  for (const w of snapshot.workloads) if (w.serviceAccountName) addSa(w.namespace, w.serviceAccountName);
  for (const n of snapshot.namespaces) addSa(n.name, 'default');
  const namespaces = new Set<string>(snapshot.namespaces.map((n) => n.name));
  for (const ns of saByNs.keys()) namespaces.add(ns);
  for (const [ns, names] of saByNs) for (const name of names) subjects.set(subjectKey({ kind: 'ServiceAccount', namespace: ns, name }), { kind: 'ServiceAccount', namespace: ns, name });
  // Implicit groups exist whether or not a binding names them.
  for (const g of [ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, ALL_SERVICE_ACCOUNTS, SUPERUSER_GROUP, ...[...namespaces].map(serviceAccountNamespaceGroup)]) {
    subjects.set(`Group:${g}`, { kind: 'Group', name: g });
  }
  for (const [group, members] of config.groups) {
    subjects.set(`Group:${group}`, { kind: 'Group', name: group });
    for (const m of members) {
      const s = normalizeSubject({ kind: 'User', name: m });
      subjects.set(subjectKey(s), s);
    }
  }

  return {
    roles,
    grantsByRole,
    grantsByPrincipal,
    resourceRules,
    nonResourceRules,
    subjects: [...subjects.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s),
    serviceAccountsByNamespace: new Map([...saByNs].map(([ns, set]) => [ns, [...set].sort()])),
    userGroups: groupsByUser(config),
    config,
    namespaces: [...namespaces].sort(),
    warnings,
  };
}
