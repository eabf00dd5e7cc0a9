// Server-only: RBAC analyses computed once per snapshot and config (like server/analyses.ts).
import 'server-only';
import type { PerimeterConfig } from '@/lib/config';
import { applyRuleConfig, networkFindings, rbacFindings } from '@/lib/findings';
import type { Snapshot } from '@/lib/model';
import { adminNetworkPolicyEditors, buildRbacIndex, networkPolicyEditors } from '@/lib/rbac';
import { appliedConfig, type DashboardConfig } from './dashboardConfig';
import { connectivityOf } from './graphAnalyses';
import { perSnapshot } from './perSnapshot';

/**
 * Like `perSnapshot`, but also per config: an edited perimeter.config.yaml is a new `DashboardConfig` object, so a
 * result computed with the old groups, duties or allow-list is never served again (the WeakMap lets it go).
 * A config that failed throws `ConfigError` (appliedConfig).
 */
function perSnapshotAndConfig<T>(name: string, compute: (snapshot: Snapshot, config: PerimeterConfig) => T): (snapshot: Snapshot) => T {
  const byConfig = perSnapshot(name, () => new WeakMap<DashboardConfig, T>());
  return (snapshot) => {
    const applied = appliedConfig();
    const cache = byConfig(snapshot);
    if (cache.has(applied)) return cache.get(applied) as T;
    const value = compute(snapshot, applied.config);
    cache.set(applied, value);
    return value;
  };
}

/** The snapshot's RBAC index with the config's groups and duties (PERIMETER_CONFIG; none when unset, as the CLI without `--config`). */
export const rbacIndexOf = perSnapshotAndConfig('rbacIndex', (snapshot, config) => buildRbacIndex(snapshot, config));

/**
 * Every finding of the snapshot, network and RBAC (lib/findings), after the config's rule switches, severities and
 * allow-list exactly as `perimeter check` applies them (applyRuleConfig): sorted by severity then id, suppressed
 * ones kept and marked.
 */
export const findingsOf = perSnapshotAndConfig('findings', (snapshot, config) =>
  applyRuleConfig([...networkFindings(connectivityOf(snapshot)), ...rbacFindings(rbacIndexOf(snapshot), snapshot.networkPolicies)], config.rules),
);

/** Direct and indirect editors of every NetworkPolicy, by `namespace/name`. */
export const policyEditorsOf = perSnapshotAndConfig(
  'policyEditors',
  (snapshot) => new Map(networkPolicyEditors(rbacIndexOf(snapshot), snapshot.networkPolicies).map((p) => [`${p.policy.namespace}/${p.policy.name}`, p])),
);

/** Direct and indirect editors of every AdminNetworkPolicy and the BaselineAdminNetworkPolicy, by `kind/name`. */
export const adminPolicyEditorsOf = perSnapshotAndConfig(
  'adminPolicyEditors',
  (snapshot) => new Map(adminNetworkPolicyEditors(rbacIndexOf(snapshot), snapshot).map((p) => [`${p.policy.kind}/${p.policy.name}`, p])),
);
