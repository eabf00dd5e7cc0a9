// Server-only: RBAC analyses computed once per snapshot (WeakMap keyed by the snapshot, like server/analyses.ts).
import { EMPTY_CONFIG } from '@/lib/config';
import { networkFindings, rbacFindings, type Finding } from '@/lib/findings';
import { sortFindings } from '@/lib/findings/rbacEvidence';
import type { Snapshot } from '@/lib/model';
import { adminNetworkPolicyEditors, buildRbacIndex, networkPolicyEditors, type PolicyEditors, type RbacIndex } from '@/lib/rbac';
import { connectivityOf } from './graphAnalyses';

interface RbacAnalyses {
  index?: RbacIndex;
  findings?: readonly Finding[];
  editors?: ReadonlyMap<string, PolicyEditors>;
  adminEditors?: ReadonlyMap<string, PolicyEditors>;
}

// On globalThis: Next bundles each route with its own module copies; one cache per process is what we want.
const KEY = Symbol.for('perimeter.rbacAnalyses');
type GlobalWithCache = typeof globalThis & { [KEY]?: WeakMap<Snapshot, RbacAnalyses> };

function entry(snapshot: Snapshot): RbacAnalyses {
  const g = globalThis as GlobalWithCache;
  const cache = (g[KEY] ??= new WeakMap());
  let e = cache.get(snapshot);
  if (!e) {
    e = {};
    cache.set(snapshot, e);
  }
  return e;
}

/**
 * The snapshot's RBAC index. The dashboard has no perimeter.config.yaml reader yet, so user groups and duties are
 * empty (EMPTY_CONFIG), as the CLI without `--config`.
 */
export function rbacIndexOf(snapshot: Snapshot): RbacIndex {
  const e = entry(snapshot);
  return (e.index ??= buildRbacIndex(snapshot, EMPTY_CONFIG));
}

/** Every finding of the snapshot, network and RBAC (lib/findings), sorted by severity then id. */
export function findingsOf(snapshot: Snapshot): readonly Finding[] {
  const e = entry(snapshot);
  return (e.findings ??= sortFindings([...networkFindings(connectivityOf(snapshot)), ...rbacFindings(rbacIndexOf(snapshot), snapshot.networkPolicies)]));
}

/** Direct and indirect editors of every NetworkPolicy, by `namespace/name`. */
export function policyEditorsOf(snapshot: Snapshot): ReadonlyMap<string, PolicyEditors> {
  const e = entry(snapshot);
  return (e.editors ??= new Map(
    networkPolicyEditors(rbacIndexOf(snapshot), snapshot.networkPolicies).map((p) => [`${p.policy.namespace}/${p.policy.name}`, p]),
  ));
}

/** Direct and indirect editors of every AdminNetworkPolicy and the BaselineAdminNetworkPolicy, by `kind/name`. */
export function adminPolicyEditorsOf(snapshot: Snapshot): ReadonlyMap<string, PolicyEditors> {
  const e = entry(snapshot);
  return (e.adminEditors ??= new Map(adminNetworkPolicyEditors(rbacIndexOf(snapshot), snapshot).map((p) => [`${p.policy.kind}/${p.policy.name}`, p])));
}
