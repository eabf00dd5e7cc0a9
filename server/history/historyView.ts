// Server-only: what the History page, the time-travel pages and /api/history read: the recorded history of the
// cluster being watched, and past versions rebuilt from it as snapshots.
import 'server-only';
import type { Snapshot } from '@/lib/model';
import { snapshotFromStoredObjects } from '@/lib/sources/storedObject';
import type { HistoryStore } from '@/lib/store/historyStore';
import { loadClusterSnapshot } from '../clusterStore';
import { configuredSource } from '../sourceConfig';
import { currentRecorder, historyStatus, historyStore } from './historyService';

/** The history of the live cluster, or why there is none. */
export type HistoryTarget =
  | { readonly ok: true; readonly store: HistoryStore; readonly clusterId: number; readonly context: string; readonly server: string }
  | { readonly ok: false; readonly reason: 'not-a-cluster' | 'store-failed' | 'cluster-failed' | 'no-history'; readonly message: string };

/**
 * How long a reader waits, once the store is open, for the live version to be recorded before showing what is there
 * (a commit takes milliseconds; the baseline of a large cluster, or a backlog, longer).
 */
const RECORDED_WAIT_MS = 10_000;

export async function historyTarget(): Promise<HistoryTarget> {
  if (configuredSource().kind !== 'cluster') {
    return { ok: false, reason: 'not-a-cluster', message: 'History is recorded for a live cluster: start Perimeter with PERIMETER_SOURCE=cluster (README "History").' };
  }
  const live = await loadClusterSnapshot();
  if (!live.ok) return { ok: false, reason: 'cluster-failed', message: `The cluster cannot be read: ${live.failure.cause}` };
  const source = live.snapshot.source;
  if (source.kind !== 'cluster') return { ok: false, reason: 'not-a-cluster', message: 'History is recorded for a live cluster only.' };
  let store: HistoryStore;
  try {
    store = await historyStore();
  } catch (e) {
    const s = historyStatus().store;
    return { ok: false, reason: 'store-failed', message: `The history store (${s.where}) cannot be opened: ${e instanceof Error ? e.message : String(e)}` };
  }
  // The store commits a version after the source made it: read the history once it holds the version shown beside it.
  const recorder = currentRecorder();
  if (recorder?.records(source.context, source.server)) await recorder.whenRecorded(live.snapshot.version, RECORDED_WAIT_MS);
  const clusters = await store.clusters();
  const c = clusters.find((x) => x.context === source.context && x.server === source.server);
  if (!c) return { ok: false, reason: 'no-history', message: `Nothing is recorded for ${source.context} yet: the first version is written a moment after the cluster is read.` };
  return { ok: true, store, clusterId: c.id, context: c.context, server: c.server };
}

// Past versions rebuilt for time travel, a few kept (each is a whole snapshot; the live one is never here).
const CACHE = Symbol.for('perimeter.history.pastSnapshots');
type G = typeof globalThis & { [CACHE]?: Map<string, Snapshot> };

/** A past version as a Snapshot: the nearest checkpoint plus the deltas after it, converted as the live source does. */
export async function pastSnapshot(t: Extract<HistoryTarget, { ok: true }>, version: number): Promise<Snapshot | undefined> {
  const g = globalThis as G;
  const cache = (g[CACHE] ??= new Map());
  const key = `${t.clusterId}:${version}`;
  const known = cache.get(key);
  if (known) return known;
  const meta = await t.store.versionMeta(t.clusterId, version);
  if (!meta) return undefined;
  const state = await t.store.stateAt(t.clusterId, version);
  const s = snapshotFromStoredObjects(state.values(), { source: { kind: 'cluster', context: t.context, server: t.server }, version, readAt: meta.at, unreadable: meta.unreadable });
  cache.set(key, s);
  if (cache.size > 4) cache.delete(cache.keys().next().value!);
  return s;
}

/** `?at=` as a version: a number is a version, anything else a time (the version current then). */
export async function resolveAt(t: Extract<HistoryTarget, { ok: true }>, at: string): Promise<number | undefined> {
  const v = at.replace(/^v/i, '');
  if (/^\d+$/.test(v)) return Number(v);
  const time = Date.parse(at);
  if (Number.isNaN(time)) return undefined;
  return t.store.versionAt(t.clusterId, new Date(time).toISOString());
}

/**
 * The audit report's "changes in the period" for a live cluster's snapshot: versions from `from` (default 30 days
 * ago) to `to`, or undefined when the snapshot is not the watched cluster's or nothing is recorded.
 */
export async function reportChanges(snapshot: Snapshot, from?: string | null, to?: string | null): Promise<{ from: string; to?: string; versions: Awaited<ReturnType<HistoryStore['changeSets']>> } | undefined> {
  if (snapshot.source.kind !== 'cluster') return undefined;
  const t = await historyTarget();
  if (!t.ok) return undefined;
  const since = from && !Number.isNaN(Date.parse(from)) ? new Date(Date.parse(from)).toISOString() : new Date(Date.now() - 30 * 86_400_000).toISOString();
  const until = to && !Number.isNaN(Date.parse(to)) ? new Date(Date.parse(to)).toISOString() : undefined;
  const versions = await t.store.changeSets(t.clusterId, { from: since, ...(until ? { to: until } : {}) }, 10_000);
  return { from: since, ...(until ? { to: until } : {}), versions };
}
