import type { GatewayRoute, Namespace, Pod, Snapshot, SnapshotSource, SourceLocation, Warning, Workload, WorkloadRef } from '../model';
import { namespaceOf } from './convertObjects';
import { where } from './raw';
import type { ConvertedController, ConvertedObjects, ConvertedPod } from './types';

interface Keyed {
  readonly namespace?: string;
  readonly name: string;
  readonly origin?: SourceLocation;
}

/** The object as written, wherever it was read (origins differ between two copies of one manifest). */
const contentOf = (o: unknown) => JSON.stringify(o, (k, v: unknown) => (k === 'origin' ? undefined : v));

/**
 * Keeps the first object of each kind/namespace/name and reports later ones, naming both locations. A copy that
 * differs is an input error: `kubectl apply` would keep the last, Helm and kustomize refuse the set, so no reading of
 * it is certain. An identical copy is only noted (applying it twice changes nothing).
 */
function dedupe<T extends Keyed>(kind: string | ((o: T) => string), items: readonly T[], warnings: Warning[]): T[] {
  const seen = new Map<string, T>();
  const out: T[] = [];
  for (const o of items) {
    const k = typeof kind === 'string' ? kind : kind(o);
    const key = `${k}/${o.namespace ?? ''}/${o.name}`;
    const first = seen.get(key);
    if (first) {
      const id = o.namespace ? `${o.namespace}/${o.name}` : o.name;
      const same = contentOf(o) === contentOf(first);
      warnings.push({
        code: 'duplicate-object',
        severity: same ? 'info' : 'error',
        message: `${k} ${id} at ${o.origin ? where(o.origin) : '?'} duplicates the one at ${first.origin ? where(first.origin) : '?'}${same ? ' (identical); it is read once' : ' and differs from it: kubectl apply would keep the last, Helm and kustomize refuse both; Perimeter keeps the first'}`,
        ...(o.origin ? { origin: o.origin } : {}),
        object: { kind: k, name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) },
      });
      continue;
    }
    seen.set(key, o);
    out.push(o);
  }
  return out;
}

const ctrlKey = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;

/**
 * Follows controller ownerReferences upward from (kind, name) while the owner's object is in the snapshot
 * (ReplicaSet → Deployment, Job → CronJob). Returns the top reference and the controller objects passed through.
 */
function resolveOwner(namespace: string, kind: string, name: string, byKey: ReadonlyMap<string, ConvertedController>): { ref: WorkloadRef; chain: ConvertedController[] } {
  const chain: ConvertedController[] = [];
  let ref: WorkloadRef = { namespace, kind, name };
  const visited = new Set<string>();
  for (;;) {
    const key = ctrlKey(ref.kind, namespace, ref.name);
    const obj = byKey.get(key);
    if (!obj || visited.has(key)) return { ref, chain };
    visited.add(key);
    chain.push(obj);
    if (!obj.owner || obj.owner.kind === 'Node') return { ref, chain };
    ref = { namespace, kind: obj.owner.kind, name: obj.owner.name };
  }
}

/** Live pods with their workloads, and the controllers that some live pod resolves through. */
function resolveLivePods(livePods: readonly ConvertedPod[], byKey: ReadonlyMap<string, ConvertedController>, warnings: Warning[]): { pods: Pod[]; withPods: Set<ConvertedController> } {
  const withPods = new Set<ConvertedController>();
  const pods: Pod[] = [];
  for (const p of livePods) {
    // A pod owned by a Node is a static (mirror) pod: its own workload, as netpol-analyzer treats it.
    if (!p.owner || p.owner.kind === 'Node') {
      pods.push({ ...p, workload: { namespace: p.namespace, kind: 'Pod', name: p.name }, fromTemplate: false });
      continue;
    }
    if (p.owner.kind === '') {
      // netpol-analyzer names such a workload `ns/<owner name>[Pod]`; the golden connlists expect it.
      warnings.push({
        code: 'owner-without-kind',
        severity: 'info',
        message: `${where(p.origin)}: Pod ${p.namespace}/${p.name} has a controller ownerReference without kind; grouped as workload ${p.namespace}/${p.owner.name}[Pod]`,
        origin: p.origin,
        object: { kind: 'Pod', namespace: p.namespace, name: p.name },
      });
      pods.push({ ...p, workload: { namespace: p.namespace, kind: 'Pod', name: p.owner.name }, fromTemplate: false });
      continue;
    }
    const r = resolveOwner(p.namespace, p.owner.kind, p.owner.name, byKey);
    r.chain.forEach((c) => withPods.add(c));
    pods.push({ ...p, workload: r.ref, fromTemplate: false });
  }
  return { pods, withPods };
}

/** One pod from the template of each controller that no live pod resolves to (and whose owner is not present). */
function representativePods(controllers: readonly ConvertedController[], withPods: ReadonlySet<ConvertedController>, byKey: ReadonlyMap<string, ConvertedController>): Pod[] {
  const pods: Pod[] = [];
  for (const c of controllers) {
    if (withPods.has(c) || !c.template) continue;
    // A ReplicaSet owned by a Deployment in the snapshot (or a Job by a CronJob) is represented by its owner.
    if (c.owner && byKey.has(ctrlKey(c.owner.kind, c.namespace, c.owner.name))) continue;
    const t = c.template;
    pods.push({
      namespace: c.namespace,
      name: `${c.name}-template`,
      labels: t.labels,
      phase: 'Running',
      podIPs: [],
      hostNetwork: t.hostNetwork,
      serviceAccountName: t.serviceAccountName,
      containerPorts: t.containerPorts,
      owner: { kind: c.kind, name: c.name, ...(c.uid ? { uid: c.uid } : {}) },
      workload: resolveOwner(c.namespace, c.kind, c.name, byKey).ref,
      fromTemplate: true,
      origin: c.origin,
    });
  }
  return pods;
}

const workloadKey = (w: WorkloadRef) => `${w.namespace}/${w.name}[${w.kind}]`;

/**
 * Pure: converted objects → a Snapshot. Resolves each pod's workload, adds one representative pod (from the pod
 * template) for each controller with no live pods, creates namespaces that objects imply, drops duplicates.
 */
export function assembleSnapshot(objects: ConvertedObjects, source: SnapshotSource, opts: { version?: number; readAt?: string; warnings?: readonly Warning[] } = {}): Snapshot {
  const warnings: Warning[] = [...(opts.warnings ?? []), ...objects.warnings];
  const declaredNs = dedupe('Namespace', objects.namespaces, warnings);
  const livePods = dedupe('Pod', objects.pods, warnings);
  const controllers = dedupe((c: ConvertedController) => c.kind, objects.controllers, warnings);
  const networkPolicies = dedupe('NetworkPolicy', objects.networkPolicies, warnings);
  const adminNetworkPolicies = dedupe('AdminNetworkPolicy', objects.adminNetworkPolicies ?? [], warnings);
  const baselineAdminNetworkPolicies = dedupe('BaselineAdminNetworkPolicy', objects.baselineAdminNetworkPolicies ?? [], warnings);
  const serviceAccounts = dedupe('ServiceAccount', objects.serviceAccounts, warnings);
  const roles = dedupe('Role', objects.roles, warnings);
  const clusterRoles = dedupe('ClusterRole', objects.clusterRoles, warnings);
  const roleBindings = dedupe('RoleBinding', objects.roleBindings, warnings);
  const clusterRoleBindings = dedupe('ClusterRoleBinding', objects.clusterRoleBindings, warnings);
  const services = dedupe('Service', objects.services ?? [], warnings);
  const ingresses = dedupe('Ingress', objects.ingresses ?? [], warnings);
  const ingressClasses = dedupe('IngressClass', objects.ingressClasses ?? [], warnings);
  const routes = dedupe('Route', objects.routes ?? [], warnings);
  const gatewayClasses = dedupe('GatewayClass', objects.gatewayClasses ?? [], warnings);
  const gateways = dedupe('Gateway', objects.gateways ?? [], warnings);
  const gatewayRoutes = dedupe((r: GatewayRoute) => r.kind, objects.gatewayRoutes ?? [], warnings);
  const referenceGrants = dedupe('ReferenceGrant', objects.referenceGrants ?? [], warnings);

  const byKey = new Map(controllers.map((c) => [ctrlKey(c.kind, c.namespace, c.name), c]));
  const live = resolveLivePods(livePods, byKey, warnings);
  const pods = [...live.pods, ...representativePods(controllers, live.withPods, byKey)];
  const workloads = buildWorkloads(pods, byKey);
  const namespaces = impliedNamespaces(declaredNs, [pods, controllers, networkPolicies, serviceAccounts, roles, roleBindings, services, ingresses, routes, gateways, gatewayRoutes]);
  return {
    source,
    version: opts.version ?? 1,
    readAt: opts.readAt ?? new Date().toISOString(),
    namespaces,
    pods,
    workloads,
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
    unreadable: [],
  };
}

function buildWorkloads(pods: readonly Pod[], byKey: ReadonlyMap<string, ConvertedController>): Workload[] {
  const groups = new Map<string, Pod[]>();
  for (const p of pods) {
    const k = workloadKey(p.workload);
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const out: Workload[] = [];
  for (const group of groups.values()) {
    const ref = group[0].workload;
    const first = group[0];
    if (ref.kind === 'Pod') {
      // A bare pod is its own declared workload; pods grouped under a kind-less owner name are not.
      const bare = group.length === 1 && first.name === ref.name;
      out.push({ ...ref, labels: first.labels, serviceAccountName: first.serviceAccountName, podNames: group.map((p) => p.name), declared: bare, ...(first.origin ? { origin: first.origin } : {}) });
      continue;
    }
    const c = byKey.get(ctrlKey(ref.kind, ref.namespace, ref.name));
    out.push({
      ...ref,
      labels: c?.labels ?? {},
      ...(c?.template ? { templateLabels: c.template.labels } : {}),
      ...(c?.replicas !== undefined ? { replicas: c.replicas } : {}),
      serviceAccountName: c?.template?.serviceAccountName ?? first.serviceAccountName,
      podNames: group.map((p) => p.name),
      declared: c !== undefined,
      ...(c ? { origin: c.origin } : {}),
    });
  }
  return out;
}

/** Declared namespaces plus one undeclared namespace for each namespace that objects live in but nothing declares. */
function impliedNamespaces(declared: readonly Namespace[], lists: readonly (readonly { readonly namespace: string }[])[]): Namespace[] {
  const out = [...declared];
  const names = new Set(declared.map((n) => n.name));
  for (const list of lists) {
    for (const o of list) {
      if (o.namespace === '' || names.has(o.namespace)) continue;
      names.add(o.namespace);
      out.push(namespaceOf(o.namespace, {}, false));
    }
  }
  return out;
}
