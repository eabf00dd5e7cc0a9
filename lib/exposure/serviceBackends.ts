import type { ContainerPort, Pod, Service, ServicePort, Snapshot, Warning } from '../model';

// Which pods a Service sends traffic to, and on which pod port: the EndpointSlice controller's rules
// (pkg/controller/endpointslice: pods of the Service's namespace matching its selector; pod/util.go FindPort: a
// numeric targetPort is that number on every pod, a named one is looked up on each pod by name AND protocol in its
// containers and sidecar init containers, so two pods of one Service may serve it on different numbers).

/** Where one service port lands on one selected pod. */
export interface BackendPort {
  /** Index into `snapshot.pods`. */
  readonly pod: number;
  /** The pod port; undefined when a named targetPort is not defined on this pod (the pod gets no traffic on it). */
  readonly port?: number;
  /** Whether one of the pod's containers declares that port number (Kubernetes does not require it). */
  readonly declared: boolean;
}

export interface ResolvedServicePort {
  readonly servicePort: ServicePort;
  /** One entry per selected pod, in the order of `ServiceBackends.pods`. */
  readonly backends: readonly BackendPort[];
}

/** A Service with the pods it selects and where each of its ports lands. */
export interface ServiceBackends {
  readonly service: Service;
  /** `namespace/name`. */
  readonly key: string;
  /** Indices into `snapshot.pods`, in snapshot order. Empty without a selector (endpoints managed by hand). */
  readonly pods: readonly number[];
  readonly ports: readonly ResolvedServicePort[];
}

export interface ServiceIndex {
  readonly services: readonly ServiceBackends[];
  readonly byKey: ReadonlyMap<string, ServiceBackends>;
  readonly warnings: readonly Warning[];
}

/** Whether a pod's labels satisfy a Service selector (equality on every key). */
export function serviceSelects(selector: Readonly<Record<string, string>>, pod: Pod): boolean {
  for (const k in selector) if (pod.labels[k] !== selector[k]) return false;
  return true;
}

/** Where a service port lands on a pod (FindPort), and whether the pod declares that number. */
export function resolveTargetPort(sp: ServicePort, ports: readonly ContainerPort[]): { port?: number; declared: boolean } {
  if (typeof sp.targetPort === 'number') return { port: sp.targetPort, declared: ports.some((c) => c.containerPort === sp.targetPort) };
  const hit = ports.find((c) => c.container !== 'init' && c.name === sp.targetPort && c.protocol === sp.protocol);
  return hit ? { port: hit.containerPort, declared: true } : { declared: false };
}

const portLabel = (sp: ServicePort) => (sp.name ? `${sp.name} (${sp.port}/${sp.protocol})` : `${sp.port}/${sp.protocol}`);

/** Resolves every Service of the snapshot to its pods and pod ports, with a warning for each that goes nowhere. */
export function resolveServices(snapshot: Snapshot): ServiceIndex {
  const podsByNamespace = new Map<string, number[]>();
  snapshot.pods.forEach((p, i) => {
    const l = podsByNamespace.get(p.namespace);
    if (l) l.push(i);
    else podsByNamespace.set(p.namespace, [i]);
  });
  const warnings: Warning[] = [];
  const services: ServiceBackends[] = [];
  const byKey = new Map<string, ServiceBackends>();
  for (const service of snapshot.services) {
    const key = `${service.namespace}/${service.name}`;
    const object = { kind: 'Service', namespace: service.namespace, name: service.name };
    const where = service.origin ? { origin: service.origin } : {};
    const selector = service.selector;
    const pods = selector ? (podsByNamespace.get(service.namespace) ?? []).filter((i) => serviceSelects(selector, snapshot.pods[i])) : [];
    const ports = service.ports.map((servicePort) => ({
      servicePort,
      backends: pods.map((pod) => ({ pod, ...resolveTargetPort(servicePort, snapshot.pods[pod].containerPorts) })),
    }));
    const entry: ServiceBackends = { service, key, pods, ports };
    services.push(entry);
    byKey.set(key, entry);
    if (service.type === 'ExternalName') continue;
    if (!selector) {
      warnings.push({ code: 'service-without-selector', severity: 'info', message: `Service ${key} has no selector: its endpoints are managed by hand (EndpointSlices are not read), so Perimeter knows no pods behind it`, object, ...where });
      continue;
    }
    const sel = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
    if (pods.length === 0) {
      warnings.push({ code: 'service-selects-nothing', severity: 'warning', message: `Service ${key} selects no pod (selector ${sel}): traffic sent to it goes nowhere`, object, ...where });
      continue;
    }
    for (const p of ports) {
      const missing = p.backends.filter((b) => b.port === undefined);
      if (missing.length === 0) continue;
      const name = (b: BackendPort) => `${snapshot.pods[b.pod].namespace}/${snapshot.pods[b.pod].name}`;
      if (missing.length === p.backends.length) {
        warnings.push({
          code: 'service-port-unresolved',
          severity: 'warning',
          message: `Service ${key} port ${portLabel(p.servicePort)}: targetPort "${String(p.servicePort.targetPort)}" (${p.servicePort.protocol}) is defined on none of its ${pods.length} pod${pods.length === 1 ? '' : 's'}: that port reaches nothing`,
          object,
          ...where,
        });
      } else {
        warnings.push({
          code: 'service-port-partly-unresolved',
          severity: 'info',
          message: `Service ${key} port ${portLabel(p.servicePort)}: targetPort "${String(p.servicePort.targetPort)}" is not defined on ${missing.length} of its ${pods.length} pods (${missing.slice(0, 3).map(name).join(', ')}${missing.length > 3 ? ', …' : ''}), which get no traffic on it`,
          object,
          ...where,
        });
      }
    }
  }
  return { services, byKey, warnings };
}
