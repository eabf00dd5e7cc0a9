import type { IngressControllerConfig } from '../config/exposureConfig';
import type { Gateway, Ingress, LabelSelector, Snapshot } from '../model';
import { selectorMatches } from '../netpol/selector';

// Which pods implement an Ingress, a Route or a Gateway. The object names a class (IngressClass, GatewayClass), the
// class names a controller (`spec.controller`, `spec.controllerName`); which pods run that controller is a
// convention of each project, so Perimeter knows a few (below) and perimeter.config.yaml adds more
// (`exposure.ingressControllers`). When no pod is found the stand-in reading is used (docs/entry-points.md).

/** The controller pods of one route object, or why none are known. */
export type ControllerReading =
  | {
      readonly reading: 'controller-pods';
      /** `spec.controller` / `spec.controllerName`, or the OpenShift router. */
      readonly controller: string;
      /** Indices into `snapshot.pods`. */
      readonly pods: readonly number[];
      /** How they were found: `built-in (ingress-nginx labels)`, `perimeter.config.yaml exposure.ingressControllers[0]`. */
      readonly foundBy: string;
    }
  | { readonly reading: 'stand-in'; readonly controller?: string; readonly why: string };

interface Matcher {
  readonly controller?: string;
  readonly namespace?: string;
  readonly selector: LabelSelector;
  readonly foundBy: string;
}

const sel = (matchLabels: Record<string, string>, exists: string[] = []): LabelSelector => ({ matchLabels, matchExpressions: exists.map((key) => ({ key, operator: 'Exists', values: [] })) });

/** The OpenShift router's name for itself, as a controller. */
export const OPENSHIFT_ROUTER = 'openshift.io/ingress-to-route';

/** Conventions of widely used controllers (their Helm charts' and operators' pod labels). */
const BUILT_IN: readonly Matcher[] = [
  { controller: 'k8s.io/ingress-nginx', selector: sel({ 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' }), foundBy: 'built-in: ingress-nginx pod labels' },
  { controller: 'traefik.io/ingress-controller', selector: sel({ 'app.kubernetes.io/name': 'traefik' }), foundBy: 'built-in: Traefik pod labels' },
  { controller: OPENSHIFT_ROUTER, namespace: 'openshift-ingress', selector: sel({}, ['ingresscontroller.operator.openshift.io/deployment-ingresscontroller']), foundBy: 'built-in: OpenShift router pods in openshift-ingress' },
];

function configMatchers(config: readonly IngressControllerConfig[]): Matcher[] {
  return config.map((c, i) => ({ ...c, selector: c.podSelector, foundBy: `perimeter.config.yaml exposure.ingressControllers[${i}]` }));
}

function podsMatching(snapshot: Snapshot, m: Matcher): number[] {
  const out: number[] = [];
  snapshot.pods.forEach((p, i) => {
    if ((m.namespace === undefined || p.namespace === m.namespace) && selectorMatches(m.selector, p.labels)) out.push(i);
  });
  return out;
}

/** Finds controller pods: configured matchers first (they know the cluster), then the built-in conventions. */
export function controllerFinder(snapshot: Snapshot, config: readonly IngressControllerConfig[] = []) {
  const configured = configMatchers(config);
  const memo = new Map<Matcher, number[]>();
  const pods = (m: Matcher) => memo.get(m) ?? memo.set(m, podsMatching(snapshot, m)).get(m)!;
  const find = (controller: string | undefined, extra: readonly Matcher[] = []): ControllerReading | undefined => {
    for (const m of [...configured, ...extra, ...BUILT_IN]) {
      if (m.controller !== undefined && m.controller !== controller) continue;
      const found = pods(m);
      if (found.length > 0) return { reading: 'controller-pods', controller: controller ?? m.controller ?? 'configured controller', pods: found, foundBy: m.foundBy };
    }
    return undefined;
  };
  const classes = new Map(snapshot.ingressClasses.map((c) => [c.name, c]));
  const defaultClass = snapshot.ingressClasses.find((c) => c.isDefault);
  const gatewayClasses = new Map(snapshot.gatewayClasses.map((c) => [c.name, c]));

  return {
    /** The controller of an Ingress: its class (spec or annotation), else the default IngressClass. */
    ingress(i: Ingress): ControllerReading {
      const cls = i.ingressClassName !== undefined ? classes.get(i.ingressClassName) : defaultClass;
      if (i.ingressClassName !== undefined && !cls) {
        return find(undefined) ?? { reading: 'stand-in', why: `its class "${i.ingressClassName}" has no IngressClass in the snapshot, so its controller is unknown` };
      }
      if (!cls) return find(undefined) ?? { reading: 'stand-in', why: 'it names no class and no IngressClass is the default, so which controller serves it is unknown' };
      return find(cls.controller) ?? { reading: 'stand-in', controller: cls.controller, why: `no pod of ${cls.controller} (IngressClass ${cls.name}) is in the snapshot` };
    },
    /** The OpenShift router (every Route; router sharding by labels is not modelled). */
    route(): ControllerReading {
      return find(OPENSHIFT_ROUTER) ?? { reading: 'stand-in', controller: OPENSHIFT_ROUTER, why: 'no OpenShift router pod (openshift-ingress) is in the snapshot' };
    },
    /**
     * A Gateway's data plane: pods labelled `gateway.networking.k8s.io/gateway-name` in its namespace (GEP-1762,
     * in-cluster Gateway deployments) or Envoy Gateway's owning-gateway labels, else the class's controller pods.
     */
    gateway(g: Gateway): ControllerReading {
      const cls = gatewayClasses.get(g.gatewayClassName);
      const perGateway: Matcher[] = [
        { controller: cls?.controllerName, namespace: g.namespace, selector: sel({ 'gateway.networking.k8s.io/gateway-name': g.name }), foundBy: 'GEP-1762 label gateway.networking.k8s.io/gateway-name' },
        { controller: cls?.controllerName, selector: sel({ 'gateway.envoyproxy.io/owning-gateway-name': g.name, 'gateway.envoyproxy.io/owning-gateway-namespace': g.namespace }), foundBy: 'Envoy Gateway owning-gateway labels' },
      ];
      const found = find(cls?.controllerName, perGateway);
      if (found) return found;
      return cls
        ? { reading: 'stand-in', controller: cls.controllerName, why: `no data-plane pod of Gateway ${g.namespace}/${g.name} (${cls.controllerName}) is in the snapshot` }
        : { reading: 'stand-in', why: `its GatewayClass ${g.gatewayClassName} is not in the snapshot` };
    },
  };
}

export type ControllerFinder = ReturnType<typeof controllerFinder>;
