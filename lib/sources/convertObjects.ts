import type {
  AdminNetworkPolicy,
  BaselineAdminNetworkPolicy,
  ClusterRole,
  ClusterRoleBinding,
  Gateway,
  GatewayClass,
  GatewayRoute,
  GatewayRouteKind,
  Ingress,
  IngressClass,
  Namespace,
  NetworkPolicy,
  ReferenceGrant,
  Role,
  RoleBinding,
  Route,
  Service,
  ServiceAccount,
  SourceLocation,
  Warning,
} from '../model';
import { NAMESPACE_NAME_LABEL } from '../model';
import { convertAdminNetworkPolicy, convertBaselineAdminNetworkPolicy } from './convertAdminNetworkPolicy';
import { convertGateway, convertGatewayClass, convertGatewayRoute, convertReferenceGrant, GATEWAY_GROUP } from './convertGateway';
import { convertIngress, convertIngressClass, convertRoute } from './convertIngress';
import { convertNetworkPolicy } from './convertNetworkPolicy';
import { convertClusterRole, convertClusterRoleBinding, convertRole, convertRoleBinding } from './convertRbac';
import { convertService } from './convertService';
import { convertController, convertPod } from './convertWorkloads';
import { readLabels } from './labelSelector';
import { kubernetesNameProblem, kubernetesNamespaceProblem } from './kubernetesNames';
import { isRawMap, where } from './raw';
import type { ControllerKind, ConvertedController, ConvertedObjects, ConvertedPod, RawObject } from './types';

export { NAMESPACE_NAME_LABEL };

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'IngressClass', 'GatewayClass']);
const GATEWAY_ROUTE_KINDS: readonly GatewayRouteKind[] = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute'];

/**
 * The API groups each used kind comes from (`extensions` for old manifests). Another group's object of the same
 * kind name, e.g. Calico's `projectcalico.org/v3` NetworkPolicy, means something else and is skipped as unused.
 */
const KIND_GROUPS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...['Namespace', 'Pod', 'ServiceAccount', 'ReplicationController', 'Service'].map((k) => [k, ['']] as const),
  ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].map((k) => [k, ['apps', 'extensions']] as const),
  ...['Job', 'CronJob'].map((k) => [k, ['batch']] as const),
  ['NetworkPolicy', ['networking.k8s.io', 'extensions']],
  ['Ingress', ['networking.k8s.io', 'extensions']],
  ['IngressClass', ['networking.k8s.io']],
  ['Route', ['route.openshift.io']],
  ...['GatewayClass', 'Gateway', ...GATEWAY_ROUTE_KINDS, 'ReferenceGrant'].map((k) => [k, [GATEWAY_GROUP]] as const),
  ...['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'].map((k) => [k, ['policy.networking.k8s.io']] as const),
  ...['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'].map((k) => [k, ['rbac.authorization.k8s.io']] as const),
]);

/** The kind a used object is read as, or undefined when Perimeter does not use it. No apiVersion (List items) is trusted. */
function usedKind(kind: string, apiVersion: unknown): string | undefined {
  const groups = KIND_GROUPS.get(kind);
  if (!groups) return undefined;
  if (typeof apiVersion !== 'string' || apiVersion === '') return kind;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  return groups.includes(group) ? kind : undefined;
}

/** A declared namespace with the API server's name label. */
export function namespaceOf(name: string, labels: Readonly<Record<string, string>>, declared: boolean, origin?: SourceLocation): Namespace {
  return { name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name }, declared, ...(origin ? { origin } : {}) };
}

/**
 * Pure: raw Kubernetes objects (plain JSON as the API or kubectl gives them) → model objects plus warnings.
 * Kinds Perimeter does not use are counted in one warning per kind. Reused by the live cluster source.
 */
export function convertObjects(raw: readonly RawObject[]): ConvertedObjects {
  const namespaces: Namespace[] = [];
  const pods: ConvertedPod[] = [];
  const controllers: ConvertedController[] = [];
  const networkPolicies: NetworkPolicy[] = [];
  const adminNetworkPolicies: AdminNetworkPolicy[] = [];
  const baselineAdminNetworkPolicies: BaselineAdminNetworkPolicy[] = [];
  const serviceAccounts: ServiceAccount[] = [];
  const roles: Role[] = [];
  const clusterRoles: ClusterRole[] = [];
  const roleBindings: RoleBinding[] = [];
  const clusterRoleBindings: ClusterRoleBinding[] = [];
  const services: Service[] = [];
  const ingresses: Ingress[] = [];
  const ingressClasses: IngressClass[] = [];
  const routes: Route[] = [];
  const gatewayClasses: GatewayClass[] = [];
  const gateways: Gateway[] = [];
  const gatewayRoutes: GatewayRoute[] = [];
  const referenceGrants: ReferenceGrant[] = [];
  const warnings: Warning[] = [];
  const skipped = new Map<string, { count: number; first: SourceLocation }>();
  // Once per namespace name (its first object), not once per object in it.
  const namespacesWarned = new Set<string>();

  for (const r of raw) {
    const kind = typeof r.object.kind === 'string' ? r.object.kind : '';
    const meta = isRawMap(r.object.metadata) ? r.object.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    if (kind === '') {
      warnings.push({ code: 'missing-kind', severity: 'error', message: `${where(r.origin)}: object has no kind; skipped`, origin: r.origin });
      continue;
    }
    if (!usedKind(kind, r.object.apiVersion)) {
      // Counted per kind (with its group when the name alone would mislead, e.g. a Calico NetworkPolicy).
      const label = KIND_GROUPS.has(kind) ? `${kind} (${String(r.object.apiVersion)})` : kind;
      const s = skipped.get(label);
      if (s) s.count++;
      else skipped.set(label, { count: 1, first: r.origin });
      continue;
    }
    if (name === '') {
      // generateName only works with `kubectl create`: the name does not exist until the API server makes one up.
      const why = typeof meta.generateName === 'string' ? `has only metadata.generateName "${meta.generateName}"` : 'has no metadata.name';
      warnings.push({ code: 'missing-name', severity: 'error', message: `${where(r.origin)}: ${kind} ${why}; skipped`, origin: r.origin });
      continue;
    }
    // Namespaced objects written without a namespace land in `default`, as `kubectl apply` would put them.
    const namespace = CLUSTER_SCOPED.has(kind) ? '' : typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
    // Kept and analysed (the file says what it says), but a cluster could never hold it: said, so it is not taken for one.
    const nameProblem = kubernetesNameProblem(kind, name);
    if (nameProblem) warnings.push({ code: 'invalid-name', severity: 'warning', message: `${where(r.origin)}: ${kind} name ${JSON.stringify(name)} would be rejected by the API server: it must be ${nameProblem}`, origin: r.origin });
    const namespaceProblem = namespace === '' || namespacesWarned.has(namespace) ? undefined : kubernetesNamespaceProblem(namespace);
    if (namespaceProblem) namespacesWarned.add(namespace);
    if (namespaceProblem) warnings.push({ code: 'invalid-name', severity: 'warning', message: `${where(r.origin)}: ${kind} ${JSON.stringify(name)} names the namespace ${JSON.stringify(namespace)}, which the API server would reject: it must be ${namespaceProblem} (said once per namespace)`, origin: r.origin });
    switch (kind) {
      case 'Namespace':
        namespaces.push(namespaceOf(name, readLabels(meta.labels), true, r.origin));
        break;
      case 'Pod': {
        const c = convertPod(r, namespace, name);
        pods.push(c.pod);
        warnings.push(...c.warnings);
        break;
      }
      case 'NetworkPolicy': {
        const c = convertNetworkPolicy(r, namespace, name);
        if (c.policy) networkPolicies.push(c.policy);
        warnings.push(...c.warnings);
        break;
      }
      case 'AdminNetworkPolicy': {
        const c = convertAdminNetworkPolicy(r, name);
        if (c.policy) adminNetworkPolicies.push(c.policy);
        warnings.push(...c.warnings);
        break;
      }
      case 'BaselineAdminNetworkPolicy': {
        const c = convertBaselineAdminNetworkPolicy(r, name);
        if (c.policy) baselineAdminNetworkPolicies.push(c.policy);
        warnings.push(...c.warnings);
        break;
      }
      case 'ServiceAccount':
        serviceAccounts.push({ namespace, name, labels: readLabels(meta.labels), origin: r.origin });
        break;
      case 'Role':
        roles.push(convertRole(r, namespace, name));
        break;
      case 'ClusterRole': {
        const c = convertClusterRole(r, name);
        clusterRoles.push(c.role);
        warnings.push(...c.warnings);
        break;
      }
      case 'RoleBinding': {
        const c = convertRoleBinding(r, namespace, name);
        if (c.binding) roleBindings.push(c.binding);
        warnings.push(...c.warnings);
        break;
      }
      case 'ClusterRoleBinding': {
        const c = convertClusterRoleBinding(r, name);
        if (c.binding) clusterRoleBindings.push(c.binding);
        warnings.push(...c.warnings);
        break;
      }
      case 'Service': {
        const c = convertService(r, namespace, name);
        if (c.service) services.push(c.service);
        warnings.push(...c.warnings);
        break;
      }
      case 'Ingress': {
        const c = convertIngress(r, namespace, name);
        if (c.ingress) ingresses.push(c.ingress);
        warnings.push(...c.warnings);
        break;
      }
      case 'IngressClass': {
        const c = convertIngressClass(r, name);
        if (c.ingressClass) ingressClasses.push(c.ingressClass);
        warnings.push(...c.warnings);
        break;
      }
      case 'Route': {
        const c = convertRoute(r, namespace, name);
        if (c.route) routes.push(c.route);
        warnings.push(...c.warnings);
        break;
      }
      case 'GatewayClass': {
        const c = convertGatewayClass(r, name);
        if (c.gatewayClass) gatewayClasses.push(c.gatewayClass);
        warnings.push(...c.warnings);
        break;
      }
      case 'Gateway': {
        const c = convertGateway(r, namespace, name);
        if (c.gateway) gateways.push(c.gateway);
        warnings.push(...c.warnings);
        break;
      }
      case 'HTTPRoute':
      case 'GRPCRoute':
      case 'TLSRoute':
      case 'TCPRoute': {
        const c = convertGatewayRoute(r, kind, namespace, name);
        if (c.route) gatewayRoutes.push(c.route);
        warnings.push(...c.warnings);
        break;
      }
      case 'ReferenceGrant': {
        const c = convertReferenceGrant(r, namespace, name);
        referenceGrants.push(c.grant);
        warnings.push(...c.warnings);
        break;
      }
      default: {
        const c = convertController(r, kind as ControllerKind, namespace, name);
        controllers.push(c.controller);
        warnings.push(...c.warnings);
      }
    }
  }
  for (const [kind, s] of skipped) {
    warnings.push({
      code: 'unused-kind',
      severity: 'info',
      message: `skipped ${s.count} object${s.count === 1 ? '' : 's'} of kind ${kind} (not used by Perimeter)`,
      origin: s.first,
    });
  }
  return {
    namespaces,
    pods,
    controllers,
    networkPolicies,
    adminNetworkPolicies,
    baselineAdminNetworkPolicies,
    serviceAccounts,
    roles,
    clusterRoles,
    roleBindings,
    clusterRoleBindings,
    services,
    ingresses,
    ingressClasses,
    routes,
    gatewayClasses,
    gateways,
    gatewayRoutes,
    referenceGrants,
    warnings,
  };
}
