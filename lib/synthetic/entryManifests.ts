import type { Manifest } from '../manifests/policyManifests';
import type { EntryObjects, Gateway, GatewayRoute, Ingress, IngressBackend, Service } from '../model';

// The manifests of the entry objects lib/synthetic generates (generateEntryObjects: Services, Ingresses with their
// IngressClass, one Gateway with its GatewayClass, HTTPRoutes), as the API server returns them, so the CLI and the
// dashboard read the same entry points from files as the benchmarks analyse in memory. Only the fields the generator
// sets are written.

const NET = 'networking.k8s.io/v1';
const GW = 'gateway.networking.k8s.io/v1';

function serviceManifest(s: Service): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name, namespace: s.namespace, labels: s.labels, annotations: s.annotations },
    spec: {
      type: s.type,
      ...(s.selector ? { selector: s.selector } : {}),
      ...(s.headless ? { clusterIP: 'None' } : {}),
      ...(s.externalIPs.length ? { externalIPs: s.externalIPs } : {}),
      ...(s.loadBalancerSourceRanges.length ? { loadBalancerSourceRanges: s.loadBalancerSourceRanges } : {}),
      ...(s.externalTrafficPolicy ? { externalTrafficPolicy: s.externalTrafficPolicy } : {}),
      internalTrafficPolicy: s.internalTrafficPolicy,
      ports: s.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), protocol: p.protocol, port: p.port, targetPort: p.targetPort, ...(p.nodePort ? { nodePort: p.nodePort } : {}) })),
    },
    status: { loadBalancer: s.loadBalancerStatus.length ? { ingress: s.loadBalancerStatus } : {} },
  };
}

function backendManifest(b: IngressBackend): Manifest {
  if (b.kind !== 'service') throw new Error(`synthetic Ingress backend of kind ${b.kind} has no manifest writer`);
  return { service: { name: b.service, port: 'number' in b.port ? { number: b.port.number } : { name: b.port.name } } };
}

function ingressManifest(i: Ingress): Manifest {
  return {
    apiVersion: NET,
    kind: 'Ingress',
    metadata: { name: i.name, namespace: i.namespace, labels: i.labels },
    spec: {
      ...(i.ingressClassName ? { ingressClassName: i.ingressClassName } : {}),
      rules: i.rules.map((r) => ({ ...(r.host ? { host: r.host } : {}), http: { paths: r.paths.map((p) => ({ path: p.path, pathType: p.pathType, backend: backendManifest(p.backend) })) } })),
      ...(i.tls.length ? { tls: i.tls } : {}),
    },
  };
}

function gatewayManifest(g: Gateway): Manifest {
  return {
    apiVersion: GW,
    kind: 'Gateway',
    metadata: { name: g.name, namespace: g.namespace, labels: g.labels },
    spec: {
      gatewayClassName: g.gatewayClassName,
      listeners: g.listeners.map((l) => ({ name: l.name, port: l.port, protocol: l.protocol, ...(l.tlsMode ? { tls: { mode: l.tlsMode } } : {}), allowedRoutes: { namespaces: { from: l.allowedNamespaces.from } } })),
    },
    status: { addresses: g.statusAddresses },
  };
}

/** `path PathPrefix /`, the generator's one match form, back to its HTTPRouteMatch. */
function matchManifest(m: string): Manifest {
  const parsed = /^path (\S+) (\S+)$/.exec(m);
  if (!parsed) throw new Error(`synthetic HTTPRoute match "${m}" has no manifest writer`);
  return { path: { type: parsed[1], value: parsed[2] } };
}

function routeManifest(r: GatewayRoute): Manifest {
  return {
    apiVersion: GW,
    kind: r.kind,
    metadata: { name: r.name, namespace: r.namespace, labels: r.labels },
    spec: {
      parentRefs: r.parentRefs.map((p) => ({ group: p.group, kind: p.kind, ...(p.namespace ? { namespace: p.namespace } : {}), name: p.name })),
      hostnames: r.hostnames,
      rules: r.rules.map((x) => ({ matches: x.matches.map(matchManifest), backendRefs: x.backendRefs.map((b) => ({ group: b.group, kind: b.kind, ...(b.namespace ? { namespace: b.namespace } : {}), name: b.name, port: b.port, weight: b.weight })) })),
    },
  };
}

/** Services, Ingresses, IngressClasses, GatewayClasses, Gateways and routes of a synthetic snapshot. */
export function entryManifests(e: EntryObjects): Manifest[] {
  if (e.routes.length || e.referenceGrants.length) throw new Error('synthetic OpenShift Routes and ReferenceGrants have no manifest writer');
  return [
    ...e.services.map(serviceManifest),
    ...e.ingressClasses.map((c) => ({ apiVersion: NET, kind: 'IngressClass', metadata: { name: c.name, labels: c.labels, ...(c.isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) }, spec: { controller: c.controller } })),
    ...e.ingresses.map(ingressManifest),
    ...e.gatewayClasses.map((c) => ({ apiVersion: GW, kind: 'GatewayClass', metadata: { name: c.name, labels: c.labels }, spec: { controllerName: c.controllerName } })),
    ...e.gateways.map(gatewayManifest),
    ...e.gatewayRoutes.map(routeManifest),
  ];
}
