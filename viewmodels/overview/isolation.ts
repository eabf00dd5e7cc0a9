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

/** An admin policy applying to some pods of a namespace for one direction, with how many. */
export interface AdminTierShare {
  readonly tier: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  readonly name: string;
  readonly priority?: number;
  readonly pods: number;
}

/**
 * Per namespace, the admin policies whose subject selects its pods and that have rules for the direction, in
 * evaluation order (ANPs by priority, then the BANP). Shown beside the NetworkPolicy share, not folded into it: an ANP
 * does not isolate a pod in the NetworkPolicy sense (network-policy-api: ANPs and NetworkPolicies are separate tiers).
 */
export function adminTiersByNamespace(c: CompiledSnapshot): Map<string, { ingress: AdminTierShare[]; egress: AdminTierShare[] }> {
  const out = new Map<string, { ingress: Map<number, number>; egress: Map<number, number> }>();
  for (const cls of c.classes) {
    const e = out.get(cls.namespace) ?? out.set(cls.namespace, { ingress: new Map(), egress: new Map() }).get(cls.namespace)!;
    for (const id of c.classIngressAdmin[cls.id]) e.ingress.set(id, (e.ingress.get(id) ?? 0) + cls.pods.length);
    for (const id of c.classEgressAdmin[cls.id]) e.egress.set(id, (e.egress.get(id) ?? 0) + cls.pods.length);
  }
  const shares = (m: Map<number, number>): AdminTierShare[] =>
    [...m.entries()]
      .filter(([, pods]) => pods > 0)
      .sort(([a], [b]) => a - b)
      .map(([id, pods]) => {
        const p = c.adminPolicies[id];
        return { tier: p.tier, name: p.name, ...(p.priority === undefined ? {} : { priority: p.priority }), pods };
      });
  return new Map([...out.entries()].map(([ns, e]) => [ns, { ingress: shares(e.ingress), egress: shares(e.egress) }]));
}
