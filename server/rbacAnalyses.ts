// Server-only: RBAC analyses computed once per snapshot (like server/analyses.ts).
import { EMPTY_CONFIG } from '@/lib/config';
import { networkFindings, rbacFindings } from '@/lib/findings';
import { sortFindings } from '@/lib/findings/rbacEvidence';
import { adminNetworkPolicyEditors, buildRbacIndex, networkPolicyEditors } from '@/lib/rbac';
import { connectivityOf } from './graphAnalyses';
import { perSnapshot } from './perSnapshot';

/**
 * The snapshot's RBAC index. The dashboard has no perimeter.config.yaml reader yet, so user groups and duties are
 * empty (EMPTY_CONFIG), as the CLI without `--config`.
 */
export const rbacIndexOf = perSnapshot('rbacIndex', (snapshot) => buildRbacIndex(snapshot, EMPTY_CONFIG));

/** Every finding of the snapshot, network and RBAC (lib/findings), sorted by severity then id. */
export const findingsOf = perSnapshot('findings', (snapshot) =>
  sortFindings([...networkFindings(connectivityOf(snapshot)), ...rbacFindings(rbacIndexOf(snapshot), snapshot.networkPolicies)]),
);

/** Direct and indirect editors of every NetworkPolicy, by `namespace/name`. */
export const policyEditorsOf = perSnapshot(
  'policyEditors',
  (snapshot) => new Map(networkPolicyEditors(rbacIndexOf(snapshot), snapshot.networkPolicies).map((p) => [`${p.policy.namespace}/${p.policy.name}`, p])),
);

/** Direct and indirect editors of every AdminNetworkPolicy and the BaselineAdminNetworkPolicy, by `kind/name`. */
export const adminPolicyEditorsOf = perSnapshot(
  'adminPolicyEditors',
  (snapshot) => new Map(adminNetworkPolicyEditors(rbacIndexOf(snapshot), snapshot).map((p) => [`${p.policy.kind}/${p.policy.name}`, p])),
);
