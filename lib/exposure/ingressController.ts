import type { ObjectRef, Pod, Snapshot, Warning } from '../model';
import { isActivePod, type HostNetworkMode } from '../netpol/compile';
import { workloadName, type EndpointLevel } from '../netpol/endpoints';
import { intersectPorts, isEmptyPorts, unionPorts, type PortSet } from '../netpol/portSet';
import { ingressTargets } from './ingressTargets';
import { pairVerdicts } from './pairVerdicts';
import type { ServiceIndex } from './serviceBackends';

/** The source name of connections from the ingress controller in the connlist, as np-guard prints it. */
export const INGRESS_CONTROLLER = '{ingress-controller}';

/**
 * The peer's stand-in for an ingress controller Perimeter cannot see: a pod `ingress-controller` without labels in a
 * namespace `ingress-controller-ns` that carries only its name label. Rules that select by labels leave it out;
 * `namespaceSelector: {}`, an ipBlock-free allow-all, or no ingress policy at all admit it.
 */
export const STAND_IN_CONTROLLER: Pod = Object.freeze({
  namespace: 'ingress-controller-ns',
  name: 'ingress-controller',
  labels: {},
  phase: 'Running',
  podIPs: [],
  hostNetwork: false,
  serviceAccountName: 'default',
  containerPorts: [],
  workload: { namespace: 'ingress-controller-ns', kind: 'Pod', name: 'ingress-controller' },
  fromTemplate: false,
});

/** One line `{ingress-controller} => dst : ports`. */
export interface IngressControllerConnection {
  readonly src: string;
  /** A connlist endpoint name: `ns/name[Kind]`, or `ns/pod[Pod]` at pod level. */
  readonly dst: string;
  readonly ports: PortSet;
  /** The Ingresses and Routes that send this traffic. */
  readonly objects: readonly ObjectRef[];
}

export interface IngressControllerOptions {
  readonly level?: EndpointLevel;
  /** Leave out pods that are not Running with an IP (connectivity --live-only). */
  readonly activeOnly?: boolean;
  readonly hostNetwork?: HostNetworkMode;
}

/**
 * The connections from the ingress controller to the workloads that Ingresses and Routes route to, as np-guard
 * computes them: the TCP ports the objects use on each pod, intersected with what the policies allow from the
 * stand-in controller pod, one line per destination with the union over objects; nothing when no policy lets any of
 * it through (a warning says which object is blocked). Sorted by destination.
 */
export function ingressControllerConnections(snapshot: Snapshot, index: ServiceIndex, opts: IngressControllerOptions = {}): { connections: IngressControllerConnection[]; warnings: Warning[] } {
  const { targets, warnings } = ingressTargets(snapshot, index);
  const live = targets.filter((t) => !opts.activeOnly || isActivePod(snapshot.pods[t.pod]));
  if (live.length === 0) return { connections: [], warnings };
  const verdict = pairVerdicts(
    snapshot,
    [STAND_IN_CONTROLLER],
    live.map((t) => snapshot.pods[t.pod]),
    opts,
  );
  const byDst = new Map<string, { ports: PortSet; objects: ObjectRef[] }>();
  live.forEach((t, d) => {
    const pod = snapshot.pods[t.pod];
    const dst = opts.level === 'pod' ? `${pod.namespace}/${pod.name}[Pod]` : workloadName(pod.workload);
    const ports = intersectPorts(t.ports, verdict(0, d));
    const entry = byDst.get(dst);
    if (entry) {
      entry.ports = unionPorts(entry.ports, ports);
      for (const o of t.objects) if (!entry.objects.includes(o)) entry.objects.push(o);
    } else byDst.set(dst, { ports, objects: [...t.objects] });
  });
  const connections: IngressControllerConnection[] = [];
  for (const [dst, e] of [...byDst].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (isEmptyPorts(e.ports)) {
      const o = e.objects[0];
      warnings.push({
        code: 'ingress-controller-blocked',
        severity: 'warning',
        message: `${o.kind} ${o.namespace}/${o.name} routes to ${dst}, but its ingress policies admit nothing from an ingress controller Perimeter does not see (a pod without labels in a namespace of its own)`,
        object: o,
      });
      continue;
    }
    connections.push({ src: INGRESS_CONTROLLER, dst, ports: e.ports, objects: e.objects });
  }
  return { connections, warnings };
}

