import type { Labels } from './labels';
import type { SourceLocation } from './origin';
import type { Protocol } from './workload';

// core/v1 Service (k8s.io/api/core/v1 types.go ServiceSpec), as the API server stores it after defaulting.

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export type TrafficPolicy = 'Cluster' | 'Local';

/** One entry of spec.ports. */
export interface ServicePort {
  /** Required by the API server when a Service has several ports (manifests may still omit it). */
  readonly name?: string;
  /** Defaults to TCP. */
  readonly protocol: Protocol;
  readonly port: number;
  /** A number, or a container port name resolved on each selected pod; defaults to `port`. */
  readonly targetPort: number | string;
  /** NodePort and LoadBalancer services (when set or allocated). */
  readonly nodePort?: number;
  readonly appProtocol?: string;
}

/** An address a load balancer reports in status.loadBalancer.ingress. */
export interface LoadBalancerAddress {
  readonly ip?: string;
  readonly hostname?: string;
}

/** A validated Service. */
export interface Service {
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly type: ServiceType;
  /**
   * spec.selector. Undefined when absent or empty (`{}`): the API server stores both as no selector, and such a
   * Service gets no endpoints from its pods (they are managed by hand, or it is an ExternalName).
   */
  readonly selector?: Labels;
  /** spec.clusterIP as written; `None` for a headless service. */
  readonly clusterIP?: string;
  readonly headless: boolean;
  readonly externalIPs: readonly string[];
  /** spec.loadBalancerSourceRanges, canonical CIDRs (LoadBalancer only). */
  readonly loadBalancerSourceRanges: readonly string[];
  /** The deprecated annotation `service.beta.kubernetes.io/load-balancer-source-ranges`, used when the field is empty. */
  readonly annotationSourceRanges: readonly string[];
  readonly loadBalancerIP?: string;
  readonly loadBalancerClass?: string;
  /** NodePort and LoadBalancer: defaults to Cluster. */
  readonly externalTrafficPolicy?: TrafficPolicy;
  readonly internalTrafficPolicy: TrafficPolicy;
  /** ExternalName services: the DNS name they alias. */
  readonly externalName?: string;
  readonly ports: readonly ServicePort[];
  readonly loadBalancerStatus: readonly LoadBalancerAddress[];
  readonly origin?: SourceLocation;
}
