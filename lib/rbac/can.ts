import type { Subject } from '../model';
import type { RbacIndex } from './buildRbacIndex';
import { ruleAllows, type AccessRequest } from './ruleMatch';
import { SUPERUSER_GROUP, principalOf, type Principal } from './subjects';
import type { AccessDecision, Grant, GrantPath, ResourceRef } from './types';

/**
 * Every path by which a principal is allowed the request in a namespace (`undefined` = cluster scope).
 * As upstream VisitRulesFor: ClusterRoleBindings always apply; RoleBindings only when the request is in their
 * namespace. Unlike the authorizer, it does not stop at the first allowing rule, so every path is shown.
 */
export function pathsFor(index: RbacIndex, principal: Principal, request: AccessRequest, namespace: string | undefined): GrantPath[] {
  const paths: GrantPath[] = [];
  if (principal.groups.includes(SUPERUSER_GROUP)) paths.push({ kind: 'superuser', group: SUPERUSER_GROUP });
  // Non-resource requests carry no namespace, so only ClusterRoleBindings can allow them.
  for (const grant of grantsFor(index, principal, request.kind === 'resource' ? namespace : undefined)) {
    index.roles.get(grant.roleKey)?.rules.forEach((r, ruleIndex) => {
      if (!ruleAllows(request, r.rule)) return;
      paths.push({ kind: 'rbac', binding: grant.binding, role: grant.role, ruleIndex, rule: r.rule, aggregatedFrom: r.aggregatedFrom, bindingSubject: grant.subject });
    });
  }
  return paths;
}

/** The grants that apply to a principal (its username, then each group) in a namespace (undefined = cluster scope). */
export function grantsFor(index: RbacIndex, principal: Principal, namespace: string | undefined): Grant[] {
  const keys = [...(principal.username !== undefined ? [`u:${principal.username}`] : []), ...principal.groups.map((g) => `g:${g}`)];
  const out: Grant[] = [];
  for (const k of keys) for (const g of index.grantsByPrincipal.get(k) ?? []) if (g.scope === undefined || g.scope === namespace) out.push(g);
  return out;
}

/**
 * Can `subject` do `verb` on `resource` in `namespace` (undefined = cluster-scoped or all namespaces), optionally
 * on the object `name`? Returns every grant path. Users are resolved through their declared groups.
 */
export function can(index: RbacIndex, subject: Subject, verb: string, resource: ResourceRef, namespace: string | undefined, name?: string): AccessDecision {
  const request: AccessRequest = { kind: 'resource', verb, group: resource.group, resource: resource.resource, subresource: resource.subresource, name };
  const paths = pathsFor(index, principalOf(subject, index.userGroups), request, namespace);
  return { allowed: paths.length > 0, paths };
}

/** Can `subject` do `verb` (get, post, …) on a non-resource URL such as `/metrics`? */
export function canNonResource(index: RbacIndex, subject: Subject, verb: string, path: string): AccessDecision {
  const paths = pathsFor(index, principalOf(subject, index.userGroups), { kind: 'nonResource', verb, path }, undefined);
  return { allowed: paths.length > 0, paths };
}
