import type { LabelSelector, Labels } from './labels';
import type { SourceLocation } from './origin';

// Gateway API (gateway.networking.k8s.io; kubernetes-sigs/gateway-api apis/v1, v1alpha2, v1beta1): the fields that
// decide which traffic a Gateway accepts and to which Services its routes send it.

/** GatewayClass (cluster-scoped): the controller that implements Gateways of this class. */
export interface GatewayClass {
  readonly name: string;
  readonly labels: Labels;
  /** spec.controllerName, e.g. `gateway.envoyproxy.io/gatewayclass-controller`. */
  readonly controllerName: string;
  readonly origin?: SourceLocation;
}

/** Which namespaces' routes a listener accepts (AllowedRoutes.namespaces; default Same). */
export type RouteNamespaces =
  | { readonly from: 'Same' | 'All' | 'None' }
  | { readonly from: 'Selector'; readonly selector: LabelSelector };

/** A route kind a listener accepts (AllowedRoutes.kinds; default: those of its protocol). */
export interface RouteGroupKind {
  readonly group: string;
  readonly kind: string;
}

export interface GatewayListener {
  readonly name: string;
  readonly hostname?: string;
  readonly port: number;
  /** HTTP, HTTPS, TLS, TCP, UDP, or an implementation-specific protocol. */
  readonly protocol: string;
  readonly tlsMode?: 'Terminate' | 'Passthrough';
  readonly allowedNamespaces: RouteNamespaces;
  /** Empty = the kinds the protocol supports. */
  readonly allowedKinds: readonly RouteGroupKind[];
}

export interface GatewayAddress {
  readonly type: string;
  readonly value: string;
}

/** A validated Gateway. */
export interface Gateway {
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  readonly gatewayClassName: string;
  readonly listeners: readonly GatewayListener[];
  /** spec.addresses (requested). */
  readonly addresses: readonly GatewayAddress[];
  /** status.addresses (assigned). */
  readonly statusAddresses: readonly GatewayAddress[];
  readonly origin?: SourceLocation;
}

/** A route's parentRef, defaults applied (group gateway.networking.k8s.io, kind Gateway, the route's namespace). */
export interface ParentReference {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly sectionName?: string;
  readonly port?: number;
}

/** A backendRef, defaults applied (group core `""`, kind Service, the route's namespace, weight 1). */
export interface BackendReference {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** Required for Services; the Service port number. */
  readonly port?: number;
  readonly weight: number;
}

export interface GatewayRouteRule {
  readonly name?: string;
  /** Human-readable summaries of the matches (`path Prefix /api`, `method GET`), for display. */
  readonly matches: readonly string[];
  readonly backendRefs: readonly BackendReference[];
}

export type GatewayRouteKind = 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute';

/** An HTTPRoute, GRPCRoute, TLSRoute or TCPRoute. */
export interface GatewayRoute {
  readonly kind: GatewayRouteKind;
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  readonly parentRefs: readonly ParentReference[];
  readonly hostnames: readonly string[];
  readonly rules: readonly GatewayRouteRule[];
  readonly origin?: SourceLocation;
}

/** ReferenceGrant: lets objects of `from` (other namespaces) refer to objects of `to` in its own namespace. */
export interface ReferenceGrant {
  readonly namespace: string;
  readonly name: string;
  readonly from: readonly { readonly group: string; readonly kind: string; readonly namespace: string }[];
  readonly to: readonly { readonly group: string; readonly kind: string; readonly name?: string }[];
  readonly origin?: SourceLocation;
}
