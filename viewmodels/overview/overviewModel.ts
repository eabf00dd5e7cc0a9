import type { PolicyType, Snapshot } from '@/lib/model/index';
import { selectsAll } from '@/lib/netpol/selector';

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
