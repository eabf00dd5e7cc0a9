import type {
  ClusterRole,
  ClusterRoleBinding,
  ContainerPort,
  LabelSelector,
  Namespace,
  NetworkPolicy,
  NetworkPolicyRule,
  Pod,
  PolicyRule,
  Role,
  RoleBinding,
  ServiceAccount,
  Snapshot,
  Subject,
  Workload,
  Gateway,
  GatewayRoute,
  Ingress,
  Service,
  ServicePort,
  EntryObjects,
} from '../model';

/** Size and seed of a synthetic cluster. Defaults: 10,000 pods, 200 namespaces, 1,600 policies. */
export interface ClusterSpec {
  readonly pods?: number;
  readonly namespaces?: number;
  readonly policies?: number;
  readonly seed?: number;
  /** RBAC scale; defaults scale with pods: per 10,000 pods 10,000 subjects, 5,000 bindings, 2,000 roles. */
  readonly subjects?: number;
  readonly bindings?: number;
  readonly roles?: number;
  /** Entry objects; default per 10,000 pods: 2,000 Services, 300 Ingresses, 100 HTTPRoutes (generateEntryObjects). */
  readonly services?: number;
  readonly ingresses?: number;
  readonly httpRoutes?: number;
}

/**
 * The largest cluster Kubernetes supports (its documented limits: 150,000 pods, 5,000 nodes), with 25,000
 * NetworkPolicies; RBAC scales with the pods (150,000 subjects, 75,000 bindings, 30,000 roles). The scale benchmarks
 * (scripts/bench/scale.bench.ts) and docs/scale.md use it.
 */
export const LARGEST_CLUSTER: ClusterSpec = Object.freeze({ pods: 150_000, policies: 25_000 });

/** A small deterministic PRNG (mulberry32), so the same seed always gives the same cluster. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIERS = ['web', 'api', 'worker', 'db', 'cache', 'batch'] as const;
const sel = (matchLabels: Record<string, string> = {}, matchExpressions: LabelSelector['matchExpressions'] = []): LabelSelector => ({ matchLabels, matchExpressions });
const tcp = (port: number | string, endPort?: number) => ({ protocol: 'TCP' as const, port, ...(endPort ? { endPort } : {}) });
const udp = (port: number) => ({ protocol: 'UDP' as const, port });

function portsFor(tier: string): ContainerPort[] {
  const ports: ContainerPort[] = [{ name: 'metrics', containerPort: 9090, protocol: 'TCP' }];
  if (tier === 'web' || tier === 'api') ports.push({ name: 'http', containerPort: tier === 'web' ? 8080 : 8443, protocol: 'TCP' });
  if (tier === 'db') ports.push({ name: 'sql', containerPort: 5432, protocol: 'TCP' });
  if (tier === 'cache') ports.push({ name: 'redis', containerPort: 6379, protocol: 'TCP' });
  return ports;
}

/** The policy shapes of one namespace, in the order they are added until the namespace's budget is spent. */
function namespacePolicies(ns: string, i: number, team: string): NetworkPolicy[] {
  const p = (name: string, podSelector: LabelSelector, ingress: NetworkPolicyRule[] | null, egress: NetworkPolicyRule[] | null): NetworkPolicy => ({
    namespace: ns,
    name,
    labels: {},
    podSelector,
    policyTypes: [...(ingress ? (['Ingress'] as const) : []), ...(egress ? (['Egress'] as const) : [])],
    policyTypesDeclared: true,
    ingress: ingress ?? [],
    egress: egress ?? [],
  });
  const pods = (podSelector?: LabelSelector, namespaceSelector?: LabelSelector) => ({ kind: 'pods' as const, podSelector, namespaceSelector });
  const ip = (cidr: string, except: string[] = []) => ({ kind: 'ipBlock' as const, cidr, except });
  return [
    p('default-deny', sel(), [], []),
    p('allow-dns', sel(), null, [{ peers: [pods(sel({ 'k8s-app': 'kube-dns' }), sel({ 'kubernetes.io/metadata.name': 'kube-system' }))], ports: [udp(53), tcp(53)] }]),
    p('web-from-internet', sel({ tier: 'web' }), [{ peers: [ip('0.0.0.0/0', ['10.0.0.0/8', '172.16.0.0/12'])], ports: [tcp(443), tcp('http')] }], null),
    p('api-from-web', sel({ tier: 'api' }), [{ peers: [pods(sel({ tier: 'web' }))], ports: [tcp('http')] }], null),
    p('web-to-api', sel({ tier: 'web' }), null, [{ peers: [pods(sel({ tier: 'api' }))], ports: [tcp('http')] }]),
    p('db-from-api', sel({ tier: 'db' }), [{ peers: [pods(sel({}, [{ key: 'tier', operator: 'In', values: ['api', 'worker'] }]))], ports: [tcp('sql')] }], null),
    p('metrics-from-monitoring', sel(), [{ peers: [pods(sel({ app: 'prometheus' }), sel({ team: 'monitoring' }))], ports: [tcp('metrics')] }], null),
    p('worker-egress', sel({ tier: 'worker' }), null, [
      { peers: [ip(`52.${i % 256}.0.0/16`, [`52.${i % 256}.128.0/17`])], ports: [tcp(443), tcp(8000, 8100)] },
      { peers: [pods(sel({ tier: 'db' })), pods(sel({ tier: 'cache' }))], ports: [] },
    ]),
    p('api-from-team', sel({ tier: 'api' }), [{ peers: [pods(sel({ tier: 'api' }), sel({ team }))], ports: [tcp(8080, 8090)] }], null),
    p('cache-from-apps', sel({ tier: 'cache' }), [{ peers: [pods(sel({}, [{ key: 'tier', operator: 'NotIn', values: ['db', 'cache'] }]))], ports: [tcp('redis')] }], null),
  ];
}

/** A deterministic synthetic cluster: namespaces, Deployments with live pods, NetworkPolicies and RBAC objects. */
export function generateCluster(spec: ClusterSpec = {}): Snapshot {
  const podTarget = spec.pods ?? 10_000;
  const nsCount = spec.namespaces ?? Math.max(1, Math.round(podTarget / 50));
  const policyTarget = spec.policies ?? Math.round(podTarget * 0.16);
  const rnd = seededRandom(spec.seed ?? 1);
  const scale = podTarget / 10_000;
  const subjectsTarget = spec.subjects ?? Math.round(10_000 * scale);
  const bindingsTarget = spec.bindings ?? Math.round(5_000 * scale);
  const rolesTarget = spec.roles ?? Math.round(2_000 * scale);

  const namespaces: Namespace[] = [];
  const pods: Pod[] = [];
  const workloads: Workload[] = [];
  const policies: NetworkPolicy[] = [];
  const serviceAccounts: ServiceAccount[] = [];
  let ipCounter = 1;
  const nextIp = () => {
    const n = ipCounter++;
    return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  };

  const addNamespace = (name: string, labels: Record<string, string>) =>
    namespaces.push({ name, labels: { 'kubernetes.io/metadata.name': name, ...labels }, declared: true });
  addNamespace('kube-system', {});
  addNamespace('monitoring', { team: 'monitoring' });
  const addDeployment = (ns: string, name: string, labels: Record<string, string>, replicas: number, ports: ContainerPort[]) => {
    const podNames: string[] = [];
    const rs = `${name}-7d9f8c6b5`;
    for (let r = 0; r < replicas; r++) {
      const podName = `${rs}-${r.toString(36).padStart(5, 'x')}`;
      podNames.push(podName);
      pods.push({
        namespace: ns,
        name: podName,
        labels: { ...labels, 'pod-template-hash': '7d9f8c6b5' },
        phase: 'Running',
        podIPs: [nextIp()],
        hostNetwork: false,
        serviceAccountName: name,
        containerPorts: ports,
        owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs },
        workload: { namespace: ns, kind: 'Deployment', name },
        fromTemplate: false,
      });
    }
    workloads.push({ namespace: ns, kind: 'Deployment', name, labels, templateLabels: labels, replicas, serviceAccountName: name, podNames, declared: true });
    serviceAccounts.push({ namespace: ns, name, labels: {} });
  };
  addDeployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, 2, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }]);
  addDeployment('monitoring', 'prometheus', { app: 'prometheus' }, 1, [{ name: 'web', containerPort: 9090, protocol: 'TCP' }]);

  const perNs = Math.max(1, Math.floor((podTarget - pods.length) / nsCount));
  // Every tenth namespace has no policies; the others share the policy budget.
  const withPolicies = Array.from({ length: nsCount }, (_, i) => i % 10 !== 9).filter(Boolean).length;
  let policyBudget = policyTarget;
  for (let i = 0; i < nsCount; i++) {
    const ns = `tenant-${String(i).padStart(4, '0')}`;
    const team = `team-${i % 20}`;
    addNamespace(ns, { team, env: i % 3 === 0 ? 'prod' : 'dev' });
    let left = i === nsCount - 1 ? podTarget - pods.length : perNs;
    for (let d = 0; left > 0; d++) {
      const tier = TIERS[d % TIERS.length];
      const replicas = Math.min(left, 1 + Math.floor(rnd() * 8));
      left -= replicas;
      addDeployment(ns, `${tier}-${d}`, { app: `${tier}-${d}`, tier, team }, replicas, portsFor(tier));
    }
    if (i % 10 === 9) continue;
    const nsIndexAmongPolicied = i - Math.floor(i / 10);
    const quota = Math.round(((nsIndexAmongPolicied + 1) * policyTarget) / withPolicies) - Math.round((nsIndexAmongPolicied * policyTarget) / withPolicies);
    const shapes = namespacePolicies(ns, i, team);
    for (let k = 0; k < quota && policyBudget > 0; k++, policyBudget--) {
      const base = shapes[k % shapes.length];
      policies.push(k < shapes.length ? base : { ...base, name: `${base.name}-${Math.floor(k / shapes.length)}` });
    }
  }

  // RBAC: roles per namespace and cluster-wide, bindings that use every subject at least once.
  const verbs = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', '*'];
  const resources: [string, string][] = [['', 'pods'], ['', 'secrets'], ['', 'configmaps'], ['', 'services'], ['apps', 'deployments'], ['networking.k8s.io', 'networkpolicies'], ['rbac.authorization.k8s.io', 'rolebindings'], ['', 'pods/exec']];
  const randomRules = (): PolicyRule[] =>
    Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
      const [group, resource] = resources[Math.floor(rnd() * resources.length)];
      const vs = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => verbs[Math.floor(rnd() * verbs.length)]))];
      return { verbs: vs, apiGroups: [group], resources: [resource], resourceNames: [], nonResourceURLs: [] };
    });
  const tenantNs = namespaces.filter((n) => n.name.startsWith('tenant-')).map((n) => n.name);
  const clusterRoleCount = Math.max(1, Math.round(rolesTarget / 10));
  const clusterRoles: ClusterRole[] = Array.from({ length: clusterRoleCount }, (_, i) => ({ name: `synthetic-cluster-role-${i}`, labels: {}, rules: randomRules() }));
  const roles: Role[] = Array.from({ length: rolesTarget - clusterRoleCount }, (_, i) => ({ namespace: tenantNs[i % tenantNs.length], name: `role-${i}`, labels: {}, rules: randomRules() }));

  const users = Math.round(subjectsTarget * 0.4);
  const groups = Math.round(subjectsTarget * 0.1);
  const sas = subjectsTarget - users - groups;
  const subjects: Subject[] = [];
  for (let i = 0; i < users; i++) subjects.push({ kind: 'User', name: `user-${i}@example.com` });
  for (let i = 0; i < groups; i++) subjects.push({ kind: 'Group', name: `group-${i}` });
  for (let i = 0; i < sas; i++) {
    const existing = serviceAccounts[i];
    if (existing && i < serviceAccounts.length) subjects.push({ kind: 'ServiceAccount', name: existing.name, namespace: existing.namespace });
    else {
      const ns = tenantNs[i % tenantNs.length];
      serviceAccounts.push({ namespace: ns, name: `sa-${i}`, labels: {} });
      subjects.push({ kind: 'ServiceAccount', name: `sa-${i}`, namespace: ns });
    }
  }
  const clusterBindingCount = Math.round(bindingsTarget / 10);
  const roleBindings: RoleBinding[] = [];
  const clusterRoleBindings: ClusterRoleBinding[] = [];
  let cursor = 0;
  const takeSubjects = (): Subject[] => {
    const n = 2 + Math.floor(rnd() * 3);
    return Array.from({ length: n }, () => subjects[cursor++ % subjects.length]);
  };
  for (let i = 0; i < bindingsTarget - clusterBindingCount; i++) {
    const useCluster = rnd() < 0.3 || roles.length === 0;
    const role = useCluster ? undefined : roles[Math.floor(rnd() * roles.length)];
    const ns = role ? role.namespace : tenantNs[i % tenantNs.length];
    roleBindings.push({
      namespace: ns,
      name: `binding-${i}`,
      labels: {},
      roleRef: role ? { kind: 'Role', name: role.name } : { kind: 'ClusterRole', name: clusterRoles[Math.floor(rnd() * clusterRoles.length)].name },
      subjects: takeSubjects(),
    });
  }
  for (let i = 0; i < clusterBindingCount; i++) {
    clusterRoleBindings.push({ name: `cluster-binding-${i}`, labels: {}, roleRef: { kind: 'ClusterRole', name: clusterRoles[Math.floor(rnd() * clusterRoles.length)].name }, subjects: takeSubjects() });
  }

  return {
    source: { kind: 'files', paths: [`synthetic:${podTarget}`] },
    version: 1,
    readAt: '2026-01-01T00:00:00.000Z',
    namespaces,
    pods,
    workloads,
    networkPolicies: policies,
    adminNetworkPolicies: [],
    baselineAdminNetworkPolicies: [],
    serviceAccounts,
    roles,
    clusterRoles,
    roleBindings,
    clusterRoleBindings,
    ...generateEntryObjects(workloads, {
      services: spec.services ?? Math.round(2_000 * scale),
      ingresses: spec.ingresses ?? Math.round(300 * scale),
      httpRoutes: spec.httpRoutes ?? Math.round(100 * scale),
    }),
    warnings: [],
    unreadable: [],
  };
}

const portOf = (tier: string): ServicePort[] => {
  const metrics: ServicePort = { name: 'metrics', protocol: 'TCP', port: 9090, targetPort: 'metrics' };
  switch (tier) {
    case 'web':
      return [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' }, metrics];
    case 'api':
      return [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 'http' }, metrics];
    case 'db':
      return [{ name: 'sql', protocol: 'TCP', port: 5432, targetPort: 'sql' }];
    case 'cache':
      return [{ name: 'redis', protocol: 'TCP', port: 6379, targetPort: 'redis' }];
    default:
      return [metrics];
  }
};

/**
 * Services for the first `services` tenant Deployments (every 20th a LoadBalancer, half of those with source ranges;
 * every 50th a NodePort; the rest ClusterIP), Ingresses (class nginx, whose controller pods are not in the snapshot:
 * the stand-in reading) to web Services, and HTTPRoutes from tenant namespaces to api Services through one Gateway.
 * No randomness: adding them changes nothing else of the cluster.
 */
export function generateEntryObjects(workloads: readonly Workload[], n: { services: number; ingresses: number; httpRoutes: number }): EntryObjects {
  const tenants = workloads.filter((w) => w.namespace.startsWith('tenant-')).slice(0, n.services);
  const services: Service[] = tenants.map((w, i) => {
    const tier = w.labels.tier ?? 'worker';
    const type = i % 20 === 0 ? 'LoadBalancer' : i % 50 === 7 ? 'NodePort' : 'ClusterIP';
    const ports = portOf(tier).map((p, k) => (type === 'NodePort' ? { ...p, nodePort: 30000 + ((i * 3 + k) % 2768) } : p));
    return {
      namespace: w.namespace,
      name: w.name,
      labels: {},
      annotations: {},
      type,
      selector: { app: w.labels.app },
      headless: false,
      externalIPs: [],
      loadBalancerSourceRanges: type === 'LoadBalancer' && i % 40 === 0 ? ['198.51.100.0/24'] : [],
      annotationSourceRanges: [],
      ...(type === 'ClusterIP' ? {} : { externalTrafficPolicy: 'Cluster' as const }),
      internalTrafficPolicy: 'Cluster',
      ports,
      loadBalancerStatus: type === 'LoadBalancer' ? [{ ip: `203.0.${(i >> 8) & 255}.${i & 255}` }] : [],
    };
  });
  const web = services.filter((s) => s.ports[0]?.name === 'http');
  const api = services.filter((s) => s.ports[0]?.name === 'https');
  const ingresses: Ingress[] = web.slice(0, n.ingresses).map((s, i) => ({
    namespace: s.namespace,
    name: `${s.name}-ingress`,
    labels: {},
    ingressClassName: 'nginx',
    classFrom: 'spec',
    rules: [{ host: `app-${i}.example.com`, paths: [{ path: '/', pathType: 'Prefix', backend: { kind: 'service', service: s.name, port: { name: 'http' } } }] }],
    tls: [{ hosts: [`app-${i}.example.com`] }],
    loadBalancerStatus: [],
  }));
  const gatewayNs = workloads.find((w) => w.namespace.startsWith('tenant-'))?.namespace ?? 'default';
  const gateways: Gateway[] =
    n.httpRoutes > 0
      ? [{ namespace: gatewayNs, name: 'public', labels: {}, gatewayClassName: 'envoy', listeners: [{ name: 'https', port: 443, protocol: 'HTTPS', tlsMode: 'Terminate', allowedNamespaces: { from: 'All' }, allowedKinds: [] }], addresses: [], statusAddresses: [{ type: 'IPAddress', value: '203.0.113.100' }] }]
      : [];
  const gatewayRoutes: GatewayRoute[] = api.slice(0, n.httpRoutes).map((s, i) => ({
    kind: 'HTTPRoute',
    namespace: s.namespace,
    name: `${s.name}-route`,
    labels: {},
    parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: gatewayNs, name: 'public' }],
    hostnames: [`api-${i}.example.com`],
    rules: [{ matches: ['path PathPrefix /'], backendRefs: [{ group: '', kind: 'Service', namespace: s.namespace, name: s.name, port: 443, weight: 1 }] }],
  }));
  return {
    services,
    ingresses,
    ingressClasses: n.ingresses > 0 ? [{ name: 'nginx', labels: {}, controller: 'k8s.io/ingress-nginx', isDefault: true }] : [],
    routes: [],
    gatewayClasses: n.httpRoutes > 0 ? [{ name: 'envoy', labels: {}, controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' }] : [],
    gateways,
    gatewayRoutes,
    referenceGrants: [],
  };
}
