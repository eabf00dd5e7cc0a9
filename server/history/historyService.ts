// Server-only: the process's history: one store (PGlite in PERIMETER_DATA_DIR, or PostgreSQL at DATABASE_URL), one
// recorder per live cluster source, the alert deliverer and the retention job. On globalThis (Next bundles each
// route with its own module copies).
import 'server-only';
import { DEFAULT_HISTORY_CONFIG } from '@/lib/config/historyConfig';
import type { PerimeterConfig } from '@/lib/config';
import type { ClusterSource } from '@/lib/sources/cluster';
import type { HistoryStore } from '@/lib/store/historyStore';
import { openHistoryStore, storeLocation, type StoreLocation } from '@/lib/store/openStore';
import { redactUrl } from '@/lib/store/db';
import { dashboardConfig } from '../dashboardConfig';
import { AlertDeliverer } from './alertDelivery';
import { Recorder, type RecorderStatus } from './recorder';

/** The store as the banner shows it. */
export type StoreStatus =
  | { readonly state: 'closed'; readonly where: string }
  | { readonly state: 'open'; readonly where: string }
  | { readonly state: 'failed'; readonly where: string; readonly cause: string; readonly since: string };

interface Service {
  readonly location: StoreLocation;
  opening?: Promise<HistoryStore>;
  store?: HistoryStore;
  status: StoreStatus;
  recorder?: Recorder;
  deliverer?: AlertDeliverer;
  retention?: ReturnType<typeof setInterval>;
  firstRetention?: ReturnType<typeof setTimeout>;
}

const KEY = Symbol.for('perimeter.history');
type G = typeof globalThis & { [KEY]?: Service };

const log = (line: string) => console.error(line);
const describe = (l: StoreLocation) => (l.kind === 'postgres' ? `PostgreSQL ${redactUrl(l.url)}` : `PGlite ${l.dir}`);

function service(): Service {
  const g = globalThis as G;
  if (!g[KEY]) {
    const location = storeLocation();
    g[KEY] = { location, status: { state: 'closed', where: describe(location) } };
  }
  return g[KEY];
}

/** The config history uses: PERIMETER_CONFIG's, or none while it cannot be applied. */
export function historyConfig(): PerimeterConfig | undefined {
  const c = dashboardConfig();
  return c.kind === 'failed' ? undefined : c.config;
}

const errorText = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const m = e instanceof Error ? e.message : String(e);
  return code && !m.includes(code) ? `${code}: ${m}` : m;
};

/** The open store (opened on first use; after a failure the next call tries again). */
export async function historyStore(): Promise<HistoryStore> {
  const s = service();
  if (s.store) return s.store;
  s.opening ??= openHistoryStore(s.location).then(
    (store) => {
      s.store = store;
      s.opening = undefined;
      s.status = { state: 'open', where: describe(s.location) };
      startJobs(s);
      return store;
    },
    (e: unknown) => {
      s.opening = undefined;
      storeFailed(e);
      throw e;
    },
  );
  return s.opening;
}

/** Notes a failure of the store; an embedded store is closed so the next use opens it again. */
export function storeFailed(e: unknown): void {
  const s = service();
  const since = s.status.state === 'failed' ? s.status.since : new Date().toISOString();
  s.status = { state: 'failed', where: describe(s.location), cause: errorText(e), since };
  if (s.location.kind === 'pglite' && s.store) {
    const old = s.store;
    s.store = undefined;
    void old.close().catch(() => {});
  }
}

/** Where the store is and whether it works; the recorder's state when a cluster is recorded. */
export function historyStatus(): { store: StoreStatus; recorder?: RecorderStatus } {
  const s = service();
  const recorder = s.recorder?.status();
  // A recorder that recorded since the failure proves the store is back.
  if (s.status.state === 'failed' && recorder?.state === 'recording' && s.store) s.status = { state: 'open', where: describe(s.location) };
  return { store: s.status, ...(recorder ? { recorder } : {}) };
}

/** The recorder of the cluster being watched, if any. */
export function currentRecorder(): Recorder | undefined {
  return service().recorder;
}

/**
 * Records a (new) live cluster source. Attached before `start()` so its first version, which carries every object,
 * is seen; a previous source's recorder (another context) stops.
 */
export function recordClusterSource(source: ClusterSource): void {
  if (process.env.PERIMETER_HISTORY === 'off') return;
  const s = service();
  s.recorder?.stop();
  const recorder = new Recorder({
    store: historyStore,
    context: source.context,
    server: source.server,
    config: historyConfig,
    onAlerts: () => s.deliverer?.kick(),
    onFailure: storeFailed,
    attributionWaitMs: auditWaitMs(),
    log,
  });
  s.recorder = recorder;
  source.onVersion((r) => recorder.enqueue(r));
}

/**
 * With an audit webhook configured, effects and alerts of a version wait this long for its audit events
 * (PERIMETER_AUDIT_WAIT_MS, default 3 s; set kube-apiserver's --audit-webhook-batch-max-wait below it).
 */
function auditWaitMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  if (!env.PERIMETER_AUDIT_TOKEN?.trim() && !env.PERIMETER_AUDIT_TLS_PORT?.trim()) return 0;
  const n = Number(env.PERIMETER_AUDIT_WAIT_MS);
  return Number.isFinite(n) && n >= 0 && env.PERIMETER_AUDIT_WAIT_MS?.trim() ? n : 3_000;
}

function startJobs(s: Service): void {
  if (!s.deliverer) {
    s.deliverer = new AlertDeliverer({ store: historyStore, config: () => historyConfig()?.alerts, log });
    s.deliverer.start();
  }
  if (!s.retention) {
    const run = async () => {
      const config = historyConfig()?.history ?? DEFAULT_HISTORY_CONFIG;
      try {
        const store = await historyStore();
        for (const c of await store.clusters()) {
          const dropped = await store.enforceRetention(c.id, config.retention);
          if (dropped > 0) log(`history: retention dropped ${dropped} versions of ${c.context}`);
        }
      } catch (e) {
        log(`history: retention skipped: ${errorText(e)}`);
      }
    };
    const every = historyConfig()?.history?.retentionIntervalMs ?? DEFAULT_HISTORY_CONFIG.retentionIntervalMs;
    s.retention = setInterval(() => void run(), every);
    s.retention.unref?.();
    s.firstRetention = setTimeout(() => void run(), 10_000);
    s.firstRetention.unref?.();
  }
}

/** Stops recording, delivery and retention and closes the store (tests; a server just exits). */
export async function stopHistory(): Promise<void> {
  const s = service();
  s.recorder?.stop();
  s.deliverer?.stop();
  clearInterval(s.retention);
  clearTimeout(s.firstRetention);
  const store = s.store ?? (await s.opening?.catch(() => undefined));
  (globalThis as G)[KEY] = undefined;
  await store?.close();
}
