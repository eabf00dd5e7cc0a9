import type { PolicyType, Snapshot, WarningSeverity } from '@/lib/model/index';
import { selectsAll } from '@/lib/netpol/selector';

/** The headline counts of a snapshot. */
export interface SnapshotCounts {
  readonly namespaces: number;
  readonly pods: { readonly total: number; readonly live: number; readonly template: number; readonly notRunning: number };
  readonly workloads: number;
  readonly networkPolicies: number;
  readonly rbac: {
    readonly total: number;
    readonly serviceAccounts: number;
    readonly roles: number;
    readonly clusterRoles: number;
    readonly roleBindings: number;
    readonly clusterRoleBindings: number;
  };
  readonly warnings: Readonly<Record<WarningSeverity, number>>;
}

/** Counts what the snapshot holds. "Not running" counts live pods only: template pods have no phase of their own. */
export function countSnapshot(s: Snapshot): SnapshotCounts {
  const live = s.pods.filter((p) => !p.fromTemplate);
  const rbac = {
    serviceAccounts: s.serviceAccounts.length,
    roles: s.roles.length,
    clusterRoles: s.clusterRoles.length,
    roleBindings: s.roleBindings.length,
    clusterRoleBindings: s.clusterRoleBindings.length,
  };
  const warnings: Record<WarningSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const w of s.warnings) warnings[w.severity] += 1;
  return {
    namespaces: namespaceNames(s).length,
    pods: {
      total: s.pods.length,
      live: live.length,
      template: s.pods.length - live.length,
      notRunning: live.filter((p) => p.phase !== 'Running').length,
    },
    workloads: s.workloads.length,
    networkPolicies: s.networkPolicies.length,
    rbac: { total: Object.values(rbac).reduce((a, b) => a + b, 0), ...rbac },
    warnings,
  };
}

/** One row of the per-namespace table. */
export interface NamespaceRow {
  readonly name: string;
  /** False when no Namespace object was read (only implied by objects in it). */
  readonly declared: boolean;
  readonly pods: number;
  readonly workloads: number;
  readonly policies: number;
  /** Policies with an empty podSelector and Ingress in policyTypes: every pod of the namespace is isolated for ingress. */
  readonly allPodsIngress: readonly string[];
  /** The same for Egress. */
  readonly allPodsEgress: readonly string[];
}

/** Every namespace name the snapshot mentions, declared or implied, sorted. */
export function namespaceNames(s: Snapshot): string[] {
  const names = new Set<string>(s.namespaces.map((n) => n.name));
  for (const p of s.pods) names.add(p.namespace);
  for (const w of s.workloads) names.add(w.namespace);
  for (const np of s.networkPolicies) names.add(np.namespace);
  return [...names].sort();
}

/**
 * Per-namespace counts and which policies select all its pods per direction. An empty podSelector selects every pod
 * in the policy's namespace (networking.k8s.io/v1 NetworkPolicySpec.podSelector).
 */
export function namespaceRows(s: Snapshot): NamespaceRow[] {
  const declared = new Set(s.namespaces.filter((n) => n.declared).map((n) => n.name));
  const selectingAll = (ns: string, type: PolicyType) =>
    s.networkPolicies
      .filter((np) => np.namespace === ns && selectsAll(np.podSelector) && np.policyTypes.includes(type))
      .map((np) => np.name)
      .sort();
  return namespaceNames(s).map((name) => ({
    name,
    declared: declared.has(name),
    pods: s.pods.filter((p) => p.namespace === name).length,
    workloads: s.workloads.filter((w) => w.namespace === name).length,
    policies: s.networkPolicies.filter((np) => np.namespace === name).length,
    allPodsIngress: selectingAll(name, 'Ingress'),
    allPodsEgress: selectingAll(name, 'Egress'),
  }));
}
