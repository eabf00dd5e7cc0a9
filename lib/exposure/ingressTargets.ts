import type { Ingress, IngressBackend, ObjectRef, Route, ServicePort, Snapshot, Warning } from '../model';
import { NO_PORTS, portRangeSet, unionPorts, type PortSet } from '../netpol/portSet';
import type { ServiceIndex } from './serviceBackends';

// Which pods an Ingress or OpenShift Route sends traffic to, and on which TCP ports, read as np-guard/netpol-analyzer
// reads them (pkg/netpol/connlist/internal/ingressanalyzer): so that `{ingress-controller} => …` lines match the
// peer's. The Services are those of the object's namespace; a Route uses `spec.to` and `spec.alternateBackends`
// (kind Service), an Ingress its default backend and rule backends that name a Service.

/** One Service an Ingress/Route names, with the Service port it asks for (undefined: every port of the Service). */
export interface RouteBackendRef {
  readonly object: ObjectRef;
  readonly service: string;
  /** Ingress: `{number}` or `{name}` (a Service port); Route: the targetPort (a Service port's name, number or target port). */
  readonly port?: { readonly number: number } | { readonly name: string } | { readonly routeTarget: number | string };
}

/** A pod an Ingress/Route reaches, with the TCP ports (before any policy) and the objects that route to it. */
export interface IngressTarget {
  /** Who sends the traffic (the key `sourceOf` gave the objects): targets of different sources are kept apart. */
  readonly source: string;
  /** Index into `snapshot.pods`. */
  readonly pod: number;
  readonly ports: PortSet;
  readonly objects: readonly ObjectRef[];
}

function ingressBackendRef(object: ObjectRef, b: IngressBackend): RouteBackendRef | undefined {
  return b.kind === 'service' ? { object, service: b.service, port: b.port } : undefined;
}

/** The Service references of an Ingress (default backend first, then each rule path), with a warning per other backend. */
export function ingressBackendRefs(ingress: Ingress, warnings: Warning[]): RouteBackendRef[] {
  const object = { kind: 'Ingress', namespace: ingress.namespace, name: ingress.name };
  const backends = [...(ingress.defaultBackend ? [ingress.defaultBackend] : []), ...ingress.rules.flatMap((r) => r.paths.map((p) => p.backend))];
  return backends.flatMap((b) => {
    const ref = ingressBackendRef(object, b);
    if (!ref) warnings.push({ code: 'ingress-backend-not-service', severity: 'info', message: `Ingress ${ingress.namespace}/${ingress.name}: a backend names ${b.kind === 'resource' ? `the resource ${b.resourceKind} ${b.name}` : 'no Service'}, not a Service; it reaches no pod`, object });
    return ref ? [ref] : [];
  });
}

/** The Service references of a Route (`spec.to`, then the alternate backends), with a warning per target of another kind. */
export function routeBackendRefs(route: Route, warnings: Warning[]): RouteBackendRef[] {
  const object = { kind: 'Route', namespace: route.namespace, name: route.name };
  return [route.to, ...route.alternateBackends].flatMap((t) => {
    if (t.kind !== 'Service') {
      warnings.push({ code: 'route-target-not-service', severity: 'info', message: `Route ${route.namespace}/${route.name}: target ${t.kind} ${t.name} is not a Service; ignored`, object });
      return [];
    }
    return [{ object, service: t.name, ...(route.targetPort !== undefined ? { port: { routeTarget: route.targetPort } } : {}) }];
  });
}

/**
 * The Service ports a reference uses, as the peer matches them (getPeerAccessPort): none asked = every port; an
 * Ingress port number matches a Service port's `port` or numeric `targetPort`, an Ingress port name the port's name;
 * a Route targetPort number matches `port` or a numeric `targetPort`, a name the port's name or a named `targetPort`.
 * The first matching Service port is used.
 */
export function servicePortsOf(ports: readonly ServicePort[], ref: RouteBackendRef['port']): ServicePort[] {
  if (!ref) return [...ports];
  const hit = ports.find((sp) => {
    if ('number' in ref) return sp.port === ref.number || sp.targetPort === ref.number;
    if ('name' in ref) return sp.name === ref.name;
    return typeof ref.routeTarget === 'number' ? sp.port === ref.routeTarget || sp.targetPort === ref.routeTarget : sp.name === ref.routeTarget || sp.targetPort === ref.routeTarget;
  });
  return hit ? [hit] : [];
}

/**
 * Every pod an Ingress/Route reaches with its TCP ports, as the peer computes them: for each Service port used, the
 * pod port its targetPort gives (a name looked up on the pod's containers, TCP only), kept only when one of the
 * pod's containers declares that number (getIngressPeerConnection). Services without selector, not found, or
 * selecting nothing are warned about and skipped, like the peer does.
 */
export function ingressTargets(snapshot: Snapshot, index: ServiceIndex, sourceOf: (object: ObjectRef) => string = () => ''): { targets: IngressTarget[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const refs = [
    ...snapshot.routes.flatMap((r) => routeBackendRefs(r, warnings)),
    ...snapshot.ingresses.flatMap((i) => ingressBackendRefs(i, warnings)),
  ];
  const byPod = new Map<string, { source: string; pod: number; ports: PortSet; objects: ObjectRef[] }>();
  for (const ref of refs) {
    const ns = ref.object.namespace ?? '';
    const sb = index.byKey.get(`${ns}/${ref.service}`);
    const label = `${ref.object.kind} ${ns}/${ref.object.name}`;
    if (!sb) {
      warnings.push({ code: 'ingress-service-not-found', severity: 'warning', message: `${label} routes to Service ${ns}/${ref.service}, which is not in the snapshot; that backend reaches no pod`, object: ref.object });
      continue;
    }
    const used = servicePortsOf(sb.service.ports, ref.port);
    for (const [k, pod] of sb.pods.entries()) {
      const podPorts = snapshot.pods[pod].containerPorts.filter((c) => c.container === undefined);
      let ports = NO_PORTS;
      for (const sp of used) {
        const resolved = sb.ports.find((p) => p.servicePort === sp)?.backends[k];
        // The peer looks a name up on the pod's containers and keeps it only when the pod port is TCP.
        const named = typeof sp.targetPort === 'string' ? podPorts.find((c) => c.name === sp.targetPort) : undefined;
        const port = typeof sp.targetPort === 'string' ? (named?.protocol === 'TCP' ? named.containerPort : undefined) : resolved?.port;
        if (port !== undefined && podPorts.some((c) => c.containerPort === port)) ports = unionPorts(ports, portRangeSet('TCP', port, port));
      }
      const source = sourceOf(ref.object);
      const entry = byPod.get(`${source}\u0000${pod}`);
      if (entry) {
        entry.ports = unionPorts(entry.ports, ports);
        if (!entry.objects.some((o) => o.kind === ref.object.kind && o.namespace === ref.object.namespace && o.name === ref.object.name)) entry.objects.push(ref.object);
      } else byPod.set(`${source}\u0000${pod}`, { source, pod, ports, objects: [ref.object] });
    }
  }
  const targets = [...byPod.values()].sort((a, b) => a.pod - b.pod || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { targets, warnings };
}
