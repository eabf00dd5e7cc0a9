import type { AdminNetworkPolicy, BaselineAdminNetworkPolicy } from './adminNetworkPolicy';
import type { Namespace } from './namespace';
import type { NetworkPolicy } from './networkPolicy';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding, ServiceAccount } from './rbac';
import type { Gateway, GatewayClass, GatewayRoute, ReferenceGrant } from './gateway';
import type { Ingress, IngressClass, Route } from './ingress';
import type { Service } from './service';
import type { Warning } from './warning';
import type { Pod, Workload } from './workload';

/** Where a snapshot's data came from; the banner shows it. */
export type SnapshotSource =
  | { readonly kind: 'demo' }
  | { readonly kind: 'files'; readonly paths: readonly string[] }
  | { readonly kind: 'upload'; readonly fileNames: readonly string[] }
  | { readonly kind: 'cluster'; readonly context: string; readonly server: string };

/** The object kinds a snapshot holds, by their Kubernetes kind names. */
export type SnapshotKind =
  | 'Namespace'
  | 'Pod'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'ReplicationController'
  | 'Job'
  | 'CronJob'
  | 'NetworkPolicy'
  | 'AdminNetworkPolicy'
  | 'BaselineAdminNetworkPolicy'
  | 'ServiceAccount'
  | 'Role'
  | 'ClusterRole'
  | 'RoleBinding'
  | 'ClusterRoleBinding'
  | 'Service'
  | 'Ingress'
  | 'IngressClass'
  | 'Route'
  | 'GatewayClass'
  | 'Gateway'
  | 'HTTPRoute'
  | 'GRPCRoute'
  | 'TLSRoute'
  | 'TCPRoute'
  | 'ReferenceGrant';

/** A kind the source could not read (e.g. a 403 from the cluster), so answers depending on it are incomplete. */
export interface UnreadableKind {
  readonly kind: SnapshotKind;
  readonly message: string;
  /** The RBAC permission that would fix it, e.g. `list clusterroles.rbac.authorization.k8s.io`. */
  readonly missingPermission?: string;
}

/** Everything Perimeter analyses, as plain data. Every view, the API and the CLI read the same snapshot. */
export interface Snapshot {
  readonly source: SnapshotSource;
  /** Increases with every change of a live source; 1 for static sources. */
  readonly version: number;
  /** ISO 8601 time the data was read. */
  readonly readAt: string;
  readonly namespaces: readonly Namespace[];
  readonly pods: readonly Pod[];
  readonly workloads: readonly Workload[];
  readonly networkPolicies: readonly NetworkPolicy[];
  /** policy.networking.k8s.io AdminNetworkPolicies (cluster-scoped), in input order; the engine orders them by priority. */
  readonly adminNetworkPolicies: readonly AdminNetworkPolicy[];
  /** BaselineAdminNetworkPolicies: at most one (`default`) is used; others are dropped with a warning by the loader. */
  readonly baselineAdminNetworkPolicies: readonly BaselineAdminNetworkPolicy[];
  readonly serviceAccounts: readonly ServiceAccount[];
  readonly roles: readonly Role[];
  readonly clusterRoles: readonly ClusterRole[];
  readonly roleBindings: readonly RoleBinding[];
  readonly clusterRoleBindings: readonly ClusterRoleBinding[];
  /** Services, and the objects that route traffic from outside the pod network to them (lib/exposure reads them). */
  readonly services: readonly Service[];
  readonly ingresses: readonly Ingress[];
  readonly ingressClasses: readonly IngressClass[];
  /** OpenShift route.openshift.io Routes. */
  readonly routes: readonly Route[];
  readonly gatewayClasses: readonly GatewayClass[];
  readonly gateways: readonly Gateway[];
  /** HTTPRoute, GRPCRoute, TLSRoute and TCPRoute objects, in input order. */
  readonly gatewayRoutes: readonly GatewayRoute[];
  readonly referenceGrants: readonly ReferenceGrant[];
  readonly warnings: readonly Warning[];
  readonly unreadable: readonly UnreadableKind[];
}

/** A snapshot's Services and the objects that route traffic to them. */
export type EntryObjects = Pick<Snapshot, 'services' | 'ingresses' | 'ingressClasses' | 'routes' | 'gatewayClasses' | 'gateways' | 'gatewayRoutes' | 'referenceGrants'>;

/** A snapshot's Service and routing lists when it has none (test helpers, generators, older producers). */
export const NO_ENTRY_OBJECTS: EntryObjects = Object.freeze({
  services: [],
  ingresses: [],
  ingressClasses: [],
  routes: [],
  gatewayClasses: [],
  gateways: [],
  gatewayRoutes: [],
  referenceGrants: [],
});
