// What one recorded version did, computed by lib/diff against the previous version: connections gained and lost,
// rights gained and lost (who can change NetworkPolicies and workloads), escalation paths to NetworkPolicy editing,
// findings opened and closed, default denies removed or added.
import type { Analyses } from '../analyses/analyses';
import { accessDiff, type AccessChange } from '../diff/accessDiff';
import { connectivityDiff, type ConnectionChange } from '../diff/connectivityDiff';
import { findingsDiff } from '../diff/findingsDiff';
import type { ReportedFinding } from '../findings/configRules';
import type { Severity } from '../findings/finding';
import { isDefaultDeny } from '../findings/networkFindings';
import type { Snapshot } from '../model';
import { describeStep } from '../rbac/networkPolicyEditors';
import { subjectKey } from '../rbac/subjects';

/** A finding as a change set names it (the full finding is in the snapshot of its version). */
export interface FindingRef {
  readonly id: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly title: string;
  readonly namespace?: string;
}

/** A subject that gains or loses a one-step path to editing the NetworkPolicies of a namespace. */
export interface EscalationChange {
  readonly change: 'gained' | 'lost';
  readonly subject: string;
  readonly namespace: string;
  /** The steps (describeStep), e.g. `can bind ClusterRole netpol-admin (which grants the edit) and create a binding to it`. */
  readonly steps: readonly string[];
}

/** A namespace whose default deny of one direction appeared or went away. */
export interface DefaultDenyChange {
  readonly change: 'added' | 'removed';
  readonly namespace: string;
  readonly direction: 'Ingress' | 'Egress';
}

/** The effects of one version; `connections.items` holds at most CONNECTION_ITEMS, `omitted` says how many more. */
export interface ChangeEffects {
  readonly connections: { readonly added: number; readonly removed: number; readonly changed: number; readonly items: readonly ConnectionChange[]; readonly omitted: number };
  readonly access: readonly AccessChange[];
  readonly escalation: readonly EscalationChange[];
  readonly findings: { readonly opened: readonly FindingRef[]; readonly closed: readonly FindingRef[] };
  readonly defaultDenies: readonly DefaultDenyChange[];
  /** Which analyses were skipped because no object they read changed (so their empty lists are facts, not omissions). */
  readonly skipped: readonly ('connections' | 'access' | 'escalation')[];
}

/** Connection changes kept per version; the rest are counted (and recomputed on demand by rebuilding both versions). */
export const CONNECTION_ITEMS = 500;

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ServiceAccount', 'Namespace']);
/** Kinds whose objects decide connectivity: everything but RBAC objects and ServiceAccounts. */
const touchesNetwork = (kinds: ReadonlySet<string>) => [...kinds].some((k) => !RBAC_KINDS.has(k) || k === 'Namespace');
const touchesRbac = (kinds: ReadonlySet<string>) => [...kinds].some((k) => RBAC_KINDS.has(k));
/** Escalation steps also go through workloads (create a pod running as an account that can edit). */
const touchesEscalation = (kinds: ReadonlySet<string>) => touchesRbac(kinds) || [...kinds].some((k) => k !== 'NetworkPolicy' && k !== 'AdminNetworkPolicy' && k !== 'BaselineAdminNetworkPolicy' && !RBAC_KINDS.has(k));

/** Namespace → subject key → the steps that make it an indirect NetworkPolicy editor there. */
function escalationOf(a: Analyses): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const e of a.policyEditors.values()) {
    const ns = e.policy.namespace ?? '';
    const m = out.get(ns) ?? out.set(ns, new Map()).get(ns)!;
    for (const i of e.indirect) {
      const key = subjectKey(i.subject);
      const steps = m.get(key) ?? m.set(key, []).get(key)!;
      for (const s of i.steps) {
        const text = describeStep(s);
        if (!steps.includes(text)) steps.push(text);
      }
    }
  }
  return out;
}

function escalationDiff(before: Map<string, Map<string, string[]>>, after: Map<string, Map<string, string[]>>): EscalationChange[] {
  const out: EscalationChange[] = [];
  for (const ns of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(ns) ?? new Map<string, string[]>();
    const a = after.get(ns) ?? new Map<string, string[]>();
    for (const [s, steps] of a) if (!b.has(s)) out.push({ change: 'gained', subject: s, namespace: ns, steps: [...steps].sort() });
    for (const [s, steps] of b) if (!a.has(s)) out.push({ change: 'lost', subject: s, namespace: ns, steps: [...steps].sort() });
  }
  return out;
}

function defaultDenyDiff(base: Snapshot, head: Snapshot): DefaultDenyChange[] {
  const denies = (s: Snapshot) => {
    const set = new Set<string>();
    for (const p of s.networkPolicies) for (const d of ['Ingress', 'Egress'] as const) if (isDefaultDeny(p, d)) set.add(`${p.namespace}\u0000${d}`);
    return set;
  };
  const b = denies(base);
  const a = denies(head);
  const split = (k: string) => {
    const [namespace, direction] = k.split('\u0000');
    return { namespace, direction: direction as 'Ingress' | 'Egress' };
  };
  return [...[...b].filter((k) => !a.has(k)).map((k) => ({ change: 'removed' as const, ...split(k) })), ...[...a].filter((k) => !b.has(k)).map((k) => ({ change: 'added' as const, ...split(k) }))].sort((x, y) =>
    `${x.namespace}${x.direction}`.localeCompare(`${y.namespace}${y.direction}`),
  );
}

const ref = (f: ReportedFinding): FindingRef => ({ id: f.id, ruleId: f.ruleId, severity: f.severity, title: f.title, ...(f.namespace ? { namespace: f.namespace } : {}) });

/**
 * The effects of going from `base` to `head` (the analyses of two consecutive versions under one config), where
 * `changedKinds` are the kinds of the objects that changed. An analysis none of whose inputs changed is skipped
 * (its answer is "no change", and `skipped` says so). Whatever is computed stays in the Analyses objects, so the
 * recorder passes the head as the next version's base and each version is analysed once.
 */
export function computeEffects(base: Analyses, head: Analyses, changedKinds: ReadonlySet<string>): ChangeEffects {
  const net = touchesNetwork(changedKinds);
  const skipped: ChangeEffects['skipped'][number][] = [];

  let connections: ChangeEffects['connections'] = { added: 0, removed: 0, changed: 0, items: [], omitted: 0 };
  if (net) {
    const all = connectivityDiff(base, head);
    const count = (c: ConnectionChange['change']) => all.filter((x) => x.change === c).length;
    connections = { added: count('added'), removed: count('removed'), changed: count('changed'), items: all.slice(0, CONNECTION_ITEMS), omitted: Math.max(0, all.length - CONNECTION_ITEMS) };
  } else skipped.push('connections');

  let access: AccessChange[] = [];
  if (touchesRbac(changedKinds)) access = accessDiff(base.rbac, head.rbac);
  else skipped.push('access');

  let escalation: EscalationChange[] = [];
  if (touchesEscalation(changedKinds) || changedKinds.has('NetworkPolicy')) escalation = escalationDiff(escalationOf(base), escalationOf(head));
  else skipped.push('escalation');

  const f = findingsDiff(base, head);
  return {
    connections,
    access,
    escalation,
    findings: { opened: f.introduced.map(ref), closed: f.resolved.map(ref) },
    defaultDenies: net ? defaultDenyDiff(base.snapshot, head.snapshot) : [],
    skipped,
  };
}

/** Tags a version by what it did, for the History filter ("opened a connection", "added an editor", …). */
export function effectTags(e: ChangeEffects): string[] {
  const tags = new Set<string>();
  for (const c of e.connections.items) {
    if (c.change === 'added' || (c.change === 'changed' && c.opened)) tags.add('opened-connection');
    if (c.change === 'removed' || (c.change === 'changed' && c.closed)) tags.add('closed-connection');
    if (c.exposure === 'from-outside') tags.add('exposed-from-outside');
  }
  if (e.connections.omitted > 0 && e.connections.added > 0) tags.add('opened-connection');
  for (const a of e.access) {
    const editor = a.capability === 'change NetworkPolicies';
    tags.add(`${a.change === 'gained' ? 'added' : 'removed'}-${editor ? 'editor' : 'workload-rights'}`);
  }
  for (const x of e.escalation) tags.add(x.change === 'gained' ? 'added-escalation-path' : 'removed-escalation-path');
  if (e.findings.opened.length) tags.add('opened-finding');
  if (e.findings.closed.length) tags.add('closed-finding');
  for (const d of e.defaultDenies) tags.add(`${d.change}-default-deny`);
  return [...tags].sort();
}

/** The filter's effect tags with their labels, in the order the History page offers them. */
export const EFFECT_TAGS: readonly { readonly tag: string; readonly label: string }[] = [
  { tag: 'opened-connection', label: 'opened a connection' },
  { tag: 'closed-connection', label: 'closed a connection' },
  { tag: 'exposed-from-outside', label: 'opened a path from outside' },
  { tag: 'added-editor', label: 'added a NetworkPolicy editor' },
  { tag: 'removed-editor', label: 'removed a NetworkPolicy editor' },
  { tag: 'added-workload-rights', label: 'added rights over workloads' },
  { tag: 'removed-workload-rights', label: 'removed rights over workloads' },
  { tag: 'added-escalation-path', label: 'added an escalation path' },
  { tag: 'removed-escalation-path', label: 'removed an escalation path' },
  { tag: 'removed-default-deny', label: 'removed a default deny' },
  { tag: 'added-default-deny', label: 'added a default deny' },
  { tag: 'opened-finding', label: 'opened a finding' },
  { tag: 'closed-finding', label: 'closed a finding' },
];
