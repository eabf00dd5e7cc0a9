// The form in which the history store keeps an object: exactly the fields convertObjects reads, so a past version
// rebuilt from stored objects is the snapshot the live source had (storedObject.test.ts proves it on the demo).
import type { Snapshot, SnapshotSource, UnreadableKind } from '../model';
import { assembleSnapshot } from './assembleSnapshot';
import { convertObjects } from './convertObjects';
import { isRawMap } from './raw';
import type { RawMap } from './types';

/** One object as the history store keeps it. `body` is plain JSON (kind, apiVersion, metadata, the rest). */
export interface StoredObject {
  readonly kind: string;
  readonly apiVersion: string;
  /** '' for cluster-scoped kinds. */
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  /** metadata.resourceVersion when read; not part of `body` (it changes on every write, relevant or not). */
  readonly resourceVersion?: string;
  readonly body: RawMap;
}

/** The last write recorded in metadata.managedFields: who (the field manager, not an authenticated user) and when. */
export interface ManagedWrite {
  readonly manager: string;
  readonly operation: string;
  /** ISO 8601, second precision as the API server writes it. */
  readonly time: string;
}

/** `Kind/namespace/name`, the store's identity of an object. */
export function storedKey(o: { readonly kind: string; readonly namespace: string; readonly name: string }): string {
  return `${o.kind}/${o.namespace}/${o.name}`;
}

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'IngressClass', 'GatewayClass']);
/** Kinds whose annotations the model reads (internal load balancers, source ranges, ingress classes, the default class). */
const ANNOTATED = new Set(['Service', 'Ingress', 'IngressClass']);
/** The status fields the model reads: load balancer addresses, Gateway addresses, the routers that admitted a Route. */
const STATUS_FIELDS: Readonly<Record<string, readonly string[]>> = { Service: ['loadBalancer'], Ingress: ['loadBalancer'], Gateway: ['addresses'], Route: ['ingress'] };
const CONTROLLERS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

const map = (v: unknown): RawMap => (isRawMap(v) ? v : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Copies the keys of `from` that are present, in the order given. */
function pick(from: RawMap, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

/** What a pod spec contributes to the model: host networking, account, node and container ports (names kept for messages). */
function podSpec(spec: RawMap): Record<string, unknown> {
  // restartPolicy marks a sidecar (an init container that keeps running; Services resolve named ports on it).
  const containers = (list: unknown) => (Array.isArray(list) ? list.map((c) => pick(map(c), ['name', 'ports', 'restartPolicy'])) : undefined);
  const out = pick(spec, ['hostNetwork', 'serviceAccountName', 'serviceAccount', 'nodeName']);
  const c = containers(spec.containers);
  const i = containers(spec.initContainers);
  if (c) out.containers = c;
  if (i) out.initContainers = i;
  return out;
}

function template(t: unknown): Record<string, unknown> | undefined {
  if (!isRawMap(t)) return undefined;
  const meta = pick(map(t.metadata), ['labels']);
  return { ...(Object.keys(meta).length ? { metadata: meta } : {}), spec: podSpec(map(t.spec)) };
}

/** The controller spec fields the model reads: replicas and the pod template (nested in jobTemplate for a CronJob). */
function controllerSpec(kind: string, spec: RawMap): Record<string, unknown> {
  if (kind === 'CronJob') {
    const jt = map(spec.jobTemplate);
    const inner = map(jt.spec);
    const t = template(inner.template);
    return { jobTemplate: { ...(isRawMap(jt.metadata) ? { metadata: pick(jt.metadata, ['labels']) } : {}), spec: t ? { template: t } : {} } };
  }
  const t = template(spec.template);
  return { ...pick(spec, ['replicas']), ...(t ? { template: t } : {}) };
}

/**
 * The stored form of a raw object of `kind` (list items carry no kind: the caller names it). Metadata keeps name,
 * namespace, uid, labels and ownerReferences; pods keep the spec and status fields that decide selection and
 * connectivity (labels, IPs, phase, host networking, account, container ports), controllers their replicas and pod
 * template; every other kind keeps its whole content but `status` (RBAC rules, roleRefs, subjects, policy specs),
 * save the status fields the model reads of Services, Ingresses, Gateways and Routes.
 */
export function toStoredObject(kind: string, apiVersion: string, raw: RawMap): StoredObject {
  const meta = map(raw.metadata);
  const name = str(meta.name) ?? '';
  const namespace = CLUSTER_SCOPED.has(kind) ? '' : (str(meta.namespace) ?? 'default');
  const metadata = pick(meta, ['name', 'namespace', 'uid', 'labels', 'ownerReferences', ...(ANNOTATED.has(kind) ? ['annotations'] : [])]);
  let rest: Record<string, unknown>;
  if (kind === 'Pod') {
    const status = pick(map(raw.status), ['phase', 'podIP', 'podIPs', 'hostIP']);
    rest = { spec: podSpec(map(raw.spec)), ...(Object.keys(status).length ? { status } : {}) };
  } else if (CONTROLLERS.has(kind)) {
    rest = { spec: controllerSpec(kind, map(raw.spec)) };
  } else {
    rest = {};
    for (const [k, v] of Object.entries(raw)) if (k !== 'kind' && k !== 'apiVersion' && k !== 'metadata' && k !== 'status') rest[k] = v;
    const status = pick(map(raw.status), STATUS_FIELDS[kind] ?? []);
    if (Object.keys(status).length > 0) rest.status = status;
  }
  const uid = str(meta.uid);
  const resourceVersion = str(meta.resourceVersion);
  return {
    kind,
    apiVersion,
    namespace,
    name,
    ...(uid ? { uid } : {}),
    ...(resourceVersion ? { resourceVersion } : {}),
    body: { apiVersion, kind, metadata, ...rest },
  };
}

/** The newest entry of metadata.managedFields (by time), or undefined when there is none. */
export function lastManagedWrite(raw: RawMap): ManagedWrite | undefined {
  const fields = map(raw.metadata).managedFields;
  if (!Array.isArray(fields)) return undefined;
  let best: ManagedWrite | undefined;
  for (const f of fields) {
    const m = map(f);
    const time = str(m.time);
    const manager = str(m.manager);
    if (!time || !manager) continue;
    if (!best || time >= best.time) best = { manager, operation: str(m.operation) ?? 'Update', time };
  }
  return best;
}

/**
 * A snapshot from stored objects: the same conversion and assembly as every other source. `version`, `readAt`,
 * `source` and `unreadable` are those recorded with the version.
 */
export function snapshotFromStoredObjects(
  objects: Iterable<StoredObject>,
  meta: { readonly source: SnapshotSource; readonly version: number; readonly readAt: string; readonly unreadable?: readonly UnreadableKind[] },
): Snapshot {
  const raw = [...objects].map((o) => ({ object: o.body, origin: { file: `cluster:${o.kind}` } }));
  const snapshot = assembleSnapshot(convertObjects(raw), meta.source, { version: meta.version, readAt: meta.readAt });
  return { ...snapshot, unreadable: meta.unreadable ?? [] };
}
