import type { ObjectRef, PolicyRule, Subject } from '@/lib/model/index';
import { principalOf, SUPERUSER_GROUP, subjectKey, type RbacIndex } from '@/lib/rbac/index';

/** One binding that applies to the subject, with the role's effective rules. */
export interface SubjectGrant {
  readonly binding: ObjectRef;
  readonly role: ObjectRef;
  /** The namespace a RoleBinding grants in; undefined = every namespace (ClusterRoleBinding). */
  readonly scope?: string;
  /** Who the binding names: the subject itself, or a group it is in (`Group:system:authenticated`). */
  readonly via: string;
  readonly viaGroup: boolean;
  /** The role's rules after aggregation; empty when the role does not exist (a dangling roleRef). */
  readonly rules: readonly { readonly rule: PolicyRule; readonly aggregatedFrom?: string }[];
  readonly roleMissing: boolean;
}

/** Everything RBAC gives a subject: its groups as the authorizer sees them and every binding that applies. */
export interface SubjectAccessReport {
  readonly subject: Subject;
  readonly key: string;
  readonly username?: string;
  readonly groups: readonly string[];
  /** Member of system:masters: the API server allows everything without asking RBAC. */
  readonly superuser: boolean;
  readonly grants: readonly SubjectGrant[];
}

/**
 * The bindings that apply to a subject: those naming its username (a ServiceAccount's is
 * `system:serviceaccount:NS:NAME`) or one of its groups, as the RBAC authorizer's appliesTo does. Its own bindings
 * first, then those through groups; within each, cluster-wide first, then by namespace and binding name.
 */
export function subjectAccess(index: RbacIndex, subject: Subject): SubjectAccessReport {
  const principal = principalOf(subject, index.userGroups);
  const keys = [...(principal.username !== undefined ? [`u:${principal.username}`] : []), ...principal.groups.map((g) => `g:${g}`)];
  const grants: SubjectGrant[] = [];
  const seen = new Set<string>();
  for (const k of keys) {
    for (const g of index.grantsByPrincipal.get(k) ?? []) {
      const id = `${g.binding.kind}/${g.binding.namespace ?? ''}/${g.binding.name}\u0000${k}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const role = index.roles.get(g.roleKey);
      grants.push({
        binding: g.binding,
        role: g.role,
        scope: g.scope,
        via: subjectKey(g.subject),
        viaGroup: k.startsWith('g:'),
        rules: (role?.rules ?? []).map((r) => ({ rule: r.rule, aggregatedFrom: r.aggregatedFrom ? `ClusterRole ${r.aggregatedFrom.clusterRole} rule #${r.aggregatedFrom.ruleIndex + 1}` : undefined })),
        roleMissing: !role,
      });
    }
  }
  grants.sort(
    (a, b) =>
      Number(a.viaGroup) - Number(b.viaGroup) ||
      (a.scope === undefined ? 0 : 1) - (b.scope === undefined ? 0 : 1) ||
      (a.scope ?? '').localeCompare(b.scope ?? '') ||
      a.binding.name.localeCompare(b.binding.name) ||
      a.via.localeCompare(b.via),
  );
  return { subject, key: subjectKey(subject), username: principal.username, groups: principal.groups, superuser: principal.groups.includes(SUPERUSER_GROUP), grants };
}

/** A rule in one line: `get, list on pods, services ("") named a, b` or `get on URLs /healthz`. */
export function describeRule(rule: PolicyRule): string {
  if (rule.nonResourceURLs.length > 0 && rule.resources.length === 0) return `${rule.verbs.join(', ')} on URLs ${rule.nonResourceURLs.join(', ')}`;
  const groups = rule.apiGroups.map((g) => (g === '' ? 'core' : g)).join(', ');
  const names = rule.resourceNames.length > 0 ? ` named ${rule.resourceNames.join(', ')}` : '';
  return `${rule.verbs.join(', ')} on ${rule.resources.join(', ')} (${groups})${names}`;
}
