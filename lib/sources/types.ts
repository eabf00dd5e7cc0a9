import type { ContainerPort, EntryObjects, Labels, OwnerRef, Pod, Snapshot, SourceLocation, Warning } from '../model';

/** A JSON object as Kubernetes or kubectl gives it: untyped until converted. Stays inside lib/sources. */
export type RawMap = { readonly [key: string]: unknown };

/** One raw Kubernetes object with where it came from. */
export interface RawObject {
  readonly object: RawMap;
  readonly origin: SourceLocation;
}

/** Bounds that keep hostile input from exhausting memory or time. */
export interface ManifestLimits {
  /** Bytes per file (UTF-8). */
  readonly maxFileBytes: number;
  /** Bytes over every file of one load. */
  readonly maxTotalBytes: number;
  /** YAML documents plus List items over one load. */
  readonly maxDocuments: number;
  /** yaml's maxAliasCount: how many alias expansions a document may make ("billion laughs"). */
  readonly maxAliasCount: number;
}

/** Limits for input from anyone (dashboard uploads, what-if): a few times the largest real manifest repository. */
export const DEFAULT_LIMITS: ManifestLimits = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxDocuments: 100_000,
  maxAliasCount: 100,
});

/**
 * Limits for files and folders the operator names (the CLI's PATHs and stdin, PERIMETER_SOURCE paths): a dump of the largest
 * cluster Kubernetes supports must fit, e.g. `kubectl get pods -A -o json` of 150,000 pods is about 90 MB in one
 * file and the whole cluster about 425,000 objects. A file is still read into one string, which V8 caps near 512 MiB.
 */
export const FILE_LIMITS: ManifestLimits = Object.freeze({
  maxFileBytes: 500 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxDocuments: 2_000_000,
  maxAliasCount: 100,
});

/** One file's parse result: the Kubernetes objects found (List items flattened) plus warnings. */
export interface ParsedManifest {
  readonly objects: readonly RawObject[];
  readonly warnings: readonly Warning[];
  /** Documents plus List items seen, counted against `maxDocuments`. */
  readonly documentCount: number;
}

/** A pod as converted, before assembleSnapshot resolves its workload (and so whether it stands for a template). */
export type ConvertedPod = Omit<Pod, 'workload' | 'fromTemplate' | 'origin'> & { readonly origin: SourceLocation };

export type ControllerKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'ReplicationController' | 'Job' | 'CronJob';

/** The parts of a pod template a representative pod needs. */
export interface PodTemplate {
  readonly labels: Labels;
  readonly hostNetwork: boolean;
  readonly serviceAccountName: string;
  readonly containerPorts: readonly ContainerPort[];
}

/** A controller object (Deployment, ReplicaSet, Job, …) with its own controller owner, if any. */
export interface ConvertedController {
  readonly kind: ControllerKind;
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  readonly labels: Labels;
  readonly replicas?: number;
  readonly template?: PodTemplate;
  readonly owner?: OwnerRef;
  readonly origin: SourceLocation;
}

/** Every object converted into model shapes (pods and controllers not yet resolved into workloads), plus warnings. */
export type ConvertedObjects = Pick<Snapshot, 'namespaces' | 'networkPolicies' | 'serviceAccounts' | 'roles' | 'clusterRoles' | 'roleBindings' | 'clusterRoleBindings' | 'warnings'> & {
  readonly pods: readonly ConvertedPod[];
  readonly controllers: readonly ConvertedController[];
  /** Optional so partial producers (the cluster source's merge) stay valid; absent = none. */
  readonly adminNetworkPolicies?: Snapshot['adminNetworkPolicies'];
  readonly baselineAdminNetworkPolicies?: Snapshot['baselineAdminNetworkPolicies'];
} & Partial<EntryObjects>;
