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
  /**
   * Ignore resourceNames: "allowed on at least one object" (e.g. impersonate some user). A plain create and
   * deletecollection carry no name, so resourceNames rules still never allow them. Default false.
   */
  readonly anyName?: boolean;
  /**
   * `namespaceOnly`: only what the namespace's RoleBindings grant (no ClusterRoleBindings, no superuser group), for
   * analyses that handle cluster-wide grants once. Default `all`.
   */
  readonly part?: 'all' | 'namespaceOnly';
}

/**
 * Rules that could allow a resource request in a namespace: the index keys for its group/resource, `*`, and
 * `*\/sub`, of ClusterRoles and of the namespace's Roles (`undefined` = ClusterRoles only).
 */
function candidateRules(index: RbacIndex, req: ResourceRequest, namespace: string | undefined): RuleRef[] {
  const combined = combinedResource(req.resource, req.subresource);
  const resources = [combined, '*'];
  if (req.subresource) resources.push(`*/${req.subresource}`);
  const seen = new Set<string>();
  const out: RuleRef[] = [];
  const scopes = namespace === undefined || namespace === '' ? [''] : ['', namespace];
  for (const scope of scopes) {
    for (const g of new Set([req.group, '*'])) {
      for (const r of new Set(resources)) {
        for (const ref of index.resourceRules.get(`${scope}\0${g}\0${r}`) ?? []) {
          const k = `${ref.roleKey}#${ref.ruleIndex}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push(ref);
        }
      }
    }
  }
  return out;
}

/** Every grant that allows the request in the namespace, with its path, in index order. */
function allowingGrants(index: RbacIndex, request: AccessRequest, namespace: string | undefined, anyName = false, namespaceOnly = false): { grant: Grant; path: GrantPath }[] {
  const refs = request.kind === 'resource' ? candidateRules(index, request, namespace) : index.nonResourceRules;
  const ns = request.kind === 'resource' ? namespace : undefined;
  // "On at least one object" only for requests that carry a name: a plain create and deletecollection never do.
  const ignoreNames = anyName && request.kind === 'resource' && !(request.verb === 'create' && !request.subresource) && request.verb !== 'deletecollection';
  const out: { grant: Grant; path: GrantPath }[] = [];
  for (const ref of refs) {
    const role = index.roles.get(ref.roleKey);
    const rr = role?.rules[ref.ruleIndex];
    if (!role || !rr || !ruleAllows(request, ignoreNames && rr.rule.resourceNames.length > 0 ? { ...rr.rule, resourceNames: [] } : rr.rule)) continue;
    const grants = index.grantsByRole.get(ref.roleKey);
    if (!grants) continue;
    const local = ns === undefined ? [] : (grants.byNamespace.get(ns) ?? []);
    const applicable = namespaceOnly ? local : local.length === 0 ? grants.cluster : [...grants.cluster, ...local];
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
  for (const ref of candidateRules(index, request, namespace)) {
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
  const bySubject = new Map<string, { subject: Subject; key: string; paths: GrantPath[] }>();
  const add = (subject: Subject, path: GrantPath, key = subjectKey(subject)) => {
    const entry = bySubject.get(key) ?? bySubject.set(key, { subject, key, paths: [] }).get(key)!;
    entry.paths.push(path);
  };
  // The superuser group bypasses RBAC (the API server's privileged-group authorizer runs before RBAC).
  const superuser: GrantPath = { kind: 'superuser', group: SUPERUSER_GROUP };
  const namespaceOnly = options.part === 'namespaceOnly';
  if (!namespaceOnly) add({ kind: 'Group', name: SUPERUSER_GROUP }, superuser);
  const allowed = allowingGrants(index, request, namespace, options.anyName, namespaceOnly);
  for (const { grant, path } of allowed) add(grant.subject, path, grant.subjectKey);
  if (options.expandGroups ?? true) {
    if (!namespaceOnly) for (const m of groupMembers(index, SUPERUSER_GROUP)) add(m, superuser);
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

/**
 * Whether any rule that could allow the request (ignoring names) is limited by resourceNames; when none is, the
 * answer for a named object is the same as for the collection, as far as rules go.
 */
function nameMatters(index: RbacIndex, request: ResourceRequest): boolean {
  return [...index.resourceRules.entries()].some(([key, refs]) => {
    const [, g, r] = key.split('\0');
    if (!(g === '*' || g === request.group) || !(r === '*' || r === combinedResource(request.resource, request.subresource) || r === `*/${request.subresource}`)) return false;
    return refs.some((ref) => {
    const rr = index.roles.get(ref.roleKey)?.rules[ref.ruleIndex];
      return !!rr && rr.rule.resourceNames.length > 0 && ruleAllows({ ...request, name: undefined }, { ...rr.rule, resourceNames: [] });
    });
  });
}

/**
 * A memoized `whoCan` for analyses that ask the same question many times (one cache per index). A named question
 * reuses the nameless answer plus nothing when no candidate rule has resourceNames (rules without resourceNames
 * allow every name, so the two answers are equal).
 */
export function whoCanCache(index: RbacIndex): (verb: string, resource: ResourceRef, namespace: string | undefined, name?: string, options?: WhoCanOptions) => SubjectAccess[] {
  const memo = new Map<string, SubjectAccess[]>();
  const named = new Map<string, boolean>();
  const ask = (verb: string, resource: ResourceRef, namespace: string | undefined, name?: string, options: WhoCanOptions = {}): SubjectAccess[] => {
    const base = [verb, resource.group, resource.resource, resource.subresource ?? ''];
    let effectiveName = name;
    if (name !== undefined && !options.anyName) {
      const nk = base.join('\0');
      let matters = named.get(nk);
      if (matters === undefined) {
        matters = nameMatters(index, { kind: 'resource', verb, group: resource.group, resource: resource.resource, subresource: resource.subresource });
        named.set(nk, matters);
      }
      if (!matters) effectiveName = undefined;
    }
    const key = JSON.stringify([...base, namespace ?? null, effectiveName ?? null, options.expandGroups ?? true, options.anyName ?? false, options.part ?? 'all']);
    let hit = memo.get(key);
    if (hit) return hit;
    if (namespace !== undefined && (options.part ?? 'all') === 'all') {
      // ClusterRoleBindings answer the same in every namespace: ask once, add the namespace's RoleBindings.
      const cluster = ask(verb, resource, undefined, effectiveName, options);
      const local = ask(verb, resource, namespace, effectiveName, { ...options, part: 'namespaceOnly' });
      hit = mergeAnswers(cluster, local);
    } else {
      hit = whoCan(index, verb, resource, namespace, effectiveName, options);
    }
    memo.set(key, hit);
    return hit;
  };
  return ask;
}

/** Merges two answers sorted by key; a subject in both gets both path lists. */
export function mergeAnswers(a: readonly SubjectAccess[], b: readonly SubjectAccess[]): SubjectAccess[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const out: SubjectAccess[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].key < b[j].key)) out.push(a[i++]);
    else if (i >= a.length || b[j].key < a[i].key) out.push(b[j++]);
    else {
      out.push({ subject: a[i].subject, key: a[i].key, paths: [...a[i].paths, ...b[j].paths] });
      i++;
      j++;
    }
  }
  return out;
}
