import type { NetworkPolicy, PolicyRule, Subject } from '../model';
import type { RbacIndex } from '../rbac/buildRbacIndex';
import { describeStep, networkPolicyEditors, type EditorStep, type IndirectEditor } from '../rbac/networkPolicyEditors';
import { ALL_AUTHENTICATED, ALL_SERVICE_ACCOUNTS, ALL_UNAUTHENTICATED, subjectKey } from '../rbac/subjects';
import { describePath, type Grant, type GrantPath } from '../rbac/types';
import type { Evidence, Finding, Severity } from './finding';
import {
  CHANGE_NETWORK_POLICIES,
  CHANGE_RBAC,
  allNamespaces,
  coveredByOneGroup,
  findingId,
  holderEvidence,
  holders,
  isBuiltinPath,
  systemAware,
  type Ask,
  type Capability,
  type Holder,
} from './rbacEvidence';

const RBAC = 'rbac.authorization.k8s.io';
const grantPath = (g: Grant, ruleIndex: number, rule: PolicyRule): GrantPath => ({ kind: 'rbac', binding: g.binding, role: g.role, ruleIndex, rule, bindingSubject: g.subject });
const refsOf = (p: GrantPath) => (p.kind === 'rbac' ? [p.binding, p.role] : []);

/** Every grant of the index with its scope (undefined = ClusterRoleBinding). */
function* allGrants(index: RbacIndex): Generator<Grant> {
  for (const rg of index.grantsByRole.values()) {
    yield* rg.cluster;
    for (const list of rg.byNamespace.values()) yield* list;
  }
}

const hasStar = (r: PolicyRule) => r.verbs.includes('*') || r.apiGroups.includes('*') || r.resources.includes('*') || r.nonResourceURLs.includes('*');

/** PER-RBAC-WILDCARD: rules with `*` granted by any role but cluster-admin, per subject and scope. */
export function wildcardFindings(index: RbacIndex): Finding[] {
  const groups = new Map<string, { subject: Subject; scope?: string; paths: GrantPath[]; full: boolean }>();
  for (const g of allGrants(index)) {
    if (g.role.kind === 'ClusterRole' && g.role.name === 'cluster-admin') continue;
    index.roles.get(g.roleKey)?.rules.forEach(({ rule }, i) => {
      if (!hasStar(rule)) return;
      const key = `${subjectKey(g.subject)}|${g.scope ?? '*'}`;
      const e = groups.get(key) ?? groups.set(key, { subject: g.subject, scope: g.scope, paths: [], full: false }).get(key)!;
      e.paths.push(grantPath(g, i, rule));
      if (rule.verbs.includes('*') && rule.resources.includes('*')) e.full = true;
    });
  }
  return [...groups.values()].map(({ subject, scope, paths, full }) => {
    const { severity, system } = systemAware(full ? 'high' : 'medium', subject, paths);
    return {
      id: findingId('PER-RBAC-WILDCARD', subject, scope),
      ruleId: 'PER-RBAC-WILDCARD',
      severity,
      title: `${subjectKey(subject)} holds wildcard (*) rules outside cluster-admin ${scope ? `in namespace ${scope}` : 'cluster-wide'}${full ? ': every verb on every resource' : ''}${system ? ' (Kubernetes component, built-in grants)' : ''}`,
      subject,
      namespace: scope,
      evidence: paths.map((p) => ({ text: describePath(p), refs: refsOf(p) })),
      fix: 'Replace the wildcard rule with the verbs, API groups and resources the subject needs, or bind cluster-admin explicitly if full control is intended.',
    };
  });
}

const BROAD = (name: string) => name === ALL_AUTHENTICATED || name === ALL_UNAUTHENTICATED || name === ALL_SERVICE_ACCOUNTS || name.startsWith(`${ALL_SERVICE_ACCOUNTS}:`);
const READ = new Set(['get', 'list', 'watch']);
const SELF_REVIEWS = new Set(['selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'selfsubjectreviews']);
/** Rules of the default discovery/self-review/issuer-discovery bindings: reading non-resource URLs, creating self reviews. */
const harmless = (r: PolicyRule) =>
  (r.nonResourceURLs.length > 0 && r.verbs.every((v) => v === 'get')) || (r.resources.length > 0 && r.resources.every((x) => SELF_REVIEWS.has(x)) && r.verbs.every((v) => v === 'create'));
const writes = (r: PolicyRule) => r.verbs.some((v) => !READ.has(v));
const readsSecrets = (r: PolicyRule) => r.resources.some((x) => x === '*' || x === 'secrets') && (r.apiGroups.includes('') || r.apiGroups.includes('*'));

/** PER-RBAC-BROAD-GROUP: anything granted to every (un)authenticated user or every ServiceAccount, beyond the defaults. */
export function broadGroupFindings(index: RbacIndex): Finding[] {
  const groups = new Map<string, { subject: Subject; scope?: string; paths: GrantPath[] }>();
  for (const g of allGrants(index)) {
    if (g.subject.kind !== 'Group' || !BROAD(g.subject.name)) continue;
    const rules = index.roles.get(g.roleKey)?.rules ?? [];
    rules.forEach(({ rule }, i) => {
      const p = grantPath(g, i, rule);
      // The bootstrap system:discovery / system:basic-user / public-info-viewer / issuer-discovery bindings.
      if (isBuiltinPath(p) && harmless(rule)) return;
      const key = `${g.subject.name}|${g.scope ?? '*'}`;
      const e = groups.get(key) ?? groups.set(key, { subject: g.subject, scope: g.scope, paths: [] }).get(key)!;
      e.paths.push(p);
    });
  }
  return [...groups.values()].map(({ subject, scope, paths }) => {
    const rules = paths.flatMap((p) => (p.kind === 'rbac' ? [p.rule] : []));
    const danger = rules.some(writes) || rules.some(readsSecrets) || subject.name === ALL_UNAUTHENTICATED;
    const severity: Severity = danger ? 'high' : 'medium';
    const who = subject.name === ALL_AUTHENTICATED ? 'every authenticated user' : subject.name === ALL_UNAUTHENTICATED ? 'anonymous (unauthenticated) requests' : subject.name === ALL_SERVICE_ACCOUNTS ? 'every ServiceAccount' : `every ServiceAccount of ${subject.name.split(':')[2]}`;
    return {
      id: findingId('PER-RBAC-BROAD-GROUP', subject, scope),
      ruleId: 'PER-RBAC-BROAD-GROUP',
      severity,
      title: `Group ${subject.name} (${who}) is granted ${rules.length} rule(s) ${scope ? `in namespace ${scope}` : 'cluster-wide'}${danger ? ', including writes or secrets' : ''}`,
      subject,
      namespace: scope,
      evidence: paths.map((p) => ({ text: describePath(p), refs: refsOf(p) })),
      fix: `Bind the role to the specific users, groups or ServiceAccounts that need it instead of ${subject.name}.`,
    };
  });
}

/** Rights that let a subject gain more rights than it holds (docs/rules.md, PER-RBAC-ESCALATION). */
const ESCALATION_CLUSTER: Capability = {
  label: 'escalate privileges',
  rights: [
    { verb: 'impersonate', resource: { group: '', resource: 'users' }, anyName: true },
    { verb: 'impersonate', resource: { group: '', resource: 'groups' }, anyName: true },
    { verb: 'bind', resource: { group: RBAC, resource: 'clusterroles' }, anyName: true },
    { verb: 'escalate', resource: { group: RBAC, resource: 'clusterroles' }, anyName: true },
    { verb: 'get', resource: { group: '', resource: 'nodes', subresource: 'proxy' }, anyName: true },
    { verb: 'create', resource: { group: '', resource: 'nodes', subresource: 'proxy' }, anyName: true },
  ],
};
const ESCALATION_NS: Capability = {
  label: 'escalate privileges',
  rights: [
    { verb: 'impersonate', resource: { group: '', resource: 'serviceaccounts' }, anyName: true },
    { verb: 'create', resource: { group: '', resource: 'serviceaccounts', subresource: 'token' }, anyName: true },
    { verb: 'bind', resource: { group: RBAC, resource: 'roles' }, anyName: true },
    { verb: 'escalate', resource: { group: RBAC, resource: 'roles' }, anyName: true },
    { verb: 'bind', resource: { group: RBAC, resource: 'clusterroles' }, anyName: true },
  ],
};
const EXEC: Capability = {
  label: 'exec into pods',
  rights: [
    { verb: 'create', resource: { group: '', resource: 'pods', subresource: 'exec' }, anyName: true },
    // Older API servers authorize WebSocket exec as `get pods/exec`.
    { verb: 'get', resource: { group: '', resource: 'pods', subresource: 'exec' }, anyName: true },
  ],
};

/**
 * PER-RBAC-ESCALATION: impersonate, bind, escalate, nodes/proxy, serviceaccounts/token, and pods/exec in namespaces
 * whose ServiceAccounts are powerful (can change NetworkPolicies or RBAC, or escalate). Per subject, cluster-wide
 * grants once and namespace grants per namespace.
 */
export function escalationFindings(index: RbacIndex, ask: Ask): Finding[] {
  const namespaces = allNamespaces(index);
  const cluster = new Map<string, { holder: Holder; extra: Evidence[] }>();
  const perNs = new Map<string, { holder: Holder; ns: string; extra: Evidence[] }>();
  const powerful = new Map<string, string[]>(); // namespace → powerful ServiceAccounts

  const notePowerful = (hs: Map<string, Holder>) => {
    for (const h of hs.values()) {
      if (h.subject.kind !== 'ServiceAccount' || !h.subject.namespace) continue;
      const list = powerful.get(h.subject.namespace) ?? powerful.set(h.subject.namespace, []).get(h.subject.namespace)!;
      if (!list.includes(h.subject.name)) list.push(h.subject.name);
    }
  };
  const clusterHolders = holders(ask, { label: ESCALATION_CLUSTER.label, rights: [...ESCALATION_CLUSTER.rights, ...ESCALATION_NS.rights] }, undefined);
  notePowerful(clusterHolders);
  for (const [k, h] of clusterHolders) cluster.set(k, { holder: h, extra: [] });
  notePowerful(holders(ask, CHANGE_NETWORK_POLICIES, undefined));
  notePowerful(holders(ask, CHANGE_RBAC, undefined));
  for (const ns of namespaces) {
    const hs = holders(ask, ESCALATION_NS, ns, true);
    notePowerful(hs);
    notePowerful(holders(ask, CHANGE_NETWORK_POLICIES, ns, true));
    notePowerful(holders(ask, CHANGE_RBAC, ns, true));
    for (const [k, h] of hs) perNs.set(`${k}|${ns}`, { holder: h, ns, extra: [] });
  }
  // pods/exec where a powerful ServiceAccount's token can be taken from a pod running as it.
  const clusterExec = holders(ask, EXEC, undefined);
  const powerfulNs = [...powerful.keys()].sort();
  if (powerfulNs.length > 0) {
    const listed = powerfulNs.length > 10 ? `${powerfulNs.slice(0, 10).join(', ')} and ${powerfulNs.length - 10} more` : powerfulNs.join(', ');
    for (const [k, h] of clusterExec) {
      const c = cluster.get(k) ?? cluster.set(k, { holder: { subject: h.subject, rights: [] }, extra: [] }).get(k)!;
      c.holder.rights.push(...h.rights);
      c.extra.push({ text: `can exec into pods of every namespace (cluster-wide grant), including ${listed}, where ServiceAccounts can change NetworkPolicies or RBAC or escalate`, refs: [] });
    }
  }
  for (const ns of powerfulNs) {
    const text = `can exec into pods of ${ns}, where ServiceAccount(s) ${powerful.get(ns)!.sort().join(', ')} can change NetworkPolicies or RBAC or escalate`;
    for (const [k, h] of holders(ask, EXEC, ns, true)) {
      if (clusterExec.has(k)) continue;
      const e = perNs.get(`${k}|${ns}`) ?? perNs.set(`${k}|${ns}`, { holder: { subject: h.subject, rights: [] }, ns, extra: [] }).get(`${k}|${ns}`)!;
      e.holder.rights.push(...h.rights);
      e.extra.push({ text, refs: [] });
    }
  }

  const make = (holder: Holder, ns: string | undefined, extra: Evidence[]): Finding | undefined => {
    const paths = holder.rights.flatMap((r) => r.paths);
    if (paths.length > 0 && coveredByOneGroup(holder.subject, paths)) return undefined;
    const { severity, system } = systemAware('high', holder.subject, paths);
    const rights = [...new Set(holder.rights.map((r) => `${r.right.verb} ${r.right.resource.resource}${r.right.resource.subresource ? `/${r.right.resource.subresource}` : ''}`))];
    return {
      id: findingId('PER-RBAC-ESCALATION', holder.subject, ns),
      ruleId: 'PER-RBAC-ESCALATION',
      severity,
      title: `${subjectKey(holder.subject)} can escalate its privileges ${ns ? `in namespace ${ns}` : 'cluster-wide'} (${rights.join(', ') || 'pods/exec'})${system ? ' (Kubernetes component, built-in grants)' : ''}`,
      subject: holder.subject,
      namespace: ns,
      evidence: [...extra, ...holderEvidence(ESCALATION_NS, holder)],
      fix: 'Remove impersonate/bind/escalate/nodes/proxy/token/exec rights unless the subject administers access; scope them with resourceNames where possible.',
    };
  };
  const out: Finding[] = [];
  for (const { holder, extra } of cluster.values()) {
    const f = make(holder, undefined, extra);
    if (f) out.push(f);
  }
  for (const { holder, ns, extra } of perNs.values()) {
    const f = make(holder, ns, extra);
    if (f) out.push(f);
  }
  return out;
}

/** PER-RBAC-DANGLING-ROLEREF: a binding to a role that does not exist (it grants nothing today, but will when one is created). */
export function danglingRoleRefFindings(index: RbacIndex): Finding[] {
  return index.warnings
    .filter((w) => w.code === 'dangling-roleref' && w.object)
    .map((w) => ({
      id: `PER-RBAC-DANGLING-ROLEREF:${w.object!.kind}:${w.object!.namespace ?? ''}/${w.object!.name}`,
      ruleId: 'PER-RBAC-DANGLING-ROLEREF',
      severity: 'low' as const,
      title: w.message,
      namespace: w.object!.namespace,
      object: w.object,
      evidence: [{ text: w.message, refs: [w.object!] }],
      fix: 'Delete the binding, or point it at an existing role; whoever later creates a role of that name grants its rules to these subjects.',
    }));
}

/**
 * PER-RBAC-NETPOL-INDIRECT-EDITOR: subjects that can become NetworkPolicy editors in one step. Per subject and
 * namespace; a subject whose every step comes from ClusterRoleBindings gets one finding listing the namespaces.
 */
export function indirectEditorFindings(index: RbacIndex, policies: readonly NetworkPolicy[]): Finding[] {
  interface Group { subject: Subject; namespaces: Set<string>; steps: Map<string, EditorStep>; policies: number }
  const groups = new Map<string, Group>();
  // Policies of a namespace with the same editors share one indirect list: visit each list once.
  const lists = new Map<readonly IndirectEditor[], { ns: string; count: number }>();
  for (const pe of networkPolicyEditors(index, policies)) {
    const l = lists.get(pe.indirect) ?? lists.set(pe.indirect, { ns: pe.policy.namespace ?? '', count: 0 }).get(pe.indirect)!;
    l.count++;
  }
  for (const [indirect, { ns, count }] of lists) {
    for (const ie of indirect) {
      const clusterOnly = ie.steps.every((st) => st.paths.every((p) => p.kind === 'superuser' || p.binding.kind === 'ClusterRoleBinding'));
      const key = `${subjectKey(ie.subject)}|${clusterOnly ? '*' : ns}`;
      const e = groups.get(key) ?? groups.set(key, { subject: ie.subject, namespaces: new Set(), steps: new Map(), policies: 0 }).get(key)!;
      e.namespaces.add(ns);
      e.policies += count;
      for (const st of ie.steps) e.steps.set(describeStep(st), st);
    }
  }
  const out: Finding[] = [];
  for (const [key, { subject, namespaces, steps, policies: count }] of groups) {
    const paths = [...steps.values()].flatMap((st) => st.paths);
    if (coveredByOneGroup(subject, paths)) continue;
    const { severity, system } = systemAware('medium', subject, paths);
    const clusterWide = key.endsWith('|*');
    const nsList = [...namespaces].sort();
    const ns = clusterWide ? undefined : nsList[0];
    out.push({
      id: findingId('PER-RBAC-NETPOL-INDIRECT-EDITOR', subject, ns),
      ruleId: 'PER-RBAC-NETPOL-INDIRECT-EDITOR',
      severity,
      title: `${subjectKey(subject)} can make itself an editor of ${count} NetworkPolicy(ies) ${clusterWide ? `in namespaces ${nsList.join(', ')} (cluster-wide grants)` : `in ${ns}`} in one step${system ? ' (Kubernetes component, built-in grants)' : ''}`,
      subject,
      namespace: ns,
      ...(clusterWide && { namespaces: nsList }),
      evidence: [...steps.entries()].slice(0, 8).map(([text, st]) => ({ text: `${text}: ${st.paths.slice(0, 2).map(describePath).join('; ')}`, refs: st.paths.slice(0, 2).flatMap(refsOf) })),
      fix: 'Remove the right that leads to the editor (impersonation, bind/escalate, pod creation next to a NetworkPolicy-editing ServiceAccount, token creation), or take NetworkPolicy rights away from that ServiceAccount.',
    });
  }
  return out;
}
