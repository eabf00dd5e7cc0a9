// Exposure: the Services, Ingresses, Routes and Gateways that carry traffic from outside the pod network to pods, and
// what the policies make of it. Pure: reads a Snapshot, uses lib/netpol's engine for every verdict.
export { resolveServices, resolveTargetPort, serviceSelects } from './serviceBackends';
export type { BackendPort, ResolvedServicePort, ServiceBackends, ServiceIndex } from './serviceBackends';
export { ingressBackendRefs, ingressTargets, routeBackendRefs, servicePortsOf } from './ingressTargets';
export type { IngressTarget, RouteBackendRef } from './ingressTargets';
export { INGRESS_CONTROLLER, ingressControllerConnections, STAND_IN_CONTROLLER } from './ingressController';
export type { IngressControllerConnection, IngressControllerOptions } from './ingressController';
export { pairVerdicts } from './pairVerdicts';
