import type { ResourceRef } from './types';

/** A built-in resource kubectl knows without discovery: plural, singular, short names and group. */
interface BuiltinResource {
  readonly resource: string;
  readonly group: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
}

const R = (resource: string, group: string, singular: string, ...shortNames: string[]): BuiltinResource => ({ resource, group, singular, shortNames });

/** Built-in resources of a current Kubernetes release (kubectl api-resources), for resolving names without a cluster. */
export const BUILTIN_RESOURCES: readonly BuiltinResource[] = [
  R('pods', '', 'pod', 'po'),
  R('services', '', 'service', 'svc'),
  R('serviceaccounts', '', 'serviceaccount', 'sa'),
  R('secrets', '', 'secret'),
  R('configmaps', '', 'configmap', 'cm'),
  R('namespaces', '', 'namespace', 'ns'),
  R('nodes', '', 'node', 'no'),
  R('endpoints', '', 'endpoints', 'ep'),
  R('events', '', 'event', 'ev'),
  R('persistentvolumes', '', 'persistentvolume', 'pv'),
  R('persistentvolumeclaims', '', 'persistentvolumeclaim', 'pvc'),
  R('replicationcontrollers', '', 'replicationcontroller', 'rc'),
  R('resourcequotas', '', 'resourcequota', 'quota'),
  R('limitranges', '', 'limitrange', 'limits'),
  R('podtemplates', '', 'podtemplate'),
  R('users', '', 'user'),
  R('groups', '', 'group'),
  R('deployments', 'apps', 'deployment', 'deploy'),
  R('statefulsets', 'apps', 'statefulset', 'sts'),
  R('daemonsets', 'apps', 'daemonset', 'ds'),
  R('replicasets', 'apps', 'replicaset', 'rs'),
  R('controllerrevisions', 'apps', 'controllerrevision'),
  R('jobs', 'batch', 'job'),
  R('cronjobs', 'batch', 'cronjob', 'cj'),
  R('horizontalpodautoscalers', 'autoscaling', 'horizontalpodautoscaler', 'hpa'),
  R('networkpolicies', 'networking.k8s.io', 'networkpolicy', 'netpol'),
  R('ingresses', 'networking.k8s.io', 'ingress', 'ing'),
  R('ingressclasses', 'networking.k8s.io', 'ingressclass'),
  R('adminnetworkpolicies', 'policy.networking.k8s.io', 'adminnetworkpolicy', 'anp'),
  R('baselineadminnetworkpolicies', 'policy.networking.k8s.io', 'baselineadminnetworkpolicy', 'banp'),
  R('poddisruptionbudgets', 'policy', 'poddisruptionbudget', 'pdb'),
  R('roles', 'rbac.authorization.k8s.io', 'role'),
  R('rolebindings', 'rbac.authorization.k8s.io', 'rolebinding'),
  R('clusterroles', 'rbac.authorization.k8s.io', 'clusterrole'),
  R('clusterrolebindings', 'rbac.authorization.k8s.io', 'clusterrolebinding'),
  R('endpointslices', 'discovery.k8s.io', 'endpointslice'),
  R('leases', 'coordination.k8s.io', 'lease'),
  R('storageclasses', 'storage.k8s.io', 'storageclass', 'sc'),
  R('csidrivers', 'storage.k8s.io', 'csidriver'),
  R('volumeattachments', 'storage.k8s.io', 'volumeattachment'),
  R('certificatesigningrequests', 'certificates.k8s.io', 'certificatesigningrequest', 'csr'),
  R('customresourcedefinitions', 'apiextensions.k8s.io', 'customresourcedefinition', 'crd', 'crds'),
  R('apiservices', 'apiregistration.k8s.io', 'apiservice'),
  R('mutatingwebhookconfigurations', 'admissionregistration.k8s.io', 'mutatingwebhookconfiguration'),
  R('validatingwebhookconfigurations', 'admissionregistration.k8s.io', 'validatingwebhookconfiguration'),
  R('validatingadmissionpolicies', 'admissionregistration.k8s.io', 'validatingadmissionpolicy'),
  R('priorityclasses', 'scheduling.k8s.io', 'priorityclass', 'pc'),
  R('runtimeclasses', 'node.k8s.io', 'runtimeclass'),
  R('tokenreviews', 'authentication.k8s.io', 'tokenreview'),
  R('selfsubjectreviews', 'authentication.k8s.io', 'selfsubjectreview'),
  R('subjectaccessreviews', 'authorization.k8s.io', 'subjectaccessreview'),
  R('selfsubjectaccessreviews', 'authorization.k8s.io', 'selfsubjectaccessreview'),
  R('localsubjectaccessreviews', 'authorization.k8s.io', 'localsubjectaccessreview'),
  R('selfsubjectrulesreviews', 'authorization.k8s.io', 'selfsubjectrulesreview'),
];

/** Built-in resources that are cluster-scoped: requests on them carry no namespace. */
export const CLUSTER_SCOPED_RESOURCES: ReadonlySet<string> = new Set(
  [
    'namespaces', 'nodes', 'persistentvolumes', 'users', 'groups', 'ingressclasses', 'adminnetworkpolicies', 'baselineadminnetworkpolicies',
    'clusterroles', 'clusterrolebindings', 'storageclasses', 'csidrivers', 'volumeattachments', 'certificatesigningrequests',
    'customresourcedefinitions', 'apiservices', 'mutatingwebhookconfigurations', 'validatingwebhookconfigurations',
    'validatingadmissionpolicies', 'priorityclasses', 'runtimeclasses', 'tokenreviews', 'selfsubjectreviews',
    'subjectaccessreviews', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews',
  ].map((r) => `${BUILTIN_RESOURCES.find((b) => b.resource === r)?.group ?? ''}/${r}`),
);

/** The namespace and name the authorizer sees for a request, and what was adjusted to get there. */
export interface RequestScope {
  readonly namespace?: string;
  readonly name?: string;
  readonly notes: readonly string[];
}

/**
 * The namespace and name of a request as the API server's RequestInfo builds them: a cluster-scoped resource has
 * no namespace (except for `bind`, which RBAC checks in the binding's namespace); `namespaces/NAME` is in namespace
 * NAME; a plain `create` has no name (the object does not exist yet).
 */
export function requestScope(verb: string, resource: ResourceRef, namespace: string | undefined, name: string | undefined): RequestScope {
  const notes: string[] = [];
  let ns = namespace;
  let n = name;
  const label = resourceLabel(resource);
  if (resource.group === '' && resource.resource === 'namespaces' && !resource.subresource && n !== undefined) {
    if (ns !== undefined && ns !== n) notes.push(`a request on namespace ${n} is in namespace ${n} (as the API server's RequestInfo sets it); -n ${ns} ignored.`);
    ns = n;
  } else if (ns !== undefined && verb !== 'bind' && CLUSTER_SCOPED_RESOURCES.has(`${resource.group}/${resource.resource}`)) {
    notes.push(`${label} is cluster-scoped: its requests carry no namespace, so only ClusterRoleBindings apply; -n ${ns} ignored.`);
    ns = undefined;
  }
  if (verb === 'create' && !resource.subresource && n !== undefined) {
    notes.push(`a create request carries no object name, so rules limited by resourceNames never allow it; --name ${n} ignored.`);
    n = undefined;
  }
  return { namespace: ns, name: n, notes };
}

/** Resources whose objects run pods: changing them changes what runs (and so what the network policies select). */
export const WORKLOAD_RESOURCES: readonly ResourceRef[] = [
  { group: '', resource: 'pods' },
  { group: 'apps', resource: 'deployments' },
  { group: 'apps', resource: 'statefulsets' },
  { group: 'apps', resource: 'daemonsets' },
  { group: 'apps', resource: 'replicasets' },
  { group: 'batch', resource: 'jobs' },
  { group: 'batch', resource: 'cronjobs' },
  { group: '', resource: 'replicationcontrollers' },
];

export const NETWORK_POLICY: ResourceRef = { group: 'networking.k8s.io', resource: 'networkpolicies' };
/** Cluster-scoped admin tiers (kubernetes-sigs/network-policy-api): requests on them carry no namespace. */
export const ADMIN_NETWORK_POLICY: ResourceRef = { group: 'policy.networking.k8s.io', resource: 'adminnetworkpolicies' };
export const BASELINE_ADMIN_NETWORK_POLICY: ResourceRef = { group: 'policy.networking.k8s.io', resource: 'baselineadminnetworkpolicies' };

/** Verbs that change objects. */
export const CHANGE_VERBS: readonly string[] = ['create', 'update', 'patch', 'delete', 'deletecollection'];

/** Every standard verb, the matrix's default columns. */
export const ALL_VERBS: readonly string[] = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];

/** `resource.group` for display; the core group has no suffix. */
export function resourceLabel(r: ResourceRef): string {
  const base = r.group ? `${r.resource}.${r.group}` : r.resource;
  return r.subresource ? `${base}/${r.subresource}` : base;
}

export interface ResolvedResource {
  readonly resource: ResourceRef;
  /** Set when the name was not found in the built-in table and was taken as written. */
  readonly warning?: string;
}

/**
 * Resolves a resource as kubectl does: `plural`, `singular` or a short name, optionally `.group`-qualified, optionally
 * `/subresource`. Without a cluster to ask, names outside the built-in table are taken as a core-group plural with a
 * warning, as `kubectl auth can-i` does when discovery does not know a resource.
 */
export function resolveResource(text: string): ResolvedResource {
  const [main, ...subParts] = text.split('/');
  const subresource = subParts.length > 0 ? subParts.join('/') : undefined;
  const lower = main.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  const hit = BUILTIN_RESOURCES.find((r) => (group === undefined || r.group === group) && (r.resource === name || r.singular === name || r.shortNames.includes(name)));
  if (hit) return { resource: { group: hit.group, resource: hit.resource, subresource } };
  if (group !== undefined) return { resource: { group, resource: name, subresource } };
  return {
    resource: { group: '', resource: name, subresource },
    warning: `resource type "${name}" is not a built-in resource known without a cluster; taking it as "${name}" in the core group (write RESOURCE.GROUP for other groups).`,
  };
}
