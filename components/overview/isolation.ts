import type { CompiledSnapshot } from '@/lib/netpol/compile';

/** How many pods of a namespace some policy isolates, per direction. */
export interface NamespaceIsolation {
  readonly namespace: string;
  readonly pods: number;
  readonly ingress: number;
  readonly egress: number;
}

/**
 * Pods isolated for ingress (egress): selected by at least one policy with that type in policyTypes (networking.k8s.io
 * "Isolated and non-isolated Pods"). Every namespace with pods, sorted by name; pods of hostNetwork classes count as
 * the engine treats them.
 */
export function isolationByNamespace(c: CompiledSnapshot): NamespaceIsolation[] {
  const by = new Map<string, { pods: number; ingress: number; egress: number }>();
  for (const cls of c.classes) {
    const e = by.get(cls.namespace) ?? by.set(cls.namespace, { pods: 0, ingress: 0, egress: 0 }).get(cls.namespace)!;
    const n = cls.pods.length;
    e.pods += n;
    if (c.classIngressPolicies[cls.id].length > 0) e.ingress += n;
    if (c.classEgressPolicies[cls.id].length > 0) e.egress += n;
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([namespace, e]) => ({ namespace, ...e }));
}

/** Totals over namespaces. */
export function isolationTotals(rows: readonly NamespaceIsolation[]): { pods: number; ingress: number; egress: number } {
  return rows.reduce((t, r) => ({ pods: t.pods + r.pods, ingress: t.ingress + r.ingress, egress: t.egress + r.egress }), { pods: 0, ingress: 0, egress: 0 });
}

/** `75%`, or `–` when there is nothing to share. Rounded down, so 99.6% never reads as 100%. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.floor((part / whole) * 100)}%`;
}
