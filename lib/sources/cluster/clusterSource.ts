// Live snapshots of a cluster: each kind is listed (paginated) and then watched from the list's resourceVersion.
import type { Snapshot, SnapshotKind, UnreadableKind } from '../../model';
import { assembleSnapshot } from '../assembleSnapshot';
import { convertObjects } from '../convertObjects';
import { lastManagedWrite, storedKey, toStoredObject, type ManagedWrite, type StoredObject } from '../storedObject';
import type { ConvertedObjects, RawMap } from '../types';
import { KIND_IMPACT, WATCHED_KINDS, type WatchedKind } from './kinds';
import type { KubeTransport, WatchHandle } from './transport';

/** Where the source stands; the banner shows it. */
export type ClusterStatus =
  | { readonly state: 'connecting' }
  | { readonly state: 'live' }
  /** Some watch dropped and is being re-established; the snapshot may be behind since `since`. */
  | { readonly state: 'reconnecting'; readonly since: string; readonly message: string }
  | { readonly state: 'failed'; readonly message: string };

/** What a subscriber is told: a new snapshot version, or a status change. */
export type ClusterChange = { readonly type: 'snapshot'; readonly version: number } | { readonly type: 'status'; readonly status: ClusterStatus };

/** One object that changed between two versions: absent `before` = added, absent `after` = removed. */
export interface ObjectChange {
  /** `Kind/namespace/name` (storedKey). */
  readonly key: string;
  readonly before?: StoredObject;
  readonly after?: StoredObject;
  /** The newest managedFields entry of the object as last seen (the removed object's for a deletion). */
  readonly lastWrite?: ManagedWrite;
  /** When the watch event (or the relist) that showed the change arrived. */
  readonly observedAt: string;
  /**
   * `watch`: seen as it happened; `relist`: found by listing again after a dropped watch or 410 Gone (what happened
   * meanwhile is known only as a difference); `unreadable`: the kind became unreadable (403), so its objects left the
   * snapshot without being deleted.
   */
  readonly via: 'watch' | 'relist' | 'unreadable';
}

/** What the history recorder hears about each version (`onVersion`). */
export interface VersionRecord {
  readonly version: number;
  readonly snapshot: Snapshot;
  /** The objects that changed since the previous version (empty for the first). */
  readonly changes: readonly ObjectChange[];
  /** On the first version only: every object read, to compare with what a store holds from before. */
  readonly objects?: readonly StoredObject[];
}

/** The cluster could not be read at all (unreachable, TLS, credentials rejected…). */
export class ClusterUnavailableError extends Error {
  constructor(
    readonly context: string,
    readonly server: string,
    readonly reason: string,
  ) {
    super(`cannot read cluster "${context}" at ${server}: ${reason}`);
    this.name = 'ClusterUnavailableError';
  }
}

export interface ClusterSourceOptions {
  readonly transport: KubeTransport;
  /** The kubeconfig context (or `in-cluster`), shown to users. */
  readonly context: string;
  /** Changes arriving within this many ms make one snapshot version. */
  readonly settleMs?: number;
  /** Reconnect backoff: doubles from `initialBackoffMs` up to `maxBackoffMs`. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** How long before a forbidden kind is tried again (permissions may be granted meanwhile). */
  readonly forbiddenRetryMs?: number;
  readonly pageSize?: number;
  readonly watchTimeoutSeconds?: number;
  readonly kinds?: readonly WatchedKind[];
}

/** A failed request: HTTP status (0 for a network/TLS error) and the API server's message. */
class RequestFailed extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const isMap = (v: unknown): v is RawMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The message of a Kubernetes Status body, or the body itself. */
function statusMessage(body: string): string {
  try {
    const s: unknown = JSON.parse(body);
    if (isMap(s) && typeof s.message === 'string') return s.message;
  } catch {
    // not JSON: fall through
  }
  return body.trim().slice(0, 300) || '(no message)';
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One object as read, converted once; `fingerprint` tells a change Perimeter sees from one it does not. */
interface Item {
  readonly converted: ConvertedObjects;
  readonly fingerprint: string;
  /** The form the history store keeps (lib/sources/storedObject). */
  readonly stored: StoredObject;
  readonly lastWrite?: ManagedWrite;
}

interface KindState {
  readonly spec: WatchedKind;
  readonly items: Map<string, Item>;
  /** Which version is read: 0 = spec.apiVersion, i > 0 = spec.olderVersions[i - 1] (the newest one served). */
  versionIndex: number;
  /** The kind's objects merged, until one of them changes. */
  converted?: ConvertedObjects;
  resourceVersion?: string;
  listed: boolean;
  /** An optional kind whose API is not served (404): re-checked now and then instead of watched. */
  absent?: boolean;
  unreadable?: UnreadableKind;
  /** When this kind's watch went down, if it is down. */
  downSince?: string;
  downMessage?: string;
}

/** The apiVersion and collection path a kind is read at now. */
function servedAt(k: KindState): { readonly apiVersion: string; readonly path: string } {
  return k.versionIndex === 0 ? k.spec : (k.spec.olderVersions ?? [])[k.versionIndex - 1];
}

const keyOf = (o: RawMap): string => {
  const m = isMap(o.metadata) ? o.metadata : {};
  return `${typeof m.namespace === 'string' ? m.namespace : ''}/${typeof m.name === 'string' ? m.name : ''}`;
};

function merge(parts: readonly ConvertedObjects[]): ConvertedObjects {
  const pick = <K extends keyof ConvertedObjects>(k: K): ConvertedObjects[K] => parts.flatMap((p) => p[k] as readonly unknown[]) as unknown as ConvertedObjects[K];
  return {
    namespaces: pick('namespaces'),
    pods: pick('pods'),
    controllers: pick('controllers'),
    networkPolicies: pick('networkPolicies'),
    serviceAccounts: pick('serviceAccounts'),
    roles: pick('roles'),
    clusterRoles: pick('clusterRoles'),
    roleBindings: pick('roleBindings'),
    clusterRoleBindings: pick('clusterRoleBindings'),
    adminNetworkPolicies: parts.flatMap((p) => p.adminNetworkPolicies ?? []),
    baselineAdminNetworkPolicies: parts.flatMap((p) => p.baselineAdminNetworkPolicies ?? []),
    services: parts.flatMap((p) => p.services ?? []),
    ingresses: parts.flatMap((p) => p.ingresses ?? []),
    ingressClasses: parts.flatMap((p) => p.ingressClasses ?? []),
    routes: parts.flatMap((p) => p.routes ?? []),
    gatewayClasses: parts.flatMap((p) => p.gatewayClasses ?? []),
    gateways: parts.flatMap((p) => p.gateways ?? []),
    gatewayRoutes: parts.flatMap((p) => p.gatewayRoutes ?? []),
    referenceGrants: parts.flatMap((p) => p.referenceGrants ?? []),
    warnings: pick('warnings'),
  };
}

/**
 * A live snapshot source over a `KubeTransport` (GET only). Lists each kind with pagination (limit + continue), then
 * watches from the list's resourceVersion with bookmarks; on 410 Gone it relists, on a dropped watch it reconnects
 * with exponential backoff. A 403 (or 404) on one kind marks that kind unreadable instead of failing the snapshot.
 * Every settled batch of changes produces a new snapshot version; versions are immutable plain data.
 */
export class ClusterSource {
  private readonly kinds: KindState[];
  private readonly listeners = new Set<(c: ClusterChange) => void>();
  private readonly versionListeners = new Set<(r: VersionRecord) => void>();
  /** Changes since the last version, by storedKey; the first `before` and the last `after` of each object. */
  private readonly pending = new Map<string, ObjectChange>();
  private current: Snapshot | undefined;
  private version = 0;
  private statusValue: ClusterStatus = { state: 'connecting' };
  private stopped = false;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly watches = new Set<WatchHandle>();
  private readonly sleepers = new Set<() => void>();
  private readonly opts: Required<Omit<ClusterSourceOptions, 'transport' | 'context' | 'kinds'>>;

  constructor(private readonly options: ClusterSourceOptions) {
    this.kinds = (options.kinds ?? WATCHED_KINDS).map((spec) => ({ spec, items: new Map(), listed: false, versionIndex: 0 }));
    this.opts = {
      settleMs: options.settleMs ?? 50,
      initialBackoffMs: options.initialBackoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      forbiddenRetryMs: options.forbiddenRetryMs ?? 60_000,
      pageSize: options.pageSize ?? 500,
      watchTimeoutSeconds: options.watchTimeoutSeconds ?? 300,
    };
  }

  get context(): string {
    return this.options.context;
  }

  get server(): string {
    return this.options.transport.server;
  }

  /** The latest snapshot, once the first list of every kind finished. */
  snapshot(): Snapshot | undefined {
    return this.current;
  }

  status(): ClusterStatus {
    return this.statusValue;
  }

  subscribe(listener: (c: ClusterChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Tells `listener` about every version with the objects that changed (the history recorder). Called synchronously
   * from the watch loop: a listener must only queue the record and return.
   */
  onVersion(listener: (r: VersionRecord) => void): () => void {
    this.versionListeners.add(listener);
    return () => this.versionListeners.delete(listener);
  }

  /** Notes a change of one object for the next version; an object that ends as it began is no change. */
  private note(before: Item | undefined, after: Item | undefined, via: ObjectChange['via']): void {
    const any = after ?? before;
    if (!any || this.versionListeners.size === 0) return;
    const key = storedKey(any.stored);
    const prev = this.pending.get(key);
    const first = prev ? prev.before : before?.stored;
    const last = after?.stored;
    if (first && last && JSON.stringify(first.body) === JSON.stringify(last.body)) {
      this.pending.delete(key);
      return;
    }
    if (!first && !last) {
      this.pending.delete(key);
      return;
    }
    const lastWrite = after?.lastWrite ?? before?.lastWrite;
    this.pending.set(key, {
      key,
      ...(first ? { before: first } : {}),
      ...(last ? { after: last } : {}),
      ...(lastWrite ? { lastWrite } : {}),
      observedAt: new Date().toISOString(),
      via: prev && prev.via !== 'watch' ? prev.via : via,
    });
  }

  /**
   * Lists every kind once and resolves with the first snapshot, then keeps watching in the background. Rejects with
   * `ClusterUnavailableError` when a list fails for any reason but a 403/404 (unreachable server, bad TLS,
   * credentials rejected): nothing is shown rather than a silently partial cluster.
   */
  async start(): Promise<Snapshot> {
    const first = await Promise.allSettled(this.kinds.map((k) => this.list(k)));
    const failed = first.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      const cause = errorText(failed.reason);
      this.stop();
      this.setStatus({ state: 'failed', message: cause });
      throw new ClusterUnavailableError(this.context, this.server, cause);
    }
    this.rebuild();
    for (const k of this.kinds) void this.loop(k);
    this.updateStatus();
    return this.current as Snapshot;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.settleTimer);
    for (const w of this.watches) w.abort();
    for (const wake of this.sleepers) wake();
  }

  private emit(c: ClusterChange): void {
    for (const l of this.listeners) l(c);
  }

  private setStatus(s: ClusterStatus): void {
    if (JSON.stringify(s) === JSON.stringify(this.statusValue)) return;
    this.statusValue = s;
    this.emit({ type: 'status', status: s });
  }

  private updateStatus(): void {
    if (this.statusValue.state === 'failed') return;
    const down = this.kinds.filter((k) => k.downSince !== undefined).sort((a, b) => (a.downSince ?? '').localeCompare(b.downSince ?? ''));
    if (down.length === 0) this.setStatus({ state: 'live' });
    else this.setStatus({ state: 'reconnecting', since: down[0].downSince ?? '', message: `${down.map((k) => k.spec.resource).join(', ')}: ${down[0].downMessage ?? ''}` });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(t);
        this.sleepers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  /**
   * Lists one kind page by page; replaces its items and says whether anything Perimeter uses changed. A 403/404
   * marks it unreadable (a change); other failures throw.
   */
  private async list(k: KindState): Promise<boolean> {
    const items = new Map<string, Item>();
    let cont: string | undefined;
    let resourceVersion: string | undefined;
    for (;;) {
      const q = new URLSearchParams({ limit: String(this.opts.pageSize) });
      if (cont) q.set('continue', cont);
      const res = await this.options.transport.get(`${servedAt(k).path}?${q.toString()}`).catch((e: unknown) => {
        throw new RequestFailed(0, `list ${k.spec.resource}: ${errorText(e)}`);
      });
      if (res.status === 410 && cont) {
        // The continue token expired (the list took longer than etcd's compaction window): start the list over.
        items.clear();
        cont = undefined;
        continue;
      }
      if (res.status === 404 && k.spec.optional && k.versionIndex < (k.spec.olderVersions ?? []).length) {
        // This version is not served: an older release of the CRD may serve an older one.
        k.versionIndex++;
        items.clear();
        cont = undefined;
        continue;
      }
      if (res.status === 404 && k.spec.optional) {
        // A later relist starts again from the newest version (the CRD may be upgraded meanwhile).
        k.versionIndex = 0;
        // The CRD is not installed: nothing of this kind exists. Watch nothing; a later relist finds it if installed.
        const had = k.items.size > 0 || k.unreadable !== undefined || !k.listed;
        k.items.clear();
        k.converted = undefined;
        k.listed = true;
        k.unreadable = undefined;
        k.resourceVersion = undefined;
        k.absent = true;
        return had;
      }
      if (res.status === 403 || res.status === 404) {
        const was = k.unreadable?.message;
        this.markUnreadable(k, res.status, statusMessage(res.body));
        return was !== k.unreadable?.message;
      }
      if (res.status !== 200) throw new RequestFailed(res.status, `list ${k.spec.resource}: HTTP ${res.status}: ${statusMessage(res.body)}`);
      const body: unknown = JSON.parse(res.body);
      if (!isMap(body)) throw new RequestFailed(res.status, `list ${k.spec.resource}: not a list`);
      const meta = isMap(body.metadata) ? body.metadata : {};
      for (const item of Array.isArray(body.items) ? body.items : []) {
        // List items carry neither kind nor apiVersion; the converter needs the kind.
        if (isMap(item)) items.set(keyOf(item), this.convertOne(k, item));
      }
      cont = typeof meta.continue === 'string' && meta.continue !== '' ? meta.continue : undefined;
      resourceVersion = typeof meta.resourceVersion === 'string' ? meta.resourceVersion : undefined;
      if (!cont) break;
    }
    // A relist (after 410 or a reconnect) that finds what we had is not a new version.
    const same = items.size === k.items.size && [...items].every(([key, it]) => k.items.get(key)?.fingerprint === it.fingerprint);
    if (!same && k.listed) {
      for (const [key, it] of items) if (k.items.get(key)?.fingerprint !== it.fingerprint) this.note(k.items.get(key), it, 'relist');
      for (const [key, it] of k.items) if (!items.has(key)) this.note(it, undefined, 'relist');
    } else if (!k.listed && this.current) {
      // Readable again (or newly served): its objects come back into the snapshot.
      for (const it of items.values()) this.note(undefined, it, 'relist');
    }
    k.items.clear();
    for (const [key, v] of items) k.items.set(key, v);
    k.resourceVersion = resourceVersion;
    if (!same || !k.listed) k.converted = undefined;
    k.listed = true;
    k.absent = false;
    k.unreadable = undefined;
    return !same;
  }

  /** Converts one object (list items carry neither kind nor apiVersion; the converter needs the kind). */
  private convertOne(k: KindState, raw: RawMap): Item {
    const object = { ...raw, kind: k.spec.kind, apiVersion: servedAt(k).apiVersion };
    const converted = convertObjects([{ object, origin: { file: `cluster:${k.spec.kind}` } }]);
    const lastWrite = lastManagedWrite(raw);
    return { converted, fingerprint: JSON.stringify(converted), stored: toStoredObject(k.spec.kind, k.spec.apiVersion, raw), ...(lastWrite ? { lastWrite } : {}) };
  }

  private markUnreadable(k: KindState, status: number, message: string): void {
    // The consequence first ("cannot list clusterroles…: who-can answers are incomplete"), the API server's words after.
    const what = status === 404 ? `${k.spec.resource} is not served by this API server` : `cannot list ${k.spec.resource}`;
    k.unreadable = {
      kind: k.spec.kind,
      message: `${what}: ${KIND_IMPACT[k.spec.kind]} (API server: ${message})`,
      ...(status === 403 ? { missingPermission: `list, watch ${k.spec.resource} (cluster-wide)` } : {}),
    };
    // Showing stale objects of a kind we may no longer read would mislead.
    for (const it of k.items.values()) this.note(it, undefined, 'unreadable');
    k.items.clear();
    k.converted = undefined;
    k.listed = false;
    k.resourceVersion = undefined;
  }

  /** Watches one kind for as long as the source runs: relist on 410, reconnect with backoff on errors. */
  private async loop(k: KindState): Promise<void> {
    let backoff = this.opts.initialBackoffMs;
    let needList = false;
    const down = async (message: string) => {
      k.downSince ??= new Date().toISOString();
      k.downMessage = message;
      this.updateStatus();
      await this.sleep(backoff * (0.8 + Math.random() * 0.4));
      backoff = Math.min(backoff * 2, this.opts.maxBackoffMs);
    };
    while (!this.stopped) {
      if (k.unreadable || k.absent) {
        await this.sleep(this.opts.forbiddenRetryMs);
        if (this.stopped) return;
        if (await this.list(k).catch(() => false)) this.changed();
        continue;
      }
      if (needList) {
        let changed: boolean;
        try {
          changed = await this.list(k);
        } catch (e) {
          await down(errorText(e));
          continue;
        }
        needList = false;
        k.downSince = undefined;
        k.downMessage = undefined;
        backoff = this.opts.initialBackoffMs;
        if (changed) this.changed();
        this.updateStatus();
        continue;
      }
      const outcome = await this.watchOnce(k).catch((e: unknown) => ({ kind: 'error' as const, message: errorText(e) }));
      if (this.stopped) return;
      switch (outcome.kind) {
        case 'ended':
          // The server closed the watch at timeoutSeconds: carry on from the last resourceVersion.
          break;
        case 'gone':
          // 410 Gone: our resourceVersion is older than etcd keeps; only a fresh list is correct.
          needList = true;
          break;
        case 'error':
          // The resourceVersion may still be good, but relisting is simplest and also notices a revoked permission.
          await down(outcome.message);
          needList = true;
          break;
      }
    }
  }

  private async watchOnce(k: KindState): Promise<{ kind: 'ended' } | { kind: 'gone' } | { kind: 'error'; message: string }> {
    const q = new URLSearchParams({
      watch: 'true',
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(this.opts.watchTimeoutSeconds),
      ...(k.resourceVersion ? { resourceVersion: k.resourceVersion } : {}),
    });
    let gone = false;
    let failure: string | undefined;
    const handle = this.options.transport.watch(`${servedAt(k).path}?${q.toString()}`, (line) => {
      let ev: unknown;
      try {
        ev = JSON.parse(line);
      } catch {
        return;
      }
      if (!isMap(ev) || !isMap(ev.object)) return;
      const obj = ev.object;
      const meta = isMap(obj.metadata) ? obj.metadata : {};
      // Most updates (pod status heartbeats, annotations, managedFields) change nothing Perimeter reads: no new version.
      let relevant = false;
      switch (ev.type) {
        case 'ADDED':
        case 'MODIFIED': {
          const item = this.convertOne(k, obj);
          const was = k.items.get(keyOf(obj));
          relevant = was?.fingerprint !== item.fingerprint;
          if (relevant) this.note(was, item, 'watch');
          k.items.set(keyOf(obj), item);
          break;
        }
        case 'DELETED': {
          const was = k.items.get(keyOf(obj));
          // The deleted object as the API server last had it: its managedFields say who wrote it last.
          const lastWrite = lastManagedWrite(obj);
          if (was) this.note({ ...was, ...(lastWrite ? { lastWrite } : {}) }, undefined, 'watch');
          relevant = k.items.delete(keyOf(obj));
          break;
        }
        case 'BOOKMARK':
          break;
        case 'ERROR':
          if (obj.code === 410) gone = true;
          else failure = typeof obj.message === 'string' ? obj.message : 'watch error';
          handle.abort();
          return;
        default:
          return;
      }
      if (typeof meta.resourceVersion === 'string') k.resourceVersion = meta.resourceVersion;
      if (k.downSince !== undefined) {
        k.downSince = undefined;
        this.updateStatus();
      }
      if (relevant) {
        k.converted = undefined;
        this.changed();
      }
    });
    this.watches.add(handle);
    try {
      const r = await handle.done.catch((e: unknown): { status: number; body?: string } => {
        if (gone || failure !== undefined || this.stopped) return { status: 200 };
        throw e;
      });
      if (gone || r.status === 410) return { kind: 'gone' };
      if (failure !== undefined) return { kind: 'error', message: `watch ${k.spec.resource}: ${failure}` };
      if (r.status === 403) {
        this.markUnreadable(k, 403, statusMessage(r.body ?? ''));
        this.changed();
        return { kind: 'ended' };
      }
      if (r.status !== 200) return { kind: 'error', message: `watch ${k.spec.resource}: HTTP ${r.status}: ${statusMessage(r.body ?? '')}` };
      return { kind: 'ended' };
    } finally {
      this.watches.delete(handle);
    }
  }

  /** Something changed: one new version once changes settle. */
  private changed(): void {
    if (this.stopped || this.settleTimer !== undefined) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      if (!this.stopped) this.rebuild();
    }, this.opts.settleMs);
  }

  private rebuild(): void {
    const parts = this.kinds.map((k) => (k.converted ??= merge([...k.items.values()].map((i) => i.converted))));
    this.version++;
    const snapshot = assembleSnapshot(merge(parts), { kind: 'cluster', context: this.context, server: this.server }, { version: this.version });
    const unreadable = this.kinds.flatMap((k) => (k.unreadable ? [k.unreadable] : []));
    const first = this.current === undefined;
    this.current = { ...snapshot, unreadable };
    if (this.versionListeners.size > 0) {
      const record: VersionRecord = first
        ? { version: this.version, snapshot: this.current, changes: [], objects: this.kinds.flatMap((k) => [...k.items.values()].map((i) => i.stored)) }
        : { version: this.version, snapshot: this.current, changes: [...this.pending.values()] };
      this.pending.clear();
      for (const l of this.versionListeners) l(record);
    }
    this.emit({ type: 'snapshot', version: this.version });
  }
}

/** The kinds a snapshot could not read, by kind. */
export function unreadableKinds(s: Snapshot): ReadonlySet<SnapshotKind> {
  return new Set(s.unreadable.map((u) => u.kind));
}
