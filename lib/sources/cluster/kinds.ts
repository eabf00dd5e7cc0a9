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
  /**
   * Older versions of the same group to try, in order, when `apiVersion` is not served (a cluster with an older
   * Gateway API release serves `v1beta1` only); the converter reads every version of these kinds alike.
   */
  readonly olderVersions?: readonly { readonly apiVersion: string; readonly path: string }[];
}

const pathOf = (apiVersion: string, plural: string) => `${apiVersion.includes('/') ? '/apis' : '/api'}/${apiVersion}/${plural}`;

function watched(kind: SnapshotKind, apiVersion: string, plural: string, optional = false, older: readonly string[] = []): WatchedKind {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return {
    kind,
    apiVersion,
    resource: group === '' ? plural : `${plural}.${group}`,
    path: pathOf(apiVersion, plural),
    ...(optional ? { optional } : {}),
    ...(older.length > 0 ? { olderVersions: older.map((v) => ({ apiVersion: `${group}/${v}`, path: pathOf(`${group}/${v}`, plural) })) } : {}),
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
  watched('Service', 'v1', 'services'),
  watched('Ingress', 'networking.k8s.io/v1', 'ingresses'),
  watched('IngressClass', 'networking.k8s.io/v1', 'ingressclasses'),
  // OpenShift's router (route.openshift.io), and the Gateway API CRDs (kubernetes-sigs/gateway-api): only where installed.
  watched('Route', 'route.openshift.io/v1', 'routes', true),
  watched('GatewayClass', 'gateway.networking.k8s.io/v1', 'gatewayclasses', true, ['v1beta1']),
  watched('Gateway', 'gateway.networking.k8s.io/v1', 'gateways', true, ['v1beta1']),
  watched('HTTPRoute', 'gateway.networking.k8s.io/v1', 'httproutes', true, ['v1beta1']),
  watched('GRPCRoute', 'gateway.networking.k8s.io/v1', 'grpcroutes', true, ['v1alpha2']),
  watched('TLSRoute', 'gateway.networking.k8s.io/v1', 'tlsroutes', true, ['v1alpha3', 'v1alpha2']),
  watched('TCPRoute', 'gateway.networking.k8s.io/v1alpha2', 'tcproutes', true),
  watched('ReferenceGrant', 'gateway.networking.k8s.io/v1beta1', 'referencegrants', true, ['v1alpha2']),
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
  Service: 'no Services: entry points and Service answers are missing',
  Ingress: 'Ingresses are missing: entry points through ingress controllers are incomplete',
  IngressClass: 'ingress controllers cannot be identified (the generic ingress-controller reading is used)',
  Route: 'OpenShift Routes are missing: entry points through the router are incomplete',
  GatewayClass: 'Gateway controllers cannot be identified (the generic reading is used)',
  Gateway: 'Gateways are missing: entry points through Gateway API are incomplete',
  HTTPRoute: 'HTTPRoutes are missing: entry points through Gateways are incomplete',
  GRPCRoute: 'GRPCRoutes are missing: entry points through Gateways are incomplete',
  TLSRoute: 'TLSRoutes are missing: entry points through Gateways are incomplete',
  TCPRoute: 'TCPRoutes are missing: entry points through Gateways are incomplete',
  ReferenceGrant: 'ReferenceGrants are missing: cross-namespace Gateway backends look refused',
};
