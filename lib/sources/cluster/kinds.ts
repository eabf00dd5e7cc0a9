import type { SnapshotKind } from '../../model';

/** One kind the cluster source lists and watches, cluster-wide. */
export interface WatchedKind {
  readonly kind: SnapshotKind;
  /** apiVersion of the list's items (list items carry neither kind nor apiVersion). */
  readonly apiVersion: string;
  /** The resource as RBAC names it, e.g. `networkpolicies.networking.k8s.io` (`pods` in the core group). */
  readonly resource: string;
  /** Cluster-wide collection path, e.g. `/apis/networking.k8s.io/v1/networkpolicies`. */
  readonly path: string;
  /**
   * Served only where an add-on installed its CRD (AdminNetworkPolicy): a 404 means there are none, not that they
   * cannot be read.
   */
  readonly optional?: boolean;
}

function watched(kind: SnapshotKind, apiVersion: string, plural: string, optional = false): WatchedKind {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return {
    kind,
    apiVersion,
    resource: group === '' ? plural : `${plural}.${group}`,
    path: `${group === '' ? '/api' : '/apis'}/${apiVersion}/${plural}`,
    ...(optional ? { optional } : {}),
  };
}

/**
 * Everything Perimeter reads from a cluster, and nothing else: never Secrets or ConfigMaps. deploy/clusterrole.yaml
 * grants exactly `get, list, watch` on these (a test compares the two).
 */
export const WATCHED_KINDS: readonly WatchedKind[] = [
  watched('Namespace', 'v1', 'namespaces'),
  watched('Pod', 'v1', 'pods'),
  watched('ServiceAccount', 'v1', 'serviceaccounts'),
  watched('ReplicationController', 'v1', 'replicationcontrollers'),
  watched('Deployment', 'apps/v1', 'deployments'),
  watched('ReplicaSet', 'apps/v1', 'replicasets'),
  watched('StatefulSet', 'apps/v1', 'statefulsets'),
  watched('DaemonSet', 'apps/v1', 'daemonsets'),
  watched('Job', 'batch/v1', 'jobs'),
  watched('CronJob', 'batch/v1', 'cronjobs'),
  watched('NetworkPolicy', 'networking.k8s.io/v1', 'networkpolicies'),
  // kubernetes-sigs/network-policy-api CRDs (v1alpha1), present only where a CNI that implements them installed them.
  watched('AdminNetworkPolicy', 'policy.networking.k8s.io/v1alpha1', 'adminnetworkpolicies', true),
  watched('BaselineAdminNetworkPolicy', 'policy.networking.k8s.io/v1alpha1', 'baselineadminnetworkpolicies', true),
  watched('Role', 'rbac.authorization.k8s.io/v1', 'roles'),
  watched('ClusterRole', 'rbac.authorization.k8s.io/v1', 'clusterroles'),
  watched('RoleBinding', 'rbac.authorization.k8s.io/v1', 'rolebindings'),
  watched('ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', 'clusterrolebindings'),
];

/** What each unreadable kind costs, for the "cannot list X: … are incomplete" sentence. */
export const KIND_IMPACT: Readonly<Record<SnapshotKind, string>> = {
  Namespace: 'namespace labels are unknown, so namespaceSelector answers are incomplete',
  Pod: 'no pods: connectivity answers are incomplete',
  ServiceAccount: 'service accounts are missing from who-can answers',
  ReplicationController: 'pods of ReplicationControllers are not grouped into workloads',
  Deployment: 'pods are grouped by ReplicaSet instead of Deployment',
  ReplicaSet: 'pods are grouped by ReplicaSet name only',
  StatefulSet: 'StatefulSets without running pods are missing',
  DaemonSet: 'DaemonSets without running pods are missing',
  Job: 'Jobs without running pods are missing',
  CronJob: 'CronJobs are missing',
  NetworkPolicy: 'no NetworkPolicies: connectivity answers are wrong (everything looks allowed)',
  AdminNetworkPolicy: 'AdminNetworkPolicies are missing: connectivity answers may be wrong',
  BaselineAdminNetworkPolicy: 'BaselineAdminNetworkPolicies are missing: connectivity answers may be wrong',
  Role: 'who-can answers are incomplete',
  ClusterRole: 'who-can answers are incomplete',
  RoleBinding: 'who-can answers are incomplete',
  ClusterRoleBinding: 'who-can answers are incomplete',
};
