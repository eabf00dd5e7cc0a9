import type { Subject } from '../model';
import type { RbacIndex, RuleRef } from './buildRbacIndex';
import { combinedResource, ruleAllows, type AccessRequest, type ResourceRequest } from './ruleMatch';
import { ALL_SERVICE_ACCOUNTS, SUPERUSER_GROUP, normalizeSubject, subjectKey } from './subjects';
import type { Grant, GrantPath, ResourceRef, SubjectAccess } from './types';

export interface WhoCanOptions {
  /**
   * Also list the members of groups that are allowed: users of groups declared in the config, and ServiceAccounts
   * of `system:serviceaccounts[:NS]`. `system:authenticated`/`system:unauthenticated` stay one row each (everyone).
   * Default true.
   */
  readonly expandGroups?: boolean;
  /** Ignore resourceNames: "allowed on at least one object" (e.g. impersonate some user). Default false. */
  readonly anyName?: boolean;
}

/** Rules that could allow a resource request: the index keys for its group/resource, `*`, and `*\/sub`. */
function candidateRules(index: RbacIndex, req: ResourceRequest): RuleRef[] {
  const combined = combinedResource(req.resource, req.subresource);
  const resources = [combined, '*'];
  if (req.subresource) resources.push(`*/${req.subresource}`);
  const seen = new Set<string>();
  const out: RuleRef[] = [];
  for (const g of new Set([req.group, '*'])) {
    for (const r of new Set(resources)) {
      for (const ref of index.resourceRules.get(`${g}\0${r}`) ?? []) {
        const k = `${ref.roleKey}#${ref.ruleIndex}`;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(ref);
      }
    }
  }
  return out;
}

/** Every grant that allows the request in the namespace, with its path, in index order. */
function allowingGrants(index: RbacIndex, request: AccessRequest, namespace: string | undefined, anyName = false): { grant: Grant; path: GrantPath }[] {
  const refs = request.kind === 'resource' ? candidateRules(index, request) : index.nonResourceRules;
  const ns = request.kind === 'resource' ? namespace : undefined;
  const out: { grant: Grant; path: GrantPath }[] = [];
  for (const ref of refs) {
    const role = index.roles.get(ref.roleKey);
    const rr = role?.rules[ref.ruleIndex];
    if (!role || !rr || !ruleAllows(request, anyName ? { ...rr.rule, resourceNames: [] } : rr.rule)) continue;
    const grants = index.grantsByRole.get(ref.roleKey);
    if (!grants) continue;
    const applicable = ns === undefined ? grants.cluster : [...grants.cluster, ...(grants.byNamespace.get(ns) ?? [])];
    for (const grant of applicable) {
      out.push({
        grant,
        path: { kind: 'rbac', binding: grant.binding, role: grant.role, ruleIndex: ref.ruleIndex, rule: rr.rule, aggregatedFrom: rr.aggregatedFrom, bindingSubject: grant.subject },
      });
    }
  }
  return out;
}

/**
 * Roles that would allow the request in the namespace if bound there: every ClusterRole with an allowing rule, and
 * the namespace's Roles with one (a RoleBinding can reference either). Sorted by key.
 */
export function rolesAllowing(index: RbacIndex, request: ResourceRequest, namespace: string | undefined): string[] {
  const out = new Set<string>();
  for (const ref of candidateRules(index, request)) {
    const role = index.roles.get(ref.roleKey);
    const rr = role?.rules[ref.ruleIndex];
    if (!role || !rr || !ruleAllows(request, rr.rule)) continue;
    if (role.ref.kind === 'ClusterRole' || (namespace !== undefined && role.ref.namespace === namespace)) out.add(ref.roleKey);
  }
  return [...out].sort();
}

/** The members a group stands for, when known: declared users, or the ServiceAccounts of the implicit SA groups. */
export function groupMembers(index: RbacIndex, group: string): Subject[] {
  const out: Subject[] = (index.config.groups.get(group) ?? []).map((u) => normalizeSubject({ kind: 'User', name: u }));
  if (group === ALL_SERVICE_ACCOUNTS) {
    for (const [ns, names] of index.serviceAccountsByNamespace) for (const name of names) out.push({ kind: 'ServiceAccount', namespace: ns, name });
  } else if (group.startsWith(`${ALL_SERVICE_ACCOUNTS}:`)) {
    const ns = group.slice(ALL_SERVICE_ACCOUNTS.length + 1);
    for (const name of index.serviceAccountsByNamespace.get(ns) ?? []) out.push({ kind: 'ServiceAccount', namespace: ns, name });
  }
  return out;
}

/** Who is allowed an access request, each subject with all its paths, sorted by subject key. */
export function whoCanRequest(index: RbacIndex, request: AccessRequest, namespace: string | undefined, options: WhoCanOptions = {}): SubjectAccess[] {
  const bySubject = new Map<string, { subject: Subject; paths: GrantPath[] }>();
  const add = (subject: Subject, path: GrantPath) => {
    const key = subjectKey(subject);
    const entry = bySubject.get(key) ?? bySubject.set(key, { subject, paths: [] }).get(key)!;
    entry.paths.push(path);
  };
  // The superuser group bypasses RBAC (the API server's privileged-group authorizer runs before RBAC).
  const superuser: GrantPath = { kind: 'superuser', group: SUPERUSER_GROUP };
  add({ kind: 'Group', name: SUPERUSER_GROUP }, superuser);
  const allowed = allowingGrants(index, request, namespace, options.anyName);
  for (const { grant, path } of allowed) add(grant.subject, path);
  if (options.expandGroups ?? true) {
    for (const m of groupMembers(index, SUPERUSER_GROUP)) add(m, superuser);
    for (const { grant, path } of allowed) {
      if (grant.subject.kind === 'Group') for (const m of groupMembers(index, grant.subject.name)) add(m, path);
    }
  }
  return [...bySubject.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/**
 * Who can `verb` `resource` in `namespace` (undefined = cluster scope), optionally on object `name`:
 * the subjects bindings name (and, by default, the known members of allowed groups) with their paths.
 */
export function whoCan(index: RbacIndex, verb: string, resource: ResourceRef, namespace: string | undefined, name?: string, options?: WhoCanOptions): SubjectAccess[] {
  return whoCanRequest(index, { kind: 'resource', verb, group: resource.group, resource: resource.resource, subresource: resource.subresource, name }, namespace, options);
}

/** A memoized `whoCan` for analyses that ask the same question many times (one cache per index). */
export function whoCanCache(index: RbacIndex): (verb: string, resource: ResourceRef, namespace: string | undefined, name?: string, options?: WhoCanOptions) => SubjectAccess[] {
  const memo = new Map<string, SubjectAccess[]>();
  return (verb, resource, namespace, name, options = {}) => {
    const key = JSON.stringify([verb, resource.group, resource.resource, resource.subresource ?? '', namespace ?? null, name ?? null, options.expandGroups ?? true, options.anyName ?? false]);
    let hit = memo.get(key);
    if (!hit) memo.set(key, (hit = whoCan(index, verb, resource, namespace, name, options)));
    return hit;
  };
}
