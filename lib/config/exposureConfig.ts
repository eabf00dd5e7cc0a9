import type { LabelSelector } from '../model';

/**
 * How to find an ingress or Gateway controller's own pods (perimeter.config.yaml `exposure.ingressControllers`).
 * `controller` is the IngressClass `spec.controller` or GatewayClass `spec.controllerName` it implements (absent:
 * every Ingress, Route and Gateway); `namespace` narrows where its pods run.
 */
export interface IngressControllerConfig {
  readonly controller?: string;
  readonly namespace?: string;
  readonly podSelector: LabelSelector;
}

/** `exposure:` in perimeter.config.yaml (docs/config.md, "Exposure"). */
export interface ExposureConfig {
  readonly ingressControllers: readonly IngressControllerConfig[];
  /** Namespaces whose workloads rank first in a blast radius (added to kube-system). */
  readonly sensitiveNamespaces: readonly string[];
  /** The pod (else namespace) label naming a workload's trust zone; default `perimeter.io/zone`. */
  readonly zoneLabel: string;
}

export const DEFAULT_ZONE_LABEL = 'perimeter.io/zone';

export const DEFAULT_EXPOSURE_CONFIG: ExposureConfig = Object.freeze({ ingressControllers: [], sensitiveNamespaces: [], zoneLabel: DEFAULT_ZONE_LABEL });
