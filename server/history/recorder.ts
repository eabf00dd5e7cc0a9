// Server-only: records a live cluster's versions in the history store, then their effects and alerts. The watch loop
// only queues a record (onVersion); everything here runs later, one step at a time, and never throws into it.
import 'server-only';
import { analyze, type Analyses } from '@/lib/analyses';
import type { PerimeterConfig } from '@/lib/config';
import { DEFAULT_HISTORY_CONFIG } from '@/lib/config/historyConfig';
import { alertsFor } from '@/lib/history/alerts';
import { applyDeltas, diffStates, stateOf, type ObjectState } from '@/lib/history/delta';
import { computeEffects, effectTags } from '@/lib/history/effects';
import type { GapReason, RecordedChange } from '@/lib/history/types';
import type { Snapshot } from '@/lib/model';
import { snapshotContentHash } from '@/lib/report/snapshotHash';
import type { ObjectChange, VersionRecord } from '@/lib/sources/cluster';
import { snapshotFromStoredObjects, type StoredObject } from '@/lib/sources/storedObject';
import type { HistoryStore, NewVersion } from '@/lib/store/historyStore';

/** Where recording stands, for the banner and the History page. */
export type RecorderStatus =
  | { readonly state: 'starting' }
  | { readonly state: 'recording'; readonly version?: number }
  /** The store failed: analysis goes on, changes accumulate and are recorded as one gap version once it is back. */
  | { readonly state: 'unavailable'; readonly cause: string; readonly since: string; readonly waiting: number };

export interface RecorderOptions {
  /** Opens (or returns) the store; throws when it is unreachable. */
  readonly store: () => Promise<HistoryStore>;
  readonly context: string;
  readonly server: string;
  /** The config effects and alerts use, or undefined while it cannot be applied (effects then wait). */
  readonly config: () => PerimeterConfig | undefined;
  /** Called after new alerts were saved, so the deliverer looks at once. */
  readonly onAlerts?: () => void;
  /** Base URL of the History page for links in alerts. */
  readonly historyUrl?: string;
  readonly retryMs?: number;
  readonly log?: (line: string) => void;
  /**
   * How long after a version its effects and alerts wait for audit events (kube-apiserver's webhook batches them), so
   * an alert names the user rather than the field manager. 0 when no audit webhook is configured.
   */
  readonly attributionWaitMs?: number;
  /** Told about every store failure (the service reopens an embedded store that failed). */
  readonly onFailure?: (e: unknown) => void;
}

interface Pending {
  readonly first: ObjectChange;
  last: ObjectChange;
}

const errorText = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const m = e instanceof Error ? e.message : String(e);
  return code && !m.includes(code) ? `${code}: ${m}` : m;
};
const split = (key: string) => {
  const [kind, namespace, ...rest] = key.split('/');
  return { kind, namespace, name: rest.join('/') };
};
const tick = () => new Promise<void>((r) => setImmediate(r));

/**
 * One cluster's recorder. `committed` is the state of the newest version in the store; `live` the source's latest;
 * what differs on the keys touched since the last commit is the next version. After a restart, a store outage or a
 * relist, the difference is recorded as one gap version "between versions A and B", never skipped.
 */
export class Recorder {
  private readonly queue: VersionRecord[] = [];
  private live: ObjectState = new Map();
  private liveSnapshot: Snapshot | undefined;
  private liveVersion = 0;
  private readonly touched = new Map<string, Pending>();
  /** After a record with every object: compare all keys (objects deleted meanwhile are in the store, not in `live`). */
  private fullCompare = false;
  private committed: ObjectState | undefined;
  private latest = 0;
  private clusterId: number | undefined;
  /** Set while the next version must be a gap, and why. */
  private gap: GapReason | undefined = 'restart';
  private statusValue: RecorderStatus = { state: 'starting' };
  private running = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private effectsRunning = false;
  private stopped = false;
  /** The newest version's snapshot and analyses, reused as the base of the next version's effects. */
  private lastAnalysed: { version: number; analyses: Analyses; config: PerimeterConfig } | undefined;
  /** Snapshots of versions recorded by this process, until their effects are computed. */
  private readonly snapshots = new Map<number, Snapshot>();
  /** The newest live (source) version whose state is in the store: recorded, or found equal to what the store has. */
  private recordedLive = 0;
  /** Readers waiting for a live version to be recorded (whenRecorded). */
  private readonly waiters = new Set<{ readonly liveVersion: number; readonly done: () => void }>();

  constructor(private readonly opts: RecorderOptions) {}

  status(): RecorderStatus {
    return this.statusValue;
  }

  /** Whether this recorder records `context` at `server` (the source a page shows). */
  records(context: string, server: string): boolean {
    return this.opts.context === context && this.opts.server === server;
  }

  /**
   * Resolves once the source's version `liveVersion` is in the store, or as soon as it cannot be soon: the store is
   * unavailable, the recorder stopped, or `timeoutMs` passed. A page showing live version N reads the history after
   * this, so it never shows a history older than the snapshot beside it (the store commits after the source's
   * version, and the first commit waits for the store to open: seconds on a fresh PGlite folder).
   */
  whenRecorded(liveVersion: number, timeoutMs: number): Promise<void> {
    if (this.recordedLive >= liveVersion || this.stopped || this.statusValue.state === 'unavailable') return Promise.resolve();
    return new Promise((resolve) => {
      const w = {
        liveVersion,
        done: () => {
          clearTimeout(timer);
          this.waiters.delete(w);
          resolve();
        },
      };
      const timer = setTimeout(w.done, timeoutMs);
      timer.unref?.();
      this.waiters.add(w);
    });
  }

  /** Releases the readers whose version is recorded, or all of them when recording cannot go on for now. */
  private release(): void {
    const all = this.stopped || this.statusValue.state === 'unavailable';
    for (const w of [...this.waiters]) if (all || this.recordedLive >= w.liveVersion) w.done();
  }

  /** The store id of this cluster's history, once known. */
  get cluster(): number | undefined {
    return this.clusterId;
  }

  /** Queues a version; called from the watch loop, so it only pushes and schedules. */
  enqueue(r: VersionRecord): void {
    if (this.stopped) return;
    this.queue.push(r);
    if (!this.running) setImmediate(() => void this.drain());
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.release();
  }

  /** Resolves once everything queued is recorded and every pending effect computed (tests, shutdown). */
  async idle(timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (this.running || this.effectsRunning || this.queue.length > 0) {
      if (Date.now() > end) throw new Error('recorder still busy');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private setStatus(s: RecorderStatus): void {
    this.statusValue = s;
    this.release();
  }

  private failed(e: unknown): void {
    const cause = errorText(e);
    const since = this.statusValue.state === 'unavailable' ? this.statusValue.since : new Date().toISOString();
    if (this.statusValue.state !== 'unavailable') this.opts.log?.(`history: the store is unavailable (${cause}); recording resumes when it is back, as one gap version`);
    this.setStatus({ state: 'unavailable', cause, since, waiting: this.touched.size });
    // What is not committed yet is recorded as one gap version once the store is back, against the state the store
    // really has (the failed write may have committed before its answer was lost): read it again on the retry.
    this.gap ??= 'store-unavailable';
    this.committed = undefined;
    this.opts.onFailure?.(e);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.drain(), this.opts.retryMs ?? 5_000);
    this.retryTimer.unref?.();
  }

  /** Applies queued records to the live state, then commits what differs from the store. */
  private async drain(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      while (this.queue.length > 0 || this.touched.size > 0 || this.committed === undefined) {
        const r = this.queue.shift();
        if (r) this.absorb(r);
        if (!this.liveSnapshot) break;
        // Coalesce only when the store is behind: each version is its own change set while it keeps up.
        if (this.statusValue.state === 'unavailable' && this.queue.length > 0) continue;
        try {
          await this.commit();
        } catch (e) {
          this.failed(e);
          // Absorb what is queued (the watch loop goes on) and wait for the retry.
          while (this.queue.length > 0) this.absorb(this.queue.shift()!);
          if (this.statusValue.state === 'unavailable') this.setStatus({ ...this.statusValue, waiting: this.touched.size });
          return;
        }
        if (this.queue.length === 0) break;
      }
    } finally {
      this.running = false;
    }
    void this.computeEffects();
  }

  private absorb(r: VersionRecord): void {
    if (r.objects) {
      // The first version of a (re)started source: every object. What differs from the store is a gap.
      const fresh = stateOf(r.objects);
      for (const k of new Set([...this.live.keys(), ...fresh.keys()])) this.touch(k, this.live.get(k), fresh.get(k), 'relist', r.snapshot.readAt);
      this.live = fresh;
      this.fullCompare = true;
    } else {
      for (const c of r.changes) {
        this.touch(c.key, c.before, c.after, c.via, c.observedAt, c);
        if (c.after) this.live.set(c.key, c.after);
        else this.live.delete(c.key);
      }
      if (r.changes.some((c) => c.via !== 'watch')) this.gap ??= 'relist';
    }
    this.liveSnapshot = r.snapshot;
    this.liveVersion = r.version;
  }

  private touch(key: string, before: StoredObject | undefined, after: StoredObject | undefined, via: ObjectChange['via'], observedAt: string, change?: ObjectChange): void {
    const c: ObjectChange = change ?? { key, ...(before ? { before } : {}), ...(after ? { after } : {}), observedAt, via };
    const p = this.touched.get(key);
    if (p) p.last = c;
    else this.touched.set(key, { first: c, last: c });
  }

  private async commit(): Promise<void> {
    const store = await this.opts.store();
    if (this.clusterId === undefined) this.clusterId = await store.clusterId(this.opts.context, this.opts.server);
    const cluster = this.clusterId;
    if (this.committed === undefined) {
      const latest = await store.latest(cluster);
      if (!latest) {
        // Nothing recorded for this cluster yet: the live state is the baseline (a checkpoint, no changes).
        const at = this.liveSnapshot!.readAt;
        await store.record(cluster, { version: 1, at, kind: 'baseline', liveVersion: this.liveVersion, unreadable: this.liveSnapshot!.unreadable, changes: [] }, this.live);
        await store.saveContentHash(cluster, 1, snapshotContentHash(this.liveSnapshot!));
        this.committed = new Map(this.live);
        this.latest = 1;
        this.touched.clear();
        this.fullCompare = false;
        this.gap = undefined;
        this.recordedLive = this.liveVersion;
        this.setStatus({ state: 'recording', version: 1 });
        return;
      }
      this.committed = await store.stateAt(cluster, latest.version);
      this.latest = latest.version;
    }
    const deltas = diffStates(this.committed, this.live, this.fullCompare ? undefined : this.touched.keys());
    if (deltas.length === 0) {
      this.touched.clear();
      this.fullCompare = false;
      this.gap = undefined;
      this.recordedLive = this.liveVersion;
      this.setStatus({ state: 'recording', version: this.latest });
      return;
    }
    const version = this.latest + 1;
    const gap = this.gap;
    const changes: (RecordedChange & { lastWrite?: ObjectChange['lastWrite'] })[] = deltas.map((d) => {
      const p = this.touched.get(d.key);
      const last = p?.last;
      const o = (d.after ?? d.before)!;
      const { kind, namespace, name } = split(d.key);
      const rv = d.after?.resourceVersion;
      return {
        kind: o.kind ?? kind,
        namespace: o.namespace ?? namespace,
        name: o.name ?? name,
        op: d.before && d.after ? 'modified' : d.after ? 'added' : 'removed',
        via: gap === 'restart' ? 'restart' : (p?.first.via === 'watch' && last?.via === 'watch' ? 'watch' : (last?.via ?? 'relist')),
        ...(rv ? { resourceVersion: rv } : {}),
        ...(o.uid ? { uid: o.uid } : {}),
        observedAt: last?.observedAt ?? this.liveSnapshot!.readAt,
        ...(d.before ? { before: d.before } : {}),
        ...(d.after ? { after: d.after } : {}),
        ...(last?.lastWrite ? { lastWrite: last.lastWrite } : {}),
      };
    });
    const every = this.opts.config()?.history?.checkpointEvery ?? DEFAULT_HISTORY_CONFIG.checkpointEvery;
    const record: NewVersion = {
      version,
      at: this.liveSnapshot!.readAt,
      kind: gap ? 'gap' : 'change',
      ...(gap ? { fromVersion: this.latest, gapReason: gap } : {}),
      liveVersion: this.liveVersion,
      unreadable: this.liveSnapshot!.unreadable,
      changes,
    };
    const next = applyDeltas(new Map(this.committed), deltas);
    await store.record(cluster, record, version % every === 0 ? next : undefined);
    this.committed = next;
    this.latest = version;
    this.touched.clear();
    this.fullCompare = false;
    this.gap = undefined;
    this.snapshots.set(version, this.liveSnapshot!);
    if (this.snapshots.size > 20) this.snapshots.delete(this.snapshots.keys().next().value!);
    this.setStatus({ state: 'recording', version });
    await store.attribute(cluster).catch((e: unknown) => this.opts.log?.(`history: attribution failed: ${errorText(e)}`));
    // Readers are released once the version has its "who" from the audit events received so far.
    this.recordedLive = this.liveVersion;
    this.release();
  }

  /** The snapshot of a recorded version: kept in memory when this process recorded it, else rebuilt from the store. */
  private async snapshotOf(store: HistoryStore, version: number): Promise<Snapshot> {
    const known = this.snapshots.get(version);
    if (known) return known;
    const meta = await store.versionMeta(this.clusterId!, version);
    if (!meta) throw new Error(`version ${version} is not in the store`);
    const state = await store.stateAt(this.clusterId!, version);
    return snapshotFromStoredObjects(state.values(), { source: { kind: 'cluster', context: this.opts.context, server: this.opts.server }, version, readAt: meta.at, unreadable: meta.unreadable });
  }

  /** Computes the effects (and alerts) of versions still pending, oldest first; a failure is recorded on the version. */
  private async computeEffects(): Promise<void> {
    if (this.effectsRunning || this.stopped || this.clusterId === undefined) return;
    const config = this.opts.config();
    if (!config) return;
    this.effectsRunning = true;
    try {
      const store = await this.opts.store();
      const cluster = this.clusterId;
      for (;;) {
        const pending = await store.pendingEffects(cluster, 10);
        if (pending.length === 0) break;
        for (const version of pending) {
          if (this.stopped) return;
          const cs = await store.changeSet(cluster, version);
          if (!cs) continue;
          const wait = Date.parse(cs.at) + (this.opts.attributionWaitMs ?? 0) - Date.now();
          if (wait > 0) {
            // Later, once the audit events of this version had time to arrive.
            setTimeout(() => void this.computeEffects(), wait + 10).unref?.();
            return;
          }
          const baseVersion = cs.fromVersion ?? version - 1;
          try {
            const reuse = this.lastAnalysed && this.lastAnalysed.version === baseVersion && this.lastAnalysed.config === config;
            const base = reuse ? this.lastAnalysed!.analyses : analyze(await this.snapshotOf(store, baseVersion), config);
            const head = analyze(await this.snapshotOf(store, version), config);
            await tick();
            const effects = computeEffects(base, head, new Set(cs.kinds));
            const ctx = {
              clusterId: cluster,
              context: this.opts.context,
              server: this.opts.server,
              version,
              at: cs.at,
              ...(cs.kind === 'gap' && cs.fromVersion !== undefined ? { gap: { fromVersion: cs.fromVersion } } : {}),
              changes: cs.objects,
              ...(this.opts.historyUrl ? { url: `${this.opts.historyUrl}?version=${version}` } : {}),
            };
            const alerts = alertsFor(effects, ctx, config);
            await store.saveEffects(cluster, version, { effects, tags: effectTags(effects), contentHash: snapshotContentHash(head.snapshot), alerts });
            if (alerts.some((a) => !a.suppressed)) this.opts.onAlerts?.();
            this.lastAnalysed = { version, analyses: head, config };
          } catch (e) {
            this.opts.log?.(`history: effects of version ${version} failed: ${errorText(e)}`);
            await store.saveEffects(cluster, version, { error: errorText(e) });
          }
          this.snapshots.delete(baseVersion);
          await tick();
        }
      }
    } catch (e) {
      this.opts.log?.(`history: effects paused: ${errorText(e)}`);
    } finally {
      this.effectsRunning = false;
    }
  }
}
