// RBAC benchmarks on the synthetic 10,000-pod cluster (10,000 subjects / 5,000 bindings / 2,000 roles):
// index build, who-can for every NetworkPolicy, one namespace's matrix, indirect editors, all RBAC findings.
import { rbacFindings } from '../../lib/findings';
import type { Snapshot } from '../../lib/model';
import { NETWORK_POLICY, accessMatrix, buildRbacIndex, directEditors, networkPolicyEditors, whoCanCache, type DirectEditor, type RbacIndex } from '../../lib/rbac';
import { generateCluster } from '../../lib/synthetic/generateCluster';
import type { Bench } from './harness';

let snapshot: Snapshot | undefined;
let index: RbacIndex | undefined;
const cluster = () => (snapshot ??= generateCluster());
const indexed = () => (index ??= buildRbacIndex(cluster()));

/** The namespace with the most NetworkPolicies (the heaviest matrix of the default view). */
function busiestNamespace(s: Snapshot): string {
  const counts = new Map<string, number>();
  for (const p of s.networkPolicies) counts.set(p.namespace, (counts.get(p.namespace) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

const shape = () => {
  const s = cluster();
  const subjects = new Set(s.roleBindings.concat(s.clusterRoleBindings as never[]).flatMap((b) => b.subjects.map((x) => `${x.kind}:${x.namespace ?? ''}/${x.name}`)));
  return `${subjects.size} subjects, ${s.roleBindings.length + s.clusterRoleBindings.length} bindings, ${s.roles.length + s.clusterRoles.length} roles, ${s.networkPolicies.length} NetworkPolicies, ${s.namespaces.length} namespaces`;
};

export const benches: readonly Bench[] = [
  {
    name: 'RBAC index build (buildRbacIndex), 10k cluster',
    setup: cluster,
    run: (s) => buildRbacIndex(s as Snapshot).roles.size,
    targetMs: 1_000,
    note: shape,
  },
  {
    name: 'who-can (5 edit verbs) for every NetworkPolicy',
    setup: indexed,
    run: (i) => {
      const idx = i as RbacIndex;
      const ask = whoCanCache(idx);
      const memo = new Map<string, DirectEditor[]>();
      return cluster().networkPolicies.reduce((n, p) => n + directEditors(ask, NETWORK_POLICY, p.namespace, p.name, memo).length, 0);
    },
    targetMs: 300,
    unit: 'editor entries',
  },
  {
    name: "one namespace's matrix (busiest, default view)",
    setup: indexed,
    run: (i) => accessMatrix(i as RbacIndex, busiestNamespace(cluster())).rows.length,
    targetMs: 200,
    unit: 'rows',
  },
  {
    name: 'direct + indirect editors of every NetworkPolicy',
    setup: indexed,
    run: (i) => networkPolicyEditors(i as RbacIndex, cluster().networkPolicies).reduce((n, e) => n + e.indirect.length, 0),
    unit: 'indirect entries',
  },
  {
    name: 'all RBAC findings (rbacFindings)',
    setup: indexed,
    run: (i) => rbacFindings(i as RbacIndex, cluster().networkPolicies).length,
    unit: 'findings',
  },
];
