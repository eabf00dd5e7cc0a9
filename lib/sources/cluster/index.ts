// The live cluster source: the only module importing @kubernetes/client-node. Server-side only.
export { ClusterSource, ClusterUnavailableError, unreadableKinds } from './clusterSource';
export type { ClusterStatus, ClusterChange, ClusterSourceOptions, ObjectChange, VersionRecord } from './clusterSource';
export { WATCHED_KINDS, KIND_IMPACT } from './kinds';
export type { WatchedKind } from './kinds';
export { kubeConfigTransport } from './transport';
export type { KubeTransport, TransportResponse, WatchHandle } from './transport';
export { loadKubeConfig, describeContexts, createClusterSource } from './kubeconfig';
export type { ContextInfo, KubeContexts } from './kubeconfig';
