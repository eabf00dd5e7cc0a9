// Test-side stand-in for kube-controller-manager's clusterrole-aggregation controller, which the local cluster does
// not run: without it aggregated ClusterRoles (admin, edit, view…) keep whatever rules were written, and the real
// authorizer would answer for a cluster no one runs. Written from pkg/controller/clusterroleaggregation, independently
// of lib/rbac (whose aggregation is under test).
import type { KubeHttp } from './kubeHttp';

interface RawClusterRole {
  metadata: { name: string; labels?: Record<string, string>; resourceVersion?: string };
  rules?: unknown[] | null;
  aggregationRule?: { clusterRoleSelectors?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }[] };
}

const matches = (sel: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }, labels: Record<string, string> = {}) => {
  if (sel.matchExpressions?.length) throw new Error('aggregate.ts handles matchLabels only; extend it before using matchExpressions');
  return Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
};

/** Updates every aggregated ClusterRole's rules as the controller would, until nothing changes. Returns how many updates. */
export async function aggregateClusterRoles(admin: KubeHttp): Promise<number> {
  let updates = 0;
  for (let round = 0; round < 10; round++) {
    const list = await admin.get<{ items: RawClusterRole[] }>('/apis/rbac.authorization.k8s.io/v1/clusterroles');
    const roles = [...list.items].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    let changed = 0;
    for (const cr of roles.filter((r) => r.aggregationRule)) {
      const rules: unknown[] = [];
      const seen = new Set<string>();
      for (const sel of cr.aggregationRule?.clusterRoleSelectors ?? []) {
        for (const other of roles) {
          if (other.metadata.name === cr.metadata.name || !matches(sel, other.metadata.labels)) continue;
          for (const rule of other.rules ?? []) {
            // ruleExists: semantic equality of the rule (field order aside).
            const k = JSON.stringify(rule, Object.keys(rule as object).sort());
            if (!seen.has(k)) {
              seen.add(k);
              rules.push(rule);
            }
          }
        }
      }
      if (JSON.stringify(rules) === JSON.stringify(cr.rules ?? [])) continue;
      await admin.request('PUT', `/apis/rbac.authorization.k8s.io/v1/clusterroles/${cr.metadata.name}`, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', ...cr, rules });
      changed++;
    }
    updates += changed;
    if (changed === 0) return updates;
  }
  throw new Error('ClusterRole aggregation did not settle in 10 rounds');
}
