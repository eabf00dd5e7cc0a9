import type { Labels } from './labels';
import type { SourceLocation } from './origin';

/** Kinds that own pods. `Pod` is a bare pod acting as its own workload. */
export type WorkloadKind =
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'ReplicationController'
  | 'Job'
  | 'CronJob'
  | 'Pod'
  | string; // an owner of another kind (e.g. a CRD controller) still names a workload

/** Identifies a workload within the snapshot: `namespace/name[Kind]`, the connlist notation. */
export interface WorkloadRef {
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly name: string;
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** Every protocol, in the connlist order (SCTP, TCP, UDP): the one list parsers, forms and renderers use. */
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: Protocol;
  /**
   * Absent for a regular container. `sidecar`: an init container with restartPolicy Always (it keeps running, and a
   * Service's named targetPort resolves on it); `init`: another init container (it has exited once the pod runs).
   */
  readonly container?: 'init' | 'sidecar';
  /** The port opened on the node's address (spec.containers[].ports[].hostPort): an entry point from outside the pod network. */
  readonly hostPort?: number;
  readonly hostIP?: string;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** A controller ownerReference as written on the object (kind/name/apiVersion). */
export interface OwnerRef {
  readonly apiVersion?: string;
  readonly kind: string;
  readonly name: string;
  readonly uid?: string;
}

/** A pod: a live one, or the representative pod of a controller manifest with no live pods (`fromTemplate`). */
export interface Pod {
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  readonly phase: PodPhase;
  /** status.podIPs (falls back to status.podIP); empty when not scheduled or not yet assigned. */
  readonly podIPs: readonly string[];
  readonly hostIP?: string;
  readonly nodeName?: string;
  readonly hostNetwork: boolean;
  /** spec.serviceAccountName, defaulting to `default` as the API server does. */
  readonly serviceAccountName: string;
  /** Ports of all containers (init containers included, as the peer analyzers do for named ports). */
  readonly containerPorts: readonly ContainerPort[];
  /** The controller ownerReference written on the pod, if any. */
  readonly owner?: OwnerRef;
  /** The workload it belongs to after following owners upward through the snapshot. */
  readonly workload: WorkloadRef;
  /** True for a pod synthesised from a controller's pod template. */
  readonly fromTemplate: boolean;
  readonly origin?: SourceLocation;
}

/** A workload: a controller (followed to the top owner present) or a bare pod, with the pods it owns. */
export interface Workload {
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly labels: Labels;
  /** Labels of the pod template, when the controller object is in the snapshot. */
  readonly templateLabels?: Labels;
  readonly replicas?: number;
  readonly serviceAccountName?: string;
  /** Names of this workload's pods in the snapshot (live or representative). */
  readonly podNames: readonly string[];
  /** Whether the controller object itself is in the snapshot (false when only inferred from ownerReferences). */
  readonly declared: boolean;
  readonly origin?: SourceLocation;
}
