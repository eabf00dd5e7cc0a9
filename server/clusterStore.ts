// Server-only: the process's live cluster source. One ClusterSource per process (one watch per kind, shared by all
// requests); every page reads its latest snapshot version, and /api/events tells browsers about new versions.
import 'server-only';
import { ClusterUnavailableError, createClusterSource, describeContexts, loadKubeConfig, type ClusterChange, type ClusterSource, type ClusterStatus, type KubeContexts } from '@/lib/sources/cluster';
import type { Snapshot } from '@/lib/model';
import { recordClusterSource } from './history/historyService';

/** The environment variable that picks a kubeconfig context (default: the kubeconfig's current context). */
export const CONTEXT_ENV = 'PERIMETER_CONTEXT';

/** Why the cluster could not be read, for the error page: which context, which server, what happened. */
export interface ClusterFailure {
  readonly context: string;
  readonly server: string;
  readonly cause: string;
}

export type ClusterLoad = { readonly ok: true; readonly snapshot: Snapshot } | { readonly ok: false; readonly failure: ClusterFailure };

/** After a failure, how long before the next request tries again: a Retry click (a reload) normally comes later. */
const RETRY_AFTER_MS = 2_000;

interface State {
  context: string | undefined;
  source?: ClusterSource;
  starting?: Promise<ClusterLoad>;
  failedAt?: number;
  readonly listeners: Set<(c: ClusterChange) => void>;
}

// Next bundles each route separately; globalThis makes this one per process (as the snapshot store does).
const KEY = Symbol.for('perimeter.clusterStore');
type GlobalWithCluster = typeof globalThis & { [KEY]?: State };

function state(): State {
  const g = globalThis as GlobalWithCluster;
  g[KEY] ??= { context: process.env[CONTEXT_ENV]?.trim() || undefined, listeners: new Set() };
  return g[KEY];
}

function failureOf(e: unknown, context: string | undefined): ClusterFailure {
  if (e instanceof ClusterUnavailableError) return { context: e.context, server: e.server, cause: e.reason };
  // Before any request: kubeconfig missing, unknown context, a cluster entry without server…
  return { context: context ?? '(current context)', server: '(unknown)', cause: e instanceof Error ? e.message : String(e) };
}

function start(s: State): Promise<ClusterLoad> {
  s.starting = (async (): Promise<ClusterLoad> => {
    let source: ClusterSource | undefined;
    try {
      source = createClusterSource(s.context);
      // History (issue 13): attached before start(), so the first version with every object is recorded too.
      recordClusterSource(source);
      source.subscribe((c) => {
        for (const l of s.listeners) l(c);
      });
      const snapshot = await source.start();
      s.source = source;
      s.failedAt = undefined;
      return { ok: true, snapshot };
    } catch (e) {
      source?.stop();
      s.failedAt = Date.now();
      return { ok: false, failure: failureOf(e, s.context) };
    }
  })();
  return s.starting;
}

/**
 * The latest snapshot of the live cluster. The first call lists every kind (later calls get the current version at
 * once); a failure is remembered for a few seconds, then the next call retries — `retry` retries now.
 */
export async function loadClusterSnapshot(opts: { retry?: boolean } = {}): Promise<ClusterLoad> {
  const s = state();
  const live = s.source?.snapshot();
  if (s.source && live) return { ok: true, snapshot: live };
  if (s.starting) {
    const r = await s.starting;
    const again = !r.ok && (opts.retry || Date.now() - (s.failedAt ?? 0) > RETRY_AFTER_MS);
    if (!again) return r.ok ? { ok: true, snapshot: s.source?.snapshot() ?? r.snapshot } : r;
  }
  return start(s);
}

/** The source's status (connecting before the first list), or undefined when the cluster source is not in use. */
export function clusterStatus(): ClusterStatus | undefined {
  const s = state();
  if (s.source) return s.source.status();
  return s.starting ? { state: 'connecting' } : undefined;
}

/** Subscribes to new versions and status changes of whichever source is current (also after a context switch). */
export function subscribeCluster(listener: (c: ClusterChange) => void): () => void {
  const s = state();
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}

/** The kubeconfig's contexts (no credentials) with the one in use marked current. */
export function clusterContexts(): KubeContexts & { readonly selected: string } {
  const s = state();
  const kc = loadKubeConfig();
  const all = describeContexts(kc);
  return { ...all, selected: s.source?.context ?? s.context ?? all.current };
}

/** Switches to another kubeconfig context: stops the current watches and reads the new context. */
export async function selectClusterContext(context: string): Promise<ClusterLoad> {
  const s = state();
  const names = describeContexts(loadKubeConfig()).contexts.map((c) => c.name);
  if (!names.includes(context)) return { ok: false, failure: { context, server: '(unknown)', cause: `kubeconfig has no context "${context}"` } };
  s.source?.stop();
  s.source = undefined;
  s.context = context;
  const r = await start(s);
  for (const l of s.listeners) l({ type: 'snapshot', version: r.ok ? r.snapshot.version : 0 });
  return r;
}
