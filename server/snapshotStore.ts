// Server-only: reads the filesystem and, through server/clusterStore, cluster credentials. Never import this from a 'use client' module.
import 'server-only';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { connection } from 'next/server';
import { loadDemoSnapshot, loadManifestFiles } from '@/lib/sources';
import type { Snapshot } from '@/lib/model';
import { loadClusterSnapshot, type ClusterLoad } from './clusterStore';
import { configuredSource, type SourceConfig } from './sourceConfig';

/** Why the configured source could not produce a snapshot. Rendered by the pages, never swallowed into demo data. */
export interface SourceFailure {
  /** `config-failed`: PERIMETER_CONFIG names a file that cannot be read or parsed (server/dashboardConfig). */
  readonly reason: 'cluster-unavailable' | 'path-not-found' | 'load-failed' | 'config-failed';
  /** What went wrong, naming the source. */
  readonly message: string;
  /** What the user can do about it. */
  readonly hint: string;
}

/** A loaded snapshot with the configuration that produced it, or the failure. */
export type SnapshotResult =
  | { readonly ok: true; readonly snapshot: Snapshot; readonly config: SourceConfig }
  | { readonly ok: false; readonly failure: SourceFailure; readonly config: SourceConfig };

/** Thrown by `getSnapshot()` when the source fails; carries the failure for route handlers. */
export class SourceError extends Error {
  constructor(readonly failure: SourceFailure) {
    super(failure.message);
    this.name = 'SourceError';
  }
}

/** The loaders a store reads with (the real ones from lib/sources by default). */
export interface SnapshotLoaders {
  readonly demo: () => Promise<Snapshot>;
  readonly files: (paths: readonly string[]) => Promise<Snapshot>;
  /** The live cluster's latest snapshot version (server/clusterStore keeps the watches). */
  readonly cluster: () => Promise<ClusterLoad>;
}

const HOW_TO_CHOOSE =
  'Set PERIMETER_SOURCE=demo for the built-in demo cluster, or PERIMETER_SOURCE=<file or folder>[,<more>] for manifests, then restart.';

async function missingPaths(paths: readonly string[], cwd: string): Promise<string[]> {
  const missing: string[] = [];
  for (const p of paths) {
    try {
      await access(path.resolve(cwd, p));
    } catch {
      missing.push(p);
    }
  }
  return missing;
}

/** Reads one snapshot for `config`. Never falls back to another source: a wrong source shown as right is worse than none. */
export async function readSnapshot(config: SourceConfig, loaders: SnapshotLoaders, cwd = process.cwd()): Promise<SnapshotResult> {
  switch (config.kind) {
    case 'demo':
      return { ok: true, snapshot: await loaders.demo(), config };
    case 'cluster': {
      const r = await loaders.cluster();
      if (r.ok) return { ok: true, snapshot: r.snapshot, config };
      const { context, server, cause } = r.failure;
      return {
        ok: false,
        config,
        failure: {
          reason: 'cluster-unavailable',
          message: `Cannot read the cluster of kubeconfig context "${context}" at ${server}: ${cause}`,
          hint: `${config.detected ? `PERIMETER_SOURCE is not set, so the kubeconfig found (${config.detected}) was used. ` : ''}Check that the API server is reachable and the credentials are valid (kubectl --context ${context} get namespaces), pick another context with PERIMETER_CONTEXT, or retry. To look at the built-in demo cluster instead, start with PERIMETER_SOURCE=demo.`,
        },
      };
    }
    case 'files': {
      if (config.paths.length === 0) {
        return { ok: false, config, failure: { reason: 'path-not-found', message: 'PERIMETER_SOURCE names no path.', hint: HOW_TO_CHOOSE } };
      }
      const missing = await missingPaths(config.paths, cwd);
      if (missing.length > 0) {
        const list = missing.map((p) => `${p} (resolved to ${path.resolve(cwd, p)})`).join(', ');
        return {
          ok: false,
          config,
          failure: {
            reason: 'path-not-found',
            message: `PERIMETER_SOURCE names ${missing.length === 1 ? 'a path that does' : 'paths that do'} not exist: ${list}.`,
            hint: `Relative paths are resolved from the directory the server was started in (${cwd}). ${HOW_TO_CHOOSE}`,
          },
        };
      }
      try {
        return { ok: true, snapshot: await loaders.files(config.paths), config };
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        return {
          ok: false,
          config,
          failure: { reason: 'load-failed', message: `Could not read ${config.paths.join(', ')}: ${detail}`, hint: HOW_TO_CHOOSE },
        };
      }
    }
  }
}

/** A per-process cache around `readSnapshot`: the first caller reads, everyone after shares the same promise. */
export function createSnapshotStore(readConfig: () => SourceConfig, loaders: SnapshotLoaders): { load(): Promise<SnapshotResult> } {
  let pending: Promise<SnapshotResult> | undefined;
  let configured: SourceConfig | undefined;
  return {
    load() {
      const config = (configured ??= readConfig());
      // The live cluster keeps its own state (watches, versions, retries): ask it every time.
      if (config.kind === 'cluster') return readSnapshot(config, loaders);
      pending ??= readSnapshot(config, loaders).catch(
        (e: unknown): SnapshotResult => ({
          ok: false,
          config,
          failure: { reason: 'load-failed', message: e instanceof Error ? e.message : String(e), hint: HOW_TO_CHOOSE },
        }),
      );
      return pending;
    },
  };
}

// Next bundles each route separately, so a module-level variable would be one cache per route; globalThis is one per process.
const STORE_KEY = Symbol.for('perimeter.snapshotStore');
type GlobalWithStore = typeof globalThis & { [STORE_KEY]?: ReturnType<typeof createSnapshotStore> };

function processStore(): ReturnType<typeof createSnapshotStore> {
  const g = globalThis as GlobalWithStore;
  g[STORE_KEY] ??= createSnapshotStore(() => configuredSource(), { demo: loadDemoSnapshot, files: loadManifestFiles, cluster: loadClusterSnapshot });
  return g[STORE_KEY];
}

/** The snapshot of the configured source, or why there is none. Marks the render as per-request (the source is runtime config). */
export async function loadSnapshot(): Promise<SnapshotResult> {
  await connection();
  return processStore().load();
}

/** The snapshot of the configured source; throws `SourceError` when the source fails. */
export async function getSnapshot(): Promise<Snapshot> {
  const result = await loadSnapshot();
  if (!result.ok) throw new SourceError(result.failure);
  return result.snapshot;
}
