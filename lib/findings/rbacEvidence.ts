import type { ObjectRef, Subject } from '../model';
import type { RbacIndex } from '../rbac/buildRbacIndex';
import { CHANGE_VERBS, NETWORK_POLICY, WORKLOAD_RESOURCES, resourceLabel } from '../rbac/resources';
import { subjectKey } from '../rbac/subjects';
import { describePath, type GrantPath, type ResourceRef } from '../rbac/types';
import { whoCanCache } from '../rbac/whoCan';
import type { Evidence, Finding, Severity } from './finding';

/** One (verb, resource) question; `anyName` ignores resourceNames ("on at least one object"). */
export interface Right {
  readonly verb: string;
  readonly resource: ResourceRef;
  readonly anyName?: boolean;
}

/** A named set of rights: holding any one of them is holding the capability. */
export interface Capability {
  readonly label: string;
  readonly rights: readonly Right[];
}

const RBAC = 'rbac.authorization.k8s.io';
const rights = (verbs: readonly string[], resources: readonly ResourceRef[], anyName = true): Right[] =>
  resources.flatMap((resource) => verbs.map((verb) => ({ verb, resource, anyName })));

/** Change pods or workload controllers (create/update/patch/delete/deletecollection). */
export const CHANGE_WORKLOADS: Capability = { label: 'change workloads', rights: rights(CHANGE_VERBS, WORKLOAD_RESOURCES) };
/** Change NetworkPolicies. */
export const CHANGE_NETWORK_POLICIES: Capability = { label: 'change NetworkPolicies', rights: rights(CHANGE_VERBS, [NETWORK_POLICY]) };
/** Change RBAC in a namespace: write roles or rolebindings, or bind/escalate roles and clusterroles. */
export const CHANGE_RBAC: Capability = {
  label: 'change RBAC',
  rights: [
    ...rights(['create', 'update', 'patch', 'delete'], [{ group: RBAC, resource: 'roles' }, { group: RBAC, resource: 'rolebindings' }]),
    ...rights(['bind', 'escalate'], [{ group: RBAC, resource: 'roles' }, { group: RBAC, resource: 'clusterroles' }]),
  ],
};

/** Holder of a capability in one scope: the subject and the paths of each right it holds. */
export interface Holder {
  readonly subject: Subject;
  readonly rights: { readonly right: Right; readonly paths: readonly GrantPath[] }[];
}

export type Ask = ReturnType<typeof whoCanCache>;

/**
 * Everyone holding a capability in a namespace (undefined = at cluster scope), by subject key. With
 * `namespaceOnly`, only what the namespace's RoleBindings grant (combine with the cluster-scope holders).
 */
export function holders(ask: Ask, cap: Capability, namespace: string | undefined, namespaceOnly = false): Map<string, Holder> {
  const out = new Map<string, Holder>();
  for (const right of cap.rights) {
    for (const e of ask(right.verb, right.resource, namespace, undefined, { anyName: right.anyName, part: namespaceOnly ? 'namespaceOnly' : 'all' })) {
      const key = e.key;
      const h = out.get(key) ?? out.set(key, { subject: e.subject, rights: [] }).get(key)!;
      h.rights.push({ right, paths: e.paths });
    }
  }
  return out;
}

/** Every namespace the analysis should look at: the snapshot's, and any that holds a RoleBinding. */
export function allNamespaces(index: RbacIndex): string[] {
  const set = new Set(index.namespaces);
  for (const g of index.grantsByRole.values()) for (const ns of g.byNamespace.keys()) set.add(ns);
  return [...set].sort();
}

function pathRefs(p: GrantPath): ObjectRef[] {
  return p.kind === 'rbac' ? [p.binding, p.role] : [{ kind: 'Group', name: p.group }];
}

/** Evidence lines for a holder: one per distinct path, naming the rights it gives (at most `limit` lines). */
export function holderEvidence(cap: Capability, h: Holder, limit = 6): Evidence[] {
  const byPath = new Map<string, { path: GrantPath; rights: string[] }>();
  for (const { right, paths } of h.rights) {
    for (const p of paths) {
      const k = describePath(p);
      const entry = byPath.get(k) ?? byPath.set(k, { path: p, rights: [] }).get(k)!;
      const r = `${right.verb} ${resourceLabel(right.resource)}`;
      if (!entry.rights.includes(r)) entry.rights.push(r);
    }
  }
  const lines = [...byPath.entries()].map(([text, { path, rights: rs }]) => ({ text: `${cap.label} (${rs.join(', ')}): ${text}`, refs: pathRefs(path) }));
  if (lines.length <= limit) return lines;
  return [...lines.slice(0, limit), { text: `… and ${lines.length - limit} more path(s) to ${cap.label}`, refs: [] }];
}

/**
 * Whether a subject is a Kubernetes component: the superuser group, a `system:` user, or a ServiceAccount in
 * kube-system. Their findings are kept but lowered to `low` when every path is a built-in one (docs/rules.md).
 */
export function isSystemSubject(s: Subject): boolean {
  if (s.kind === 'Group') return s.name === 'system:masters' || s.name === 'system:nodes' || s.name.startsWith('system:bootstrappers');
  if (s.kind === 'User') return s.name.startsWith('system:');
  return s.namespace === 'kube-system';
}

/** A path from the default policy: the superuser group, or a binding named `system:*` or the `cluster-admin` binding. */
export function isBuiltinPath(p: GrantPath): boolean {
  if (p.kind === 'superuser') return true;
  return p.binding.name.startsWith('system:') || (p.binding.kind === 'ClusterRoleBinding' && p.binding.name === 'cluster-admin' && p.role.name === 'cluster-admin');
}

/** `severity`, or `low` for a system subject whose every path is built-in. */
export function systemAware(severity: Severity, subject: Subject, paths: readonly GrantPath[]): { severity: Severity; system: boolean } {
  const system = isSystemSubject(subject) && paths.length > 0 && paths.every(isBuiltinPath);
  return { severity: system ? 'low' : severity, system };
}

/** The stable finding id: rule, subject and namespace (`*` for cluster-wide). */
export function findingId(ruleId: string, subject: Subject | undefined, namespace: string | undefined, extra = ''): string {
  return `${ruleId}:${subject ? subjectKey(subject) : '-'}:${namespace ?? '*'}${extra ? `:${extra}` : ''}`;
}

/** Stable order: severity (high first), then id. */
export function sortFindings(list: Finding[]): Finding[] {
  const rank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
  return list.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The subjects a path is granted to: the binding subject, or the superuser group. */
export function grantedTo(p: GrantPath): string {
  return p.kind === 'rbac' ? subjectKey(p.bindingSubject) : `Group:${p.group}`;
}

/**
 * True when a subject holds everything only through one group that is itself reported (a member of a flagged group
 * adds nothing but noise); a member combining two groups, or a group and its own grants, is still reported.
 */
export function coveredByOneGroup(subject: Subject, paths: readonly GrantPath[]): boolean {
  const via = new Set(paths.map(grantedTo));
  if (via.size !== 1) return false;
  const [only] = via;
  return only !== subjectKey(subject) && only.startsWith('Group:');
}

/** A holder's rights from both scopes (cluster-wide and the namespace's own), or undefined when neither holds. */
export function mergeHolders(a: Holder | undefined, b: Holder | undefined): Holder | undefined {
  if (!a || !b) return a ?? b;
  return { subject: a.subject, rights: [...a.rights, ...b.rights] };
}
