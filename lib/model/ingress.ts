import type { Labels } from './labels';
import type { SourceLocation } from './origin';
import type { LoadBalancerAddress } from './service';

// networking.k8s.io/v1 Ingress and IngressClass, and OpenShift route.openshift.io/v1 Route: objects that an ingress
// controller (a pod Perimeter may or may not see) turns into traffic toward Services.

/** A Service port as an Ingress backend names it: by number or by the Service port's name (exactly one). */
export type ServicePortRef = { readonly number: number } | { readonly name: string };

/** An Ingress backend: a Service port, or a resource (e.g. a storage bucket) that is not a pod. */
export type IngressBackend =
  | { readonly kind: 'service'; readonly service: string; readonly port: ServicePortRef }
  | { readonly kind: 'resource'; readonly apiGroup?: string; readonly resourceKind: string; readonly name: string };

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface IngressPath {
  readonly path?: string;
  readonly pathType: PathType;
  readonly backend: IngressBackend;
}

/** A rule: a host (absent = every host) with its HTTP paths (empty = the host goes to the default backend). */
export interface IngressRule {
  readonly host?: string;
  readonly paths: readonly IngressPath[];
}

export interface IngressTls {
  readonly hosts: readonly string[];
  readonly secretName?: string;
}

/** A validated Ingress. */
export interface Ingress {
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  /** spec.ingressClassName, else the deprecated annotation `kubernetes.io/ingress.class`; absent = the default class. */
  readonly ingressClassName?: string;
  readonly classFrom?: 'spec' | 'annotation';
  readonly defaultBackend?: IngressBackend;
  readonly rules: readonly IngressRule[];
  readonly tls: readonly IngressTls[];
  readonly loadBalancerStatus: readonly LoadBalancerAddress[];
  readonly origin?: SourceLocation;
}

/** networking.k8s.io/v1 IngressClass (cluster-scoped): which controller implements Ingresses of this class. */
export interface IngressClass {
  readonly name: string;
  readonly labels: Labels;
  /** spec.controller, e.g. `k8s.io/ingress-nginx`. */
  readonly controller: string;
  /** Annotation `ingressclass.kubernetes.io/is-default-class: "true"`. */
  readonly isDefault: boolean;
  readonly origin?: SourceLocation;
}

/** A Route target: `spec.to` or an alternate backend (kind defaults to Service; other kinds are not pods). */
export interface RouteTarget {
  readonly kind: string;
  readonly name: string;
  readonly weight?: number;
}

export type RouteTermination = 'edge' | 'passthrough' | 'reencrypt';

/** A validated OpenShift Route (route.openshift.io/v1). */
export interface Route {
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  readonly host?: string;
  readonly path?: string;
  readonly to: RouteTarget;
  readonly alternateBackends: readonly RouteTarget[];
  /** spec.port.targetPort: a Service port (by name, number or target port); absent = every port of the Service. */
  readonly targetPort?: number | string;
  readonly tls?: { readonly termination: RouteTermination; readonly insecureEdgeTerminationPolicy?: string };
  /** status.ingress[].routerName: the routers that admitted it. */
  readonly routerNames: readonly string[];
  readonly origin?: SourceLocation;
}
