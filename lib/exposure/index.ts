// Exposure: the Services, Ingresses, Routes and Gateways that carry traffic from outside the pod network to pods, and
// what the policies make of it. Pure: reads a Snapshot, uses lib/netpol's engine for every verdict.
export { resolveServices, resolveTargetPort, serviceSelects } from './serviceBackends';
export type { BackendPort, ResolvedServicePort, ServiceBackends, ServiceIndex } from './serviceBackends';
export { ingressBackendRefs, ingressTargets, routeBackendRefs, servicePortsOf } from './ingressTargets';
export type { IngressTarget, RouteBackendRef } from './ingressTargets';
export { INGRESS_CONTROLLER, ingressControllerConnections, STAND_IN_CONTROLLER } from './ingressController';
export type { IngressControllerConnection, IngressControllerOptions } from './ingressController';
export { pairVerdicts } from './pairVerdicts';
export { analyzeEntryPoints } from './analyzeEntryPoints';
export type { EntryPointAnalysis, InternetReachable } from './analyzeEntryPoints';
export { blastRadiusOf } from './blastRadius';
export type { BlastRadius, ReachedWorkload } from './blastRadius';
export { controllerFinder, OPENSHIFT_ROUTER } from './controllers';
export type { ControllerFinder, ControllerReading } from './controllers';
export { EVERY_ADDRESS, internalAnnotation, listEntryPoints } from './entryPoints';
export type { BackendTarget, EntryKind, EntryPoint } from './entryPoints';
export { analyzeInternetPaths } from './internetPaths';
export type { EntryAnalysis, EntryVerdict, Hop, HopVerdict, InternetPath, PathVerdict, UsableRange } from './internetPaths';
export { explainToService, isServiceRef } from './explainService';
export type { ServiceExplainResult, ServiceExplanation, ServicePodExplanation } from './explainService';
