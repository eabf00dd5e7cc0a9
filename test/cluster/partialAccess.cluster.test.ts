// A restricted identity: kinds it cannot list are reported, not fatal; an unreachable cluster is a clear error.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../lib/model';
import { ClusterUnavailableError, createClusterSource } from '../../lib/sources/cluster';
import { loadDemoSnapshot } from '../../lib/sources';
import { applyObjects, demoObjects } from '../../scripts/local-cluster/applyObjects';
import { READER_CONTEXT, READER_GROUP } from '../../scripts/local-cluster/localCluster';
import { startSource, localClusterPerFile, waitForSnapshot } from './fixture';

const cluster = localClusterPerFile();
const rbac = 'rbac.authorization.k8s.io/v1';

/** Read access to everything Perimeter reads except RBAC objects, for the reader group. */
const PARTIAL_ROLE = {
  apiVersion: rbac,
  kind: 'ClusterRole',
  metadata: { name: 'perimeter-partial' },
  rules: [
    { apiGroups: [''], resources: ['namespaces', 'pods', 'serviceaccounts', 'replicationcontrollers', 'services'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['apps'], resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies', 'ingresses', 'ingressclasses'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['route.openshift.io'], resources: ['routes'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['gateway.networking.k8s.io'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: ['policy.networking.k8s.io'], resources: ['adminnetworkpolicies', 'baselineadminnetworkpolicies'], verbs: ['get', 'list', 'watch'] },
  ],
};
const bind = (name: string, role: string) => ({
  apiVersion: rbac,
  kind: 'ClusterRoleBinding',
  metadata: { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: READER_GROUP }],
});

describe('partial access', () => {
  let demo: Snapshot;
  beforeAll(async () => {
    await applyObjects(cluster().admin, [...(await demoObjects()), PARTIAL_ROLE, bind('perimeter-partial', 'perimeter-partial')]);
    demo = await loadDemoSnapshot();
  }, 120_000);

  it('a reader who cannot list RBAC objects still gets pods, workloads and policies, and is told what is missing and why', async () => {
    const source = await startSource(READER_CONTEXT, { forbiddenRetryMs: 300 });
    const s = source.snapshot() as Snapshot;
    expect(s.pods.length).toBe(demo.pods.length);
    expect(s.networkPolicies.length).toBe(demo.networkPolicies.length);
    expect(s.workloads.length).toBe(demo.workloads.length);
    expect(s.services.filter((x) => x.name !== 'kubernetes').length).toBe(demo.services.length); // the API server adds default/kubernetes
    expect(s.roles).toEqual([]);
    expect(s.unreadable.map((u) => u.kind).sort()).toEqual(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);
    const cr = s.unreadable.find((u) => u.kind === 'ClusterRole');
    // The API server's own words, the consequence, and the permission that fixes it.
    expect(cr?.message).toMatch(/^cannot list clusterroles\.rbac\.authorization\.k8s\.io: who-can answers are incomplete \(API server: .*"perimeter-reader" cannot list resource "clusterroles".*\)$/);
    expect(cr?.missingPermission).toBe('list, watch clusterroles.rbac.authorization.k8s.io (cluster-wide)');
  });

  it('picks up a kind once the permission is granted, without a restart', async () => {
    const source = await startSource(READER_CONTEXT, { forbiddenRetryMs: 300 });
    expect(source.snapshot()?.unreadable.length).toBe(4);
    await cluster().admin.apply({
      apiVersion: rbac,
      kind: 'ClusterRole',
      metadata: { name: 'perimeter-clusterroles' },
      rules: [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['list', 'watch'] }],
    });
    await cluster().admin.apply(bind('perimeter-clusterroles', 'perimeter-clusterroles'));
    await waitForSnapshot(source, (s) => !s.unreadable.some((u) => u.kind === 'ClusterRole'), 5000);
    expect(source.snapshot()?.clusterRoles.length).toBeGreaterThanOrEqual(demo.clusterRoles.length);
    expect(source.snapshot()?.unreadable.map((u) => u.kind).sort()).toEqual(['ClusterRoleBinding', 'Role', 'RoleBinding']);
  });
});

describe('an unreachable cluster', () => {
  it('fails with the context, the server and the cause', async () => {
    const file = path.join(cluster().dir, 'unreachable.kubeconfig');
    await writeFile(
      file,
      'apiVersion: v1\nkind: Config\nclusters:\n- name: gone\n  cluster:\n    server: https://127.0.0.1:9\ncontexts:\n- name: gone\n  context:\n    cluster: gone\n    user: nobody\nusers:\n- name: nobody\n  user:\n    token: x\ncurrent-context: gone\n',
    );
    const before = process.env.KUBECONFIG;
    process.env.KUBECONFIG = file;
    try {
      const source = createClusterSource('gone');
      const err = await source.start().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClusterUnavailableError);
      expect((err as ClusterUnavailableError).message).toMatch(/^cannot read cluster "gone" at https:\/\/127\.0\.0\.1:9: list .*ECONNREFUSED/);
    } finally {
      process.env.KUBECONFIG = before;
    }
  });

  it('an unknown context is named with the contexts that exist', () => {
    expect(() => createClusterSource('nope')).toThrow(/kubeconfig has no context "nope" \(contexts: local-admin, local-reader\)/);
  });
});
