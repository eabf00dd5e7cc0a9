import type { AdminNetworkPolicy, BaselineAdminNetworkPolicy, NetworkPolicy, ObjectRef, Subject } from '../model';
import type { RbacIndex } from './buildRbacIndex';
import { grantsFor, pathsFor } from './can';
import { ADMIN_NETWORK_POLICY, BASELINE_ADMIN_NETWORK_POLICY, NETWORK_POLICY, WORKLOAD_RESOURCES, resourceLabel } from './resources';
import { ALL_AUTHENTICATED, principalOf, subjectKey } from './subjects';
import type { GrantPath, ResourceRef, SubjectAccess } from './types';
import { rolesAllowing, whoCanCache } from './whoCan';

const RBAC = 'rbac.authorization.k8s.io';
const res = (group: string, resource: string, subresource?: string): ResourceRef => ({ group, resource, subresource });

/** The verbs that change a NetworkPolicy; the named ones are asked with the policy's name. */
export const POLICY_EDIT_VERBS = [
  { verb: 'create', named: false },
  { verb: 'update', named: true },
  { verb: 'patch', named: true },
  { verb: 'delete', named: true },
  { verb: 'deletecollection', named: false },
] as const;

export interface VerbAccess {
  readonly verb: string;
  readonly paths: readonly GrantPath[];
}

/** A subject that can change the object itself, with the verbs it has and their paths. */
export interface DirectEditor {
  readonly subject: Subject;
  readonly verbs: readonly VerbAccess[];
}

/** The step that makes a subject an editor: the right it uses and the paths that grant that right. */
export type EditorStep =
  | { readonly kind: 'impersonate'; readonly target: Subject; readonly paths: readonly GrantPath[] }
  | { readonly kind: 'bind'; readonly role: ObjectRef; readonly paths: readonly GrantPath[] }
  | { readonly kind: 'escalate'; readonly role: ObjectRef; readonly paths: readonly GrantPath[] }
  | { readonly kind: 'workload'; readonly serviceAccount: Subject; readonly resource: string; readonly paths: readonly GrantPath[] }
  | { readonly kind: 'token'; readonly serviceAccount: Subject; readonly paths: readonly GrantPath[] };

/** A subject that is not a direct editor but can become one in one step. */
export interface IndirectEditor {
  readonly subject: Subject;
  readonly steps: readonly EditorStep[];
}

export interface ObjectEditors {
  readonly direct: readonly DirectEditor[];
  readonly indirect: readonly IndirectEditor[];
}

export interface PolicyEditors extends ObjectEditors {
  readonly policy: ObjectRef;
}

/** One sentence for a step, naming whom or what it goes through. */
export function describeStep(step: EditorStep): string {
  switch (step.kind) {
    case 'impersonate':
      return `can impersonate ${subjectKey(step.target)}, who can edit it`;
    case 'bind':
      return `can bind ${step.role.kind} ${step.role.name} (which grants the edit) and create a binding to it`;
    case 'escalate':
      return `can escalate and update ${step.role.kind} ${step.role.name}, which is bound to it, to add the edit`;
    case 'workload':
      return `can create ${step.resource} in ${step.serviceAccount.namespace} running as ${subjectKey(step.serviceAccount)}, who can edit it`;
    case 'token':
      return `can create a token for ${subjectKey(step.serviceAccount)}, who can edit it`;
    default: {
      const never: never = step;
      return never;
    }
  }
}

type Ask = ReturnType<typeof whoCanCache>;

// Identity of memoized who-can answers, so objects whose five answers are the same share one editor list.
const answerIds = new WeakMap<readonly SubjectAccess[], number>();
let nextAnswerId = 0;
const answerId = (a: readonly SubjectAccess[]) => answerIds.get(a) ?? (answerIds.set(a, ++nextAnswerId), nextAnswerId);

/**
 * Direct editors of one object: who can create, update, patch, delete it, or deletecollection in its namespace
 * (`namespace` undefined: a cluster-scoped object, which only ClusterRoleBindings can grant). `name` undefined asks
 * about any object of the kind there: rules limited by resourceNames do not count (as the API server authorizes a
 * request without a name).
 * With `memo`, objects whose answers are the same (no resourceNames rule tells them apart) share one result.
 */
export function directEditors(ask: Ask, resource: ResourceRef, namespace: string | undefined, name: string | undefined, memo?: Map<string, DirectEditor[]>): DirectEditor[] {
  const answers = POLICY_EDIT_VERBS.map(({ verb, named }) => ask(verb, resource, namespace, named ? name : undefined));
  const memoKey = answers.map(answerId).join(',');
  const hit = memo?.get(memoKey);
  if (hit) return hit;
  const bySubject = new Map<string, { subject: Subject; verbs: VerbAccess[] }>();
  for (const [i, { verb }] of POLICY_EDIT_VERBS.entries()) {
    for (const e of answers[i]) {
      const key = e.key;
      const entry = bySubject.get(key) ?? bySubject.set(key, { subject: e.subject, verbs: [] }).get(key)!;
      entry.verbs.push({ verb, paths: e.paths });
    }
  }
  const result = [...bySubject.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  memo?.set(memoKey, result);
  return result;
}

/**
 * Subjects who can become editors of an object in `namespace` in one step (docs/rules.md "Indirect editors"):
 * impersonating a direct editor; binding a role that grants the edit (bind + create rolebindings); escalating a role
 * bound to them (escalate + update/patch); creating pods or workload controllers in a namespace whose ServiceAccount
 * is a direct editor; creating a token for such a ServiceAccount. Direct editors are not repeated.
 */
export function indirectEditors(index: RbacIndex, ask: Ask, direct: readonly DirectEditor[], resource: ResourceRef, namespace: string | undefined): IndirectEditor[] {
  const directKeys = new Set(direct.map((d) => subjectKey(d.subject)));
  const out = new Map<string, { subject: Subject; steps: EditorStep[] }>();
  const add = (list: readonly SubjectAccess[], step: (paths: readonly GrantPath[]) => EditorStep, filter?: (key: string) => boolean) => {
    for (const e of list) {
      const key = e.key;
      if (directKeys.has(key) || (filter && !filter(key))) continue;
      const entry = out.get(key) ?? out.set(key, { subject: e.subject, steps: [] }).get(key)!;
      entry.steps.push(step(e.paths));
    }
  };

  const someUserImpersonators = new Set(ask('impersonate', res('', 'users'), undefined, undefined, { anyName: true }).map((e) => e.key));
  for (const d of direct) {
    const target = d.subject;
    const ownPaths = d.verbs.flatMap((v) => v.paths);
    switch (target.kind) {
      case 'ServiceAccount':
        // Impersonating a ServiceAccount is checked as `impersonate serviceaccounts` in its namespace.
        add(ask('impersonate', res('', 'serviceaccounts'), target.namespace, target.name), (paths) => ({ kind: 'impersonate', target, paths }));
        add(ask('create', res('', 'serviceaccounts', 'token'), target.namespace, target.name), (paths) => ({ kind: 'token', serviceAccount: target, paths }));
        for (const w of WORKLOAD_RESOURCES) {
          add(ask('create', w, target.namespace), (paths) => ({ kind: 'workload', serviceAccount: target, resource: resourceLabel(w), paths }));
        }
        break;
      case 'User': {
        // An impersonated user gets only system:authenticated unless groups are impersonated too.
        const viaSelf = ownPaths.some((p) => p.kind === 'rbac' && (subjectKey(p.bindingSubject) === subjectKey(target) || p.bindingSubject.name === ALL_AUTHENTICATED));
        if (viaSelf) add(ask('impersonate', res('', 'users'), undefined, target.name), (paths) => ({ kind: 'impersonate', target, paths }));
        break;
      }
      case 'Group':
        // Impersonate-Group needs an impersonated user too (any user will do).
        add(
          ask('impersonate', res('', 'groups'), undefined, target.name),
          (paths) => ({ kind: 'impersonate', target, paths }),
          (key) => someUserImpersonators.has(key),
        );
        break;
      default: {
        const never: never = target.kind;
        return never;
      }
    }
  }

  // bind: create a RoleBinding here (or a ClusterRoleBinding) to a role that grants the edit.
  const granting = new Set<string>();
  for (const { verb } of POLICY_EDIT_VERBS) {
    for (const k of rolesAllowing(index, { kind: 'resource', verb, group: resource.group, resource: resource.resource, subresource: resource.subresource }, namespace)) granting.add(k);
  }
  // A RoleBinding never grants a cluster-scoped resource: for those only ClusterRoleBindings count.
  const rbCreators = new Map(namespace === undefined ? [] : ask('create', res(RBAC, 'rolebindings'), namespace).map((e) => [e.key, e.paths]));
  const crbCreators = new Map(ask('create', res(RBAC, 'clusterrolebindings'), undefined).map((e) => [e.key, e.paths]));
  for (const roleKey of [...granting].sort()) {
    const role = index.roles.get(roleKey)!.ref;
    const kindRes = role.kind === 'ClusterRole' ? 'clusterroles' : 'roles';
    if (namespace !== undefined) {
      const binders = ask('bind', res(RBAC, kindRes), namespace, role.name);
      add(binders, (paths) => ({ kind: 'bind', role, paths }), (key) => rbCreators.has(key));
    }
    if (role.kind === 'ClusterRole') {
      add(ask('bind', res(RBAC, kindRes), undefined, role.name), (paths) => ({ kind: 'bind', role, paths }), (key) => crbCreators.has(key) && !rbCreators.has(key));
    }
  }

  // escalate: add the edit to a role already bound to them (escalate + update/patch on that role).
  const escalators = [...(namespace === undefined ? [] : ask('escalate', res(RBAC, 'roles'), namespace, undefined, { anyName: true })), ...ask('escalate', res(RBAC, 'clusterroles'), undefined, undefined, { anyName: true })];
  const seen = new Set<string>();
  for (const e of escalators) {
    const key = e.key;
    if (seen.has(key) || directKeys.has(key)) continue;
    seen.add(key);
    for (const role of rolesBoundTo(index, e.subject, namespace)) {
      const scope = role.kind === 'ClusterRole' ? undefined : namespace;
      const r = res(RBAC, role.kind === 'ClusterRole' ? 'clusterroles' : 'roles');
      const principal = principalOf(e.subject, index.userGroups);
      const esc = pathsFor(index, principal, { kind: 'resource', verb: 'escalate', ...r, name: role.name }, scope);
      const upd = [...pathsFor(index, principal, { kind: 'resource', verb: 'update', ...r, name: role.name }, scope), ...pathsFor(index, principal, { kind: 'resource', verb: 'patch', ...r, name: role.name }, scope)];
      if (esc.length > 0 && upd.length > 0) add([{ subject: e.subject, key, paths: [...esc, ...upd] }], (paths) => ({ kind: 'escalate', role, paths }));
    }
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/**
 * Direct and indirect editors of the `resource` objects of one namespace (`undefined`: cluster-scoped ones), as the
 * Access matrix's editors view and `perimeter who-can --indirect` without `--name` count them: a subject is a direct
 * editor when it is one of any object there (the nameless question: create, deletecollection, and the named verbs on
 * every name) or of one of the existing objects `names` (a resourceNames rule); its verbs and paths are merged. The
 * indirect editors are then `indirectEditors` over that list: the same definitions as one object's editors, so a
 * namespace whose objects no resourceNames rule tells apart counts exactly what each object's page counts.
 */
export function namespaceEditors(index: RbacIndex, resource: ResourceRef, namespace: string | undefined, names: readonly string[], options: { indirect?: boolean; ask?: Ask } = {}): ObjectEditors {
  const ask = options.ask ?? whoCanCache(index);
  const memo = new Map<string, DirectEditor[]>();
  const lists = [directEditors(ask, resource, namespace, undefined, memo), ...names.map((n) => directEditors(ask, resource, namespace, n, memo))];
  const unique = [...new Set(lists)];
  let direct: readonly DirectEditor[] = unique[0];
  if (unique.length > 1) {
    const bySubject = new Map<string, { subject: Subject; verbs: Map<string, Map<string, GrantPath>> }>();
    for (const list of unique) {
      for (const d of list) {
        const key = subjectKey(d.subject);
        const entry = bySubject.get(key) ?? bySubject.set(key, { subject: d.subject, verbs: new Map() }).get(key)!;
        for (const v of d.verbs) {
          const paths = entry.verbs.get(v.verb) ?? entry.verbs.set(v.verb, new Map()).get(v.verb)!;
          for (const p of v.paths) paths.set(JSON.stringify(p), p);
        }
      }
    }
    const order = POLICY_EDIT_VERBS.map((v) => v.verb as string);
    direct = [...bySubject.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => ({ subject: e.subject, verbs: [...e.verbs.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([verb, paths]) => ({ verb, paths: [...paths.values()] })) }));
  }
  return { direct, indirect: (options.indirect ?? true) ? indirectEditors(index, ask, direct, resource, namespace) : [] };
}

/** Roles bound to a subject (directly or through its groups) by bindings that apply in the namespace. */
function rolesBoundTo(index: RbacIndex, subject: Subject, namespace: string | undefined): ObjectRef[] {
  return [...new Map(grantsFor(index, principalOf(subject, index.userGroups), namespace).map((g) => [g.roleKey, g.role])).values()];
}

/** Direct and indirect editors of every NetworkPolicy (memoized across policies of a namespace). */
export function networkPolicyEditors(index: RbacIndex, policies: readonly NetworkPolicy[], options: { indirect?: boolean } = {}): PolicyEditors[] {
  const ask = whoCanCache(index);
  const directMemo = new Map<string, DirectEditor[]>();
  const indirectMemo = new Map<readonly DirectEditor[], IndirectEditor[]>();
  return policies.map((p) => {
    const direct = directEditors(ask, NETWORK_POLICY, p.namespace, p.name, directMemo);
    let indirect: IndirectEditor[] = [];
    if (options.indirect ?? true) {
      // A shared direct list means the same namespace and the same answers, hence the same indirect editors.
      indirect = indirectMemo.get(direct) ?? indirectEditors(index, ask, direct, NETWORK_POLICY, p.namespace);
      indirectMemo.set(direct, indirect);
    }
    return { policy: { kind: 'NetworkPolicy', namespace: p.namespace, name: p.name }, direct, indirect };
  });
}

/**
 * Direct and indirect editors of every AdminNetworkPolicy and of the BaselineAdminNetworkPolicy: cluster-scoped
 * policy.networking.k8s.io objects, so only ClusterRoleBindings grant them. `create` matters as much as the named
 * verbs: a new ANP with a lower priority number overrides every existing one.
 */
export function adminNetworkPolicyEditors(
  index: RbacIndex,
  policies: { readonly adminNetworkPolicies: readonly AdminNetworkPolicy[]; readonly baselineAdminNetworkPolicies: readonly BaselineAdminNetworkPolicy[] },
  options: { indirect?: boolean } = {},
): PolicyEditors[] {
  const ask = whoCanCache(index);
  const directMemo = new Map<string, DirectEditor[]>();
  // Per kind: the same direct list can hide different granting roles (a role nobody holds) for the two resources.
  const indirectMemo = { AdminNetworkPolicy: new Map<readonly DirectEditor[], IndirectEditor[]>(), BaselineAdminNetworkPolicy: new Map<readonly DirectEditor[], IndirectEditor[]>() };
  const one = (kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy', name: string): PolicyEditors => {
    const resource = kind === 'AdminNetworkPolicy' ? ADMIN_NETWORK_POLICY : BASELINE_ADMIN_NETWORK_POLICY;
    const direct = directEditors(ask, resource, undefined, name, directMemo);
    let indirect: IndirectEditor[] = [];
    if (options.indirect ?? true) {
      indirect = indirectMemo[kind].get(direct) ?? indirectEditors(index, ask, direct, resource, undefined);
      indirectMemo[kind].set(direct, indirect);
    }
    return { policy: { kind, name }, direct, indirect };
  };
  return [...policies.adminNetworkPolicies.map((p) => one('AdminNetworkPolicy', p.name)), ...policies.baselineAdminNetworkPolicies.map((p) => one('BaselineAdminNetworkPolicy', p.name))];
}
