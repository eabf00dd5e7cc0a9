import type { ObjectRef, Pod, Snapshot, Warning } from '../model';
import { isActivePod, type HostNetworkMode } from '../netpol/compile';
import { workloadName, type EndpointLevel } from '../netpol/endpoints';
import { intersectPorts, isEmptyPorts, NO_PORTS, unionPorts, type PortSet } from '../netpol/portSet';
import type { ControllerFinder } from './controllers';
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

/**
 * How the controller hop is read. `stand-in` (the peer's, the default): every object's traffic comes from the stand-in.
 * `controller-pods`: an object whose controller pods the finder sees (IngressClass controller, config labels) gets
 * its lines from those pods, named `{ns/name[Kind]}`; the others keep the stand-in.
 */
export type IngressControllerReadingMode = 'stand-in' | 'controller-pods';

export interface IngressControllerOptions {
  readonly reading?: IngressControllerReadingMode;
  /** Finds controller pods, for the `controller-pods` reading. */
  readonly finder?: ControllerFinder;
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
  // The controller pods of each object, in the controller-pods reading: a source key per distinct set of pods.
  const sources = new Map<string, readonly number[]>();
  const ingressesByKey = new Map(snapshot.ingresses.map((i) => [`${i.namespace}/${i.name}`, i]));
  const sourceOf = (o: ObjectRef): string => {
    if (opts.reading !== 'controller-pods' || !opts.finder) return INGRESS_CONTROLLER;
    const ingress = o.kind === 'Ingress' ? ingressesByKey.get(`${o.namespace}/${o.name}`) : undefined;
    const r = ingress ? opts.finder.ingress(ingress) : opts.finder.route();
    if (r.reading !== 'controller-pods') return INGRESS_CONTROLLER;
    const key = `{${[...new Set(r.pods.map((p) => workloadName(snapshot.pods[p].workload)))].sort().join(', ')}}`;
    sources.set(key, r.pods);
    return key;
  };
  const { targets, warnings } = ingressTargets(snapshot, index, sourceOf);
  const live = targets.filter((t) => !opts.activeOnly || isActivePod(snapshot.pods[t.pod]));
  if (live.length === 0) return { connections: [], warnings };
  // One engine run per source over the pods its objects reach: the stand-in, or the real controller pods.
  const verdicts = new Map<string, { of: (pod: number) => PortSet }>();
  for (const source of new Set(live.map((t) => t.source))) {
    const dsts = [...new Set(live.filter((t) => t.source === source).map((t) => t.pod))];
    const srcPods = source === INGRESS_CONTROLLER ? [STAND_IN_CONTROLLER] : (sources.get(source) ?? []).map((p) => snapshot.pods[p]);
    const v = pairVerdicts(snapshot, srcPods, dsts.map((p) => snapshot.pods[p]), opts);
    const at = new Map(dsts.map((p, i) => [p, i]));
    verdicts.set(source, { of: (pod) => srcPods.reduce((acc, _, s) => unionPorts(acc, v(s, at.get(pod) as number)), NO_PORTS) });
  }
  const byDst = new Map<string, { source: string; dst: string; ports: PortSet; objects: ObjectRef[] }>();
  for (const t of live) {
    const pod = snapshot.pods[t.pod];
    const dst = opts.level === 'pod' ? `${pod.namespace}/${pod.name}[Pod]` : workloadName(pod.workload);
    const ports = intersectPorts(t.ports, verdicts.get(t.source)?.of(t.pod) ?? NO_PORTS);
    const key = `${t.source}\u0000${dst}`;
    const entry = byDst.get(key);
    if (entry) {
      entry.ports = unionPorts(entry.ports, ports);
      for (const o of t.objects) if (!entry.objects.includes(o)) entry.objects.push(o);
    } else byDst.set(key, { source: t.source, dst, ports, objects: [...t.objects] });
  }
  const connections: IngressControllerConnection[] = [];
  // The connlist order: by source (`{` names sort after every other), then destination.
  for (const e of [...byDst.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.dst < b.dst ? -1 : a.dst > b.dst ? 1 : 0))) {
    const dst = e.dst;
    if (isEmptyPorts(e.ports)) {
      const o = e.objects[0];
      warnings.push({
        code: 'ingress-controller-blocked',
        severity: 'warning',
        message:
          e.source === INGRESS_CONTROLLER
            ? `${o.kind} ${o.namespace}/${o.name} routes to ${dst}, but its ingress policies admit nothing from an ingress controller Perimeter does not see (a pod without labels in a namespace of its own)`
            : `${o.kind} ${o.namespace}/${o.name} routes to ${dst}, but its ingress policies admit nothing from the controller pods ${e.source.slice(1, -1)}`,
        object: o,
      });
      continue;
    }
    connections.push({ src: e.source, dst, ports: e.ports, objects: e.objects });
  }
  return { connections, warnings };
}

