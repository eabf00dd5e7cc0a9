import type { Gateway, GatewayListener, GatewayRoute, Labels, ObjectRef, Pod, Protocol, ReferenceGrant, Route, Service, ServicePort, Snapshot, Warning } from '../model';
import { rulePortSet } from '../netpol/compile';
import { parseCidr } from '../netpol/ipRange';
import { ALL_PORTS, NO_PORTS, portRangeSet, unionPorts, type PortSet } from '../netpol/portSet';
import { selectorMatches } from '../netpol/selector';
import type { ControllerFinder, ControllerReading } from './controllers';
import { ingressBackendRefs, routeBackendRefs, servicePortsOf, type RouteBackendRef } from './ingressTargets';
import type { ServiceIndex } from './serviceBackends';

// Entry points: everything that carries traffic from outside the pod network to pods (issue 12 §1), with the pods
// and pod ports each one sends to. Verdicts are computed by internetPaths.ts.

export type EntryKind = 'LoadBalancer' | 'NodePort' | 'ExternalIP' | 'Ingress' | 'Route' | 'Gateway' | 'HostPort' | 'HostNetwork' | 'PolicyRule';

/** Where an entry point's traffic lands: one pod, on some of its ports, and the Service port that led there. */
export interface BackendTarget {
  /** Index into `snapshot.pods`. */
  readonly pod: number;
  /** `namespace/name` and the Service port, for entries that go through a Service. */
  readonly service?: { readonly key: string; readonly port: ServicePort };
  /** The pod ports; empty when the Service port does not resolve on this pod (a named targetPort it lacks). */
  readonly ports: PortSet;
  /** `443/TCP → https → 8443` for people. */
  readonly via: string;
}

export interface EntryPoint {
  /** Stable: `LoadBalancer:payments/payments-api`, `Gateway:edge/public/https`, `HostPort:monitoring/DaemonSet/node-exporter`. */
  readonly id: string;
  readonly kind: EntryKind;
  /** The object that opens it: a Service, Ingress, Route, Gateway, pod's workload or NetworkPolicy. */
  readonly object: ObjectRef;
  /** What clients connect to, for people: addresses, hosts and paths, node ports. */
  readonly addresses: readonly string[];
  /** The ports clients connect to. */
  readonly ports: readonly { readonly protocol: Protocol; readonly port: number }[];
  /** The client ranges the edge lets in (CIDRs); every address (`0.0.0.0/0`, `::/0`) when nothing restricts it. */
  readonly sourceRanges: readonly string[];
  /** Where the source ranges come from: `loadBalancerSourceRanges`, the deprecated annotation, or nothing. */
  readonly sourceRangesFrom: 'spec' | 'annotation' | 'none';
  /** An internal load balancer (serves a private network only): the annotation that says so. */
  readonly internal?: string;
  /** Ingress, Route and Gateway entries: the controller's pods, or why the stand-in is used. */
  readonly controller?: ControllerReading;
  readonly backends: readonly BackendTarget[];
  /** Caveats that matter to the verdict (unresolved ports, cross-namespace refs refused, allocated node ports). */
  readonly notes: readonly string[];
}

export const EVERY_ADDRESS: readonly string[] = Object.freeze(['0.0.0.0/0', '::/0']);

/** Cloud provider annotations that make a LoadBalancer internal (reachable from the provider's private network only). */
const INTERNAL_LB: readonly [string, (v: string) => boolean][] = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', (v) => v === 'true' || v === '0.0.0.0/0'],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', (v) => v === 'internal'],
  ['networking.gke.io/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['cloud.google.com/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', (v) => v === 'true'],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', (v) => v === 'true'],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', (v) => v === 'true'],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', (v) => v === 'private'],
];

export function internalAnnotation(annotations: Labels): string | undefined {
  const hit = INTERNAL_LB.find(([k, test]) => annotations[k] !== undefined && test(annotations[k]));
  return hit ? `${hit[0]}: ${annotations[hit[0]]}` : undefined;
}

const portText = (sp: ServicePort) => `${sp.port}/${sp.protocol}${sp.name ? ` (${sp.name})` : ''}`;
const ref = (kind: string, o: { namespace?: string; name: string }): ObjectRef => ({ kind, name: o.name, ...(o.namespace !== undefined ? { namespace: o.namespace } : {}) });

/** The pods and pod ports behind some ports of a Service. */
function serviceTargets(index: ServiceIndex, key: string, ports: readonly ServicePort[]): BackendTarget[] {
  const sb = index.byKey.get(key);
  if (!sb) return [];
  const out: BackendTarget[] = [];
  for (const rp of sb.ports) {
    if (!ports.includes(rp.servicePort)) continue;
    for (const b of rp.backends) {
      const sp = rp.servicePort;
      const ports = b.port === undefined ? NO_PORTS : portRangeSet(sp.protocol, b.port, b.port);
      const via = `${portText(sp)} → ${typeof sp.targetPort === 'string' ? `${sp.targetPort} → ` : ''}${b.port ?? 'not defined on this pod'}`;
      out.push({ pod: b.pod, service: { key, port: sp }, ports, via });
    }
  }
  return out;
}

function serviceEntries(s: Service, index: ServiceIndex): EntryPoint[] {
  const key = `${s.namespace}/${s.name}`;
  const object = ref('Service', s);
  const all = serviceTargets(index, key, s.ports);
  const unresolved = s.ports.filter((sp) => index.byKey.get(key)?.ports.find((p) => p.servicePort === sp)?.backends.every((b) => b.port === undefined));
  const baseNotes = [
    ...(s.selector ? [] : ['the Service has no selector: its endpoints are managed by hand and not in the snapshot']),
    ...(s.selector && all.length === 0 ? ['the Service selects no pod'] : []),
    ...unresolved.filter(() => all.length > 0).map((sp) => `port ${portText(sp)}: targetPort "${String(sp.targetPort)}" is defined on none of the selected pods`),
  ];
  const out: EntryPoint[] = [];
  const etp = s.externalTrafficPolicy === 'Local' ? ['externalTrafficPolicy Local: the client address reaches the pods (and only nodes running one answer)'] : ['externalTrafficPolicy Cluster: kube-proxy may replace the client address by a node address before the pod’s policies see it'];
  if (s.type === 'LoadBalancer') {
    const fromSpec = s.loadBalancerSourceRanges.length > 0;
    const fromAnnotation = !fromSpec && s.annotationSourceRanges.length > 0;
    const addresses = [...s.loadBalancerStatus.map((a) => a.ip ?? a.hostname ?? ''), ...(s.loadBalancerIP ? [s.loadBalancerIP] : [])].filter((a) => a !== '');
    const internal = internalAnnotation(s.annotations);
    out.push({
      id: `LoadBalancer:${key}`,
      kind: 'LoadBalancer',
      object,
      addresses: addresses.length > 0 ? [...new Set(addresses)] : ['(no address assigned yet)'],
      ports: s.ports.map((p) => ({ protocol: p.protocol, port: p.port })),
      sourceRanges: fromSpec ? s.loadBalancerSourceRanges : fromAnnotation ? s.annotationSourceRanges : EVERY_ADDRESS,
      sourceRangesFrom: fromSpec ? 'spec' : fromAnnotation ? 'annotation' : 'none',
      ...(internal ? { internal } : {}),
      backends: all,
      notes: [...baseNotes, ...etp],
    });
  }
  const nodePorts = s.ports.filter((p) => p.nodePort !== undefined);
  if (s.type === 'NodePort' || (s.type === 'LoadBalancer' && nodePorts.length > 0)) {
    const allocated = s.ports.filter((p) => p.nodePort === undefined);
    out.push({
      id: `NodePort:${key}`,
      kind: 'NodePort',
      object,
      addresses: ['every node address'],
      ports: nodePorts.map((p) => ({ protocol: p.protocol, port: p.nodePort as number })),
      sourceRanges: EVERY_ADDRESS,
      sourceRangesFrom: 'none',
      backends: all,
      notes: [
        ...baseNotes,
        ...(allocated.length > 0 ? [`port${allocated.length === 1 ? '' : 's'} ${allocated.map(portText).join(', ')} get a node port the cluster allocates (not in the manifest)`] : []),
        'node firewalls and cloud security groups are not in the snapshot: any address is assumed able to reach the nodes',
        ...etp,
      ],
    });
  }
  if (s.externalIPs.length > 0) {
    out.push({
      id: `ExternalIP:${key}`,
      kind: 'ExternalIP',
      object,
      addresses: s.externalIPs.flatMap((ip) => s.ports.map((p) => `${ip}:${p.port}`)),
      ports: s.ports.map((p) => ({ protocol: p.protocol, port: p.port })),
      sourceRanges: EVERY_ADDRESS,
      sourceRangesFrom: 'none',
      backends: all,
      notes: [...baseNotes, 'traffic to the external IPs is routed to a node by the network outside the cluster; any address is assumed able to send it', ...etp],
    });
  }
  return out;
}

/** Kubernetes' reading of an Ingress backend port: a number is the Service port's `port`, a name its `name`. */
function ingressServicePorts(ports: readonly ServicePort[], r: RouteBackendRef): ServicePort[] {
  const p = r.port;
  if (!p) return [...ports];
  if ('number' in p) return ports.filter((sp) => sp.port === p.number);
  if ('name' in p) return ports.filter((sp) => sp.name === p.name);
  return servicePortsOf(ports, p);
}

function routeObjectEntry(kind: 'Ingress' | 'Route', o: { namespace: string; name: string }, refs: readonly RouteBackendRef[], addresses: string[], ports: EntryPoint['ports'], controller: ControllerReading, index: ServiceIndex): EntryPoint {
  const notes: string[] = [];
  const backends: BackendTarget[] = [];
  for (const r of refs) {
    const key = `${o.namespace}/${r.service}`;
    const sb = index.byKey.get(key);
    if (!sb) {
      notes.push(`Service ${key} is not in the snapshot`);
      continue;
    }
    const used = ingressServicePorts(sb.service.ports, r);
    if (used.length === 0) notes.push(`Service ${key} has no port ${r.port && 'number' in r.port ? r.port.number : r.port && 'name' in r.port ? `"${r.port.name}"` : String(r.port && 'routeTarget' in r.port ? r.port.routeTarget : '')}`);
    for (const t of serviceTargets(index, key, used)) if (!backends.some((b) => b.pod === t.pod && b.via === t.via)) backends.push(t);
  }
  return { id: `${kind}:${o.namespace}/${o.name}`, kind, object: ref(kind, o), addresses, ports, sourceRanges: EVERY_ADDRESS, sourceRangesFrom: 'none', controller, backends, notes };
}

/** Whether a route hostname is served by a listener hostname (exact, or a `*.` wildcard on either side). */
function hostnamesIntersect(listener: string | undefined, route: readonly string[]): boolean {
  if (!listener || route.length === 0) return true;
  const match = (a: string, b: string) => a === b || (a.startsWith('*.') && b.endsWith(a.slice(1))) || (b.startsWith('*.') && a.endsWith(b.slice(1)));
  return route.some((h) => match(listener, h));
}

/** The route kinds a listener accepts when allowedRoutes.kinds is empty (gateway-api, Listener.AllowedRoutes). */
function defaultKinds(l: GatewayListener): readonly string[] {
  switch (l.protocol) {
    case 'HTTP':
    case 'HTTPS':
      return ['HTTPRoute', 'GRPCRoute'];
    case 'TLS':
      return l.tlsMode === 'Passthrough' ? ['TLSRoute'] : ['TLSRoute', 'TCPRoute'];
    case 'TCP':
      return ['TCPRoute'];
    default:
      return [];
  }
}

/** Whether a route attaches to a listener: parentRef, allowed namespaces and kinds, hostnames. */
function attaches(g: Gateway, l: GatewayListener, r: GatewayRoute, nsLabels: (ns: string) => Labels): boolean {
  const parent = r.parentRefs.some((p) => p.group === 'gateway.networking.k8s.io' && p.kind === 'Gateway' && p.namespace === g.namespace && p.name === g.name && (p.sectionName === undefined || p.sectionName === l.name) && (p.port === undefined || p.port === l.port));
  if (!parent) return false;
  const ns = l.allowedNamespaces;
  const nsOk = ns.from === 'All' || (ns.from === 'Same' && r.namespace === g.namespace) || (ns.from === 'Selector' && selectorMatches(ns.selector, nsLabels(r.namespace)));
  if (!nsOk) return false;
  const kinds = l.allowedKinds.length > 0 ? l.allowedKinds.filter((k) => k.group === 'gateway.networking.k8s.io').map((k) => k.kind) : defaultKinds(l);
  return kinds.includes(r.kind) && hostnamesIntersect(l.hostname, r.hostnames);
}

/** A cross-namespace backendRef needs a ReferenceGrant in the Service's namespace (gateway-api ReferenceGrant). */
function granted(grants: readonly ReferenceGrant[], r: GatewayRoute, serviceNs: string, service: string): boolean {
  if (serviceNs === r.namespace) return true;
  return grants.some(
    (g) => g.namespace === serviceNs && g.from.some((f) => f.group === 'gateway.networking.k8s.io' && f.kind === r.kind && f.namespace === r.namespace) && g.to.some((t) => t.group === '' && t.kind === 'Service' && (t.name === undefined || t.name === service)),
  );
}

function gatewayEntries(snapshot: Snapshot, g: Gateway, index: ServiceIndex, controller: ControllerReading, nsLabels: (ns: string) => Labels): EntryPoint[] {
  const addresses = [...g.statusAddresses, ...g.addresses].map((a) => a.value);
  return g.listeners.map((l) => {
    const notes: string[] = [];
    const backends: BackendTarget[] = [];
    const routes = snapshot.gatewayRoutes.filter((r) => attaches(g, l, r, nsLabels));
    if (routes.length === 0) notes.push('no route attaches to this listener');
    for (const r of routes) {
      for (const rule of r.rules) {
        for (const b of rule.backendRefs) {
          if (b.group !== '' || b.kind !== 'Service') {
            notes.push(`${r.kind} ${r.namespace}/${r.name}: backend ${b.kind} ${b.name} is not a Service`);
            continue;
          }
          if (!granted(snapshot.referenceGrants, r, b.namespace, b.name)) {
            notes.push(`${r.kind} ${r.namespace}/${r.name}: backend Service ${b.namespace}/${b.name} is in another namespace and no ReferenceGrant there allows it (the reference is refused)`);
            continue;
          }
          const key = `${b.namespace}/${b.name}`;
          const sb = index.byKey.get(key);
          if (!sb) {
            notes.push(`${r.kind} ${r.namespace}/${r.name}: Service ${key} is not in the snapshot`);
            continue;
          }
          const used = sb.service.ports.filter((sp) => sp.port === b.port);
          if (used.length === 0) notes.push(`${r.kind} ${r.namespace}/${r.name}: Service ${key} has no port ${b.port ?? ''}`);
          for (const t of serviceTargets(index, key, used)) if (!backends.some((x) => x.pod === t.pod && x.via === t.via)) backends.push(t);
        }
      }
    }
    const where = `${l.hostname ?? '*'}:${l.port}`;
    return {
      id: `Gateway:${g.namespace}/${g.name}/${l.name}`,
      kind: 'Gateway' as const,
      object: ref('Gateway', g),
      addresses: addresses.length > 0 ? addresses.map((a) => `${a} (${where})`) : [`listener ${l.name} ${where} (no address assigned yet)`],
      ports: [{ protocol: l.protocol === 'UDP' ? ('UDP' as const) : ('TCP' as const), port: l.port }],
      sourceRanges: EVERY_ADDRESS,
      sourceRangesFrom: 'none' as const,
      controller,
      backends,
      notes: [`listener ${l.name}: ${l.protocol}${l.tlsMode ? ` (TLS ${l.tlsMode})` : ''}, routes: ${routes.map((r) => `${r.kind} ${r.namespace}/${r.name}`).join(', ') || 'none'}`, ...notes],
    };
  });
}

/** HostPort and hostNetwork entries, one per workload (a DaemonSet's pods share one). */
function hostEntries(snapshot: Snapshot): EntryPoint[] {
  const byWorkload = new Map<string, { kind: 'HostPort' | 'HostNetwork'; pods: number[]; first: Pod }>();
  snapshot.pods.forEach((p, i) => {
    const w = p.workload;
    if (p.hostNetwork) {
      const id = `HostNetwork:${w.namespace}/${w.kind}/${w.name}`;
      const e = byWorkload.get(id) ?? byWorkload.set(id, { kind: 'HostNetwork', pods: [], first: p }).get(id)!;
      e.pods.push(i);
    } else if (p.containerPorts.some((c) => c.hostPort !== undefined)) {
      const id = `HostPort:${w.namespace}/${w.kind}/${w.name}`;
      const e = byWorkload.get(id) ?? byWorkload.set(id, { kind: 'HostPort', pods: [], first: p }).get(id)!;
      e.pods.push(i);
    }
  });
  const out: EntryPoint[] = [];
  for (const [id, e] of byWorkload) {
    const w = e.first.workload;
    const object = ref(w.kind, { namespace: w.namespace, name: w.name });
    const nodes = [...new Set(e.pods.map((i) => snapshot.pods[i].hostIP).filter((x): x is string => x !== undefined))];
    if (e.kind === 'HostPort') {
      const ports = e.first.containerPorts.filter((c) => c.hostPort !== undefined);
      out.push({
        id,
        kind: 'HostPort',
        object,
        addresses: nodes.length > 0 ? nodes.flatMap((n) => ports.map((c) => `${n}:${c.hostPort}`)) : ports.map((c) => `node of each pod:${c.hostPort}`),
        ports: ports.map((c) => ({ protocol: c.protocol, port: c.hostPort as number })),
        sourceRanges: EVERY_ADDRESS,
        sourceRangesFrom: 'none',
        backends: e.pods.flatMap((pod) =>
          snapshot.pods[pod].containerPorts.filter((c) => c.hostPort !== undefined).map((c) => ({ pod, ports: portRangeSet(c.protocol, c.containerPort, c.containerPort), via: `hostPort ${c.hostPort}/${c.protocol} → ${c.containerPort}` })),
        ),
        notes: ['hostPort traffic is forwarded to the pod (CNI portmap): its ingress policies apply; node firewalls are not in the snapshot'],
      });
    } else {
      const ports = e.first.containerPorts;
      out.push({
        id,
        kind: 'HostNetwork',
        object,
        addresses: nodes.length > 0 ? nodes : ['the address of each node it runs on'],
        ports: ports.map((c) => ({ protocol: c.protocol, port: c.containerPort })),
        sourceRanges: EVERY_ADDRESS,
        sourceRangesFrom: 'none',
        // Without declared ports it may listen on any port of the node.
        backends: e.pods.map((pod) => {
          const declared = snapshot.pods[pod].containerPorts;
          const ports = declared.length === 0 ? ALL_PORTS : declared.reduce((acc, c) => unionPorts(acc, portRangeSet(c.protocol, c.containerPort, c.containerPort)), NO_PORTS);
          return { pod, ports, via: declared.length === 0 ? 'host network: any port it opens on the node address' : 'host network: listens on the node address' };
        }),
        notes: [
          `listens on the node's address${ports.length === 0 ? ' (no container port declared: any port it opens)' : ''}; whether NetworkPolicies apply to a hostNetwork pod depends on the network plugin (see the hostNetwork reading)`,
        ],
      });
    }
  }
  return out;
}

/** NetworkPolicy ingress rules with an ipBlock of every address (`0.0.0.0/0`, `::/0`, excepts allowed). */
function policyRuleEntries(snapshot: Snapshot): EntryPoint[] {
  const podsByNs = new Map<string, number[]>();
  snapshot.pods.forEach((p, i) => (podsByNs.get(p.namespace) ?? podsByNs.set(p.namespace, []).get(p.namespace)!).push(i));
  const out: EntryPoint[] = [];
  for (const np of snapshot.networkPolicies) {
    if (!np.policyTypes.includes('Ingress')) continue;
    np.ingress.forEach((rule, ri) => {
      const everyAddress = rule.peers.filter((peer) => peer.kind === 'ipBlock' && parseCidr(peer.cidr)?.prefix === 0);
      if (everyAddress.length === 0) return;
      const selected = (podsByNs.get(np.namespace) ?? []).filter((i) => !snapshot.pods[i].hostNetwork && selectorMatches(np.podSelector, snapshot.pods[i].labels));
      const cidrs = everyAddress.map((p) => (p.kind === 'ipBlock' ? `${p.cidr}${p.except.length > 0 ? ` except ${p.except.join(', ')}` : ''}` : ''));
      out.push({
        id: `PolicyRule:${np.namespace}/${np.name}/ingress/${ri}`,
        kind: 'PolicyRule',
        object: ref('NetworkPolicy', np),
        addresses: cidrs,
        ports: [],
        sourceRanges: everyAddress.map((p) => (p.kind === 'ipBlock' ? p.cidr : '')),
        sourceRangesFrom: 'none',
        backends: selected.map((pod) => ({ pod, ports: rulePortSet(rule.ports, snapshot.pods[pod].containerPorts), via: `ingress rule #${ri + 1}` })),
        notes: [`ingress rule #${ri + 1} admits ${cidrs.join(' and ')}: it opens the selected pods to the internet wherever a route brings the traffic`],
      });
    });
  }
  return out;
}

/** Every entry point of the snapshot, with its backends (pods and pod ports). */
export function listEntryPoints(snapshot: Snapshot, index: ServiceIndex, finder: ControllerFinder): { entries: EntryPoint[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const nsLabels = new Map(snapshot.namespaces.map((n) => [n.name, n.labels]));
  const labelsOf = (ns: string): Labels => nsLabels.get(ns) ?? { 'kubernetes.io/metadata.name': ns };
  const entries: EntryPoint[] = [
    ...snapshot.services.flatMap((s) => serviceEntries(s, index)),
    ...snapshot.ingresses.map((i) => {
      const hosts = i.rules.flatMap((r) => (r.paths.length > 0 ? r.paths.map((p) => `${r.host ?? '*'}${p.path ?? '/'}`) : [`${r.host ?? '*'}`]));
      const ports = [{ protocol: 'TCP' as const, port: 80 }, ...(i.tls.length > 0 ? [{ protocol: 'TCP' as const, port: 443 }] : [])];
      return routeObjectEntry('Ingress', i, ingressBackendRefs(i, warnings), hosts.length > 0 ? hosts : ['* (default backend)'], ports, finder.ingress(i), index);
    }),
    ...snapshot.routes.map((r: Route) => {
      const ports = r.tls ? [{ protocol: 'TCP' as const, port: 443 }, ...(r.tls.insecureEdgeTerminationPolicy === 'Allow' ? [{ protocol: 'TCP' as const, port: 80 }] : [])] : [{ protocol: 'TCP' as const, port: 80 }];
      return routeObjectEntry('Route', r, routeBackendRefs(r, warnings), [`${r.host ?? '(host assigned by the router)'}${r.path ?? ''}`], ports, finder.route(), index);
    }),
    ...snapshot.gateways.flatMap((g) => gatewayEntries(snapshot, g, index, finder.gateway(g), labelsOf)),
    ...hostEntries(snapshot),
    ...policyRuleEntries(snapshot),
  ];
  return { entries, warnings };
}
