import { networkPolicyManifest, type Manifest } from '../manifests/policyManifests';
import type { Snapshot } from '../model';
import { entryManifests } from './entryManifests';

export type { Manifest };

/**
 * The manifests of a (synthetic) snapshot, grouped by file: Namespaces, Deployments with their ReplicaSets and live
 * Pods (with status, IPs and controller ownerReferences), NetworkPolicies, RBAC objects and the entry objects
 * (Services, Ingresses, Gateways, HTTPRoutes), so the CLI and the dashboard can be measured end to end on the same
 * cluster the engine benchmarks use.
 */
export function clusterManifests(s: Snapshot): Record<string, Manifest[]> {
  const ns = s.namespaces.map((n) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n.name, labels: n.labels } }));
  const deployments: Manifest[] = [];
  const replicaSets: Manifest[] = [];
  const byWorkload = new Map(s.workloads.map((w) => [`${w.namespace}/${w.name}`, w]));
  const seenRs = new Set<string>();
  const pods = s.pods.map((p) => {
    const owner = p.owner!;
    const w = byWorkload.get(`${p.namespace}/${p.workload.name}`);
    const containers = [{ name: 'main', image: 'registry.example/app:1', ...(p.containerPorts.length ? { ports: p.containerPorts } : {}) }];
    if (w && !seenRs.has(`${p.namespace}/${owner.name}`)) {
      seenRs.add(`${p.namespace}/${owner.name}`);
      const template = { metadata: { labels: p.labels }, spec: { serviceAccountName: p.serviceAccountName, containers } };
      deployments.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: w.name, namespace: p.namespace, labels: w.labels }, spec: { replicas: w.replicas, selector: { matchLabels: w.labels }, template } });
      replicaSets.push({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: owner.name, namespace: p.namespace, labels: p.labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: w.name, controller: true }] },
        spec: { replicas: w.replicas, selector: { matchLabels: p.labels }, template },
      });
    }
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: p.name, namespace: p.namespace, labels: p.labels, ownerReferences: [{ apiVersion: owner.apiVersion ?? 'apps/v1', kind: owner.kind, name: owner.name, controller: true }] },
      spec: { serviceAccountName: p.serviceAccountName, containers, ...(p.hostNetwork ? { hostNetwork: true } : {}) },
      status: { phase: p.phase, podIP: p.podIPs[0], podIPs: p.podIPs.map((ip) => ({ ip })) },
    };
  });
  const policies = s.networkPolicies.map(networkPolicyManifest);
  const rbac = 'rbac.authorization.k8s.io/v1';
  const rbacObjects: Manifest[] = [
    ...s.serviceAccounts.map((sa) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa.name, namespace: sa.namespace } })),
    ...s.roles.map((r) => ({ apiVersion: rbac, kind: 'Role', metadata: { name: r.name, namespace: r.namespace }, rules: r.rules })),
    ...s.clusterRoles.map((r) => ({ apiVersion: rbac, kind: 'ClusterRole', metadata: { name: r.name }, rules: r.rules })),
    ...s.roleBindings.map((b) => ({ apiVersion: rbac, kind: 'RoleBinding', metadata: { name: b.name, namespace: b.namespace }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...b.roleRef }, subjects: b.subjects.map((x) => ({ ...(x.kind === 'ServiceAccount' ? {} : { apiGroup: 'rbac.authorization.k8s.io' }), ...x })) })),
    ...s.clusterRoleBindings.map((b) => ({ apiVersion: rbac, kind: 'ClusterRoleBinding', metadata: { name: b.name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...b.roleRef }, subjects: b.subjects.map((x) => ({ ...(x.kind === 'ServiceAccount' ? {} : { apiGroup: 'rbac.authorization.k8s.io' }), ...x })) })),
  ];
  return { 'namespaces.json': ns, 'deployments.json': deployments, 'replicasets.json': replicaSets, 'pods.json': pods, 'networkpolicies.json': policies, 'rbac.json': rbacObjects, 'services.json': entryManifests(s) };
}
