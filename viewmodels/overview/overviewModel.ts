import type { Snapshot } from '@/lib/model/index';
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
 * in the policy's namespace (networking.k8s.io/v1 NetworkPolicySpec.podSelector). One pass over each list (grouped by
 * namespace), so 100,000 namespaces cost as much as their objects, not namespaces × objects.
 */
export function namespaceRows(s: Snapshot): NamespaceRow[] {
  const declared = new Set(s.namespaces.filter((n) => n.declared).map((n) => n.name));
  const count = (items: readonly { readonly namespace: string }[]) => {
    const by = new Map<string, number>();
    for (const i of items) by.set(i.namespace, (by.get(i.namespace) ?? 0) + 1);
    return by;
  };
  const pods = count(s.pods);
  const workloads = count(s.workloads);
  const policies = count(s.networkPolicies);
  const selectingAll = new Map<string, { Ingress: string[]; Egress: string[] }>();
  for (const np of s.networkPolicies) {
    if (!selectsAll(np.podSelector)) continue;
    const e = selectingAll.get(np.namespace) ?? selectingAll.set(np.namespace, { Ingress: [], Egress: [] }).get(np.namespace)!;
    for (const type of ['Ingress', 'Egress'] as const) if (np.policyTypes.includes(type)) e[type].push(np.name);
  }
  return namespaceNames(s).map((name) => ({
    name,
    declared: declared.has(name),
    pods: pods.get(name) ?? 0,
    workloads: workloads.get(name) ?? 0,
    policies: policies.get(name) ?? 0,
    allPodsIngress: [...(selectingAll.get(name)?.Ingress ?? [])].sort(),
    allPodsEgress: [...(selectingAll.get(name)?.Egress ?? [])].sort(),
  }));
}
