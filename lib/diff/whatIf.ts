import { analyze, type Analyses } from '../analyses/analyses';
import type { ObjectRef, Snapshot, Warning } from '../model';
import { snapshotFromTexts } from '../sources/snapshotFromTexts';
import { snapshotDiff, type SnapshotDiff } from './snapshotDiff';

/** What a user proposes: manifests to create or replace, and objects to delete (one `Kind/namespace/name` per line). */
export interface WhatIfInput {
  readonly files: readonly { readonly name: string; readonly text: string }[];
  readonly deletions: string;
}

/** The proposed snapshot, what was applied to it, and what it changes. */
export interface WhatIfResult {
  readonly diff: SnapshotDiff;
  readonly created: readonly ObjectRef[];
  readonly replaced: readonly ObjectRef[];
  readonly deleted: readonly ObjectRef[];
  readonly warnings: readonly Warning[];
}

type Changeable = 'NetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'Role' | 'ClusterRole' | 'RoleBinding' | 'ClusterRoleBinding';
const LISTS: Record<Changeable, 'networkPolicies' | 'adminNetworkPolicies' | 'baselineAdminNetworkPolicies' | 'roles' | 'clusterRoles' | 'roleBindings' | 'clusterRoleBindings'> = {
  NetworkPolicy: 'networkPolicies',
  AdminNetworkPolicy: 'adminNetworkPolicies',
  BaselineAdminNetworkPolicy: 'baselineAdminNetworkPolicies',
  Role: 'roles',
  ClusterRole: 'clusterRoles',
  RoleBinding: 'roleBindings',
  ClusterRoleBinding: 'clusterRoleBindings',
};
const CLUSTER_SCOPED = new Set<Changeable>(['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterRole', 'ClusterRoleBinding']);
// kubectl's names and short names for the kinds a what-if can change.
const ALIASES: Record<string, Changeable> = {
  networkpolicy: 'NetworkPolicy', networkpolicies: 'NetworkPolicy', netpol: 'NetworkPolicy',
  adminnetworkpolicy: 'AdminNetworkPolicy', adminnetworkpolicies: 'AdminNetworkPolicy', anp: 'AdminNetworkPolicy',
  baselineadminnetworkpolicy: 'BaselineAdminNetworkPolicy', baselineadminnetworkpolicies: 'BaselineAdminNetworkPolicy', banp: 'BaselineAdminNetworkPolicy',
  role: 'Role', roles: 'Role', clusterrole: 'ClusterRole', clusterroles: 'ClusterRole',
  rolebinding: 'RoleBinding', rolebindings: 'RoleBinding', clusterrolebinding: 'ClusterRoleBinding', clusterrolebindings: 'ClusterRoleBinding',
};

type Named = { readonly name: string; readonly namespace?: string };
const keyOf = (kind: string, o: Named) => `${kind}/${o.namespace ?? ''}/${o.name}`;
const refOf = (kind: string, o: Named): ObjectRef => (o.namespace === undefined ? { kind, name: o.name } : { kind, namespace: o.namespace, name: o.name });

/** Parses the deletion list: `Kind/namespace/name` or `Kind/name` (cluster-scoped kinds), `#` comments, blank lines. */
export function parseDeletions(text: string): { refs: ObjectRef[]; warnings: Warning[] } {
  const refs: ObjectRef[] = [];
  const warnings: Warning[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const parts = line.split('/');
    // Own keys only: `constructor/a/b` must not find Object.prototype.constructor and slip through as a kind.
    const key = parts[0].toLowerCase();
    const kind = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
    const bad = (why: string) => warnings.push({ code: 'what-if-deletion-invalid', severity: 'error', message: `deletion line ${i + 1} "${line}": ${why}; it was ignored.` });
    if (!kind) return void bad('the kind must be NetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy, Role, ClusterRole, RoleBinding or ClusterRoleBinding');
    const cluster = CLUSTER_SCOPED.has(kind);
    if (cluster ? parts.length !== 2 : parts.length !== 3) return void bad(cluster ? `write ${kind}/name` : `write ${kind}/namespace/name`);
    if (parts.some((p) => p === '')) return void bad('empty name or namespace');
    refs.push(cluster ? { kind, name: parts[1] } : { kind, namespace: parts[1], name: parts[2] });
  });
  return { refs, warnings };
}

/** Services and the objects routing traffic to them: a what-if does not change them either. */
function entryObjectCount(s: Snapshot): number {
  return s.services.length + s.ingresses.length + s.ingressClasses.length + s.routes.length + s.gatewayClasses.length + s.gateways.length + s.gatewayRoutes.length + s.referenceGrants.length;
}

/** The proposed snapshot and what was applied to make it. */
export interface AppliedWhatIf {
  readonly head: Snapshot;
  readonly created: readonly ObjectRef[];
  readonly replaced: readonly ObjectRef[];
  readonly deleted: readonly ObjectRef[];
  readonly warnings: readonly Warning[];
}

/**
 * Applies proposed manifests and deletions to a copy of `base` — NetworkPolicies, (Baseline)AdminNetworkPolicies and
 * RBAC objects only; pods and workloads stay as they are. Pure: nothing is sent anywhere. Objects of other kinds in the
 * manifests are reported and ignored; a deletion of an object that is not there is a warning.
 */
export function applyWhatIf(base: Snapshot, input: WhatIfInput): AppliedWhatIf {
  const parsed = snapshotFromTexts(input.files, { kind: 'upload', fileNames: input.files.map((f) => f.name) });
  // Implied namespaces and the Service skip notice are about the pasted text alone, not what-if problems.
  const warnings: Warning[] = parsed.warnings.filter((w) => w.code !== 'unused-kind');
  const ignored = parsed.workloads.filter((w) => w.declared).length + parsed.pods.filter((p) => !p.fromTemplate && !p.owner).length + parsed.serviceAccounts.length + parsed.namespaces.filter((n) => n.declared).length + entryObjectCount(parsed);
  if (ignored > 0) warnings.push({ code: 'what-if-kind-ignored', severity: 'warning', message: `${ignored} object(s) other than network policies and RBAC objects were ignored: a what-if changes policies and access, not workloads or namespaces.` });
  for (const w of parsed.warnings.filter((x) => x.code === 'unused-kind')) warnings.push({ ...w, severity: 'info' });

  const { refs: deletions, warnings: deletionWarnings } = parseDeletions(input.deletions);
  warnings.push(...deletionWarnings);
  const created: ObjectRef[] = [];
  const replaced: ObjectRef[] = [];
  const deleted: ObjectRef[] = [];
  const head: { -readonly [K in keyof Snapshot]: Snapshot[K] } = { ...base };
  for (const kind of Object.keys(LISTS) as Changeable[]) {
    const list = LISTS[kind];
    const current = new Map<string, Named>((base[list] as readonly Named[]).map((o) => [keyOf(kind, o), o]));
    for (const d of deletions.filter((x) => x.kind === kind)) {
      const k = keyOf(kind, d);
      if (current.delete(k)) deleted.push(d);
      else warnings.push({ code: 'what-if-deletion-missing', severity: 'warning', message: `${kind} ${d.namespace ? `${d.namespace}/` : ''}${d.name} is not in the snapshot; nothing to delete.` });
    }
    for (const o of parsed[list] as readonly Named[]) {
      const k = keyOf(kind, o);
      (current.has(k) ? replaced : created).push(refOf(kind, o));
      current.set(k, o);
    }
    (head as Record<string, unknown>)[list] = [...current.values()];
  }
  return { head, created, replaced, deleted, warnings };
}

/**
 * `applyWhatIf`, then what it changes against the base, under the base's config. The base's analyses are reused (the
 * server passes its cached ones).
 */
export function whatIf(baseAnalyses: Analyses, input: WhatIfInput): WhatIfResult {
  const { head, ...applied } = applyWhatIf(baseAnalyses.snapshot, input);
  return { diff: snapshotDiff(baseAnalyses, analyze(head, baseAnalyses.config), { findings: true }), ...applied };
}
