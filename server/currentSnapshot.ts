// Server-only: the snapshot a request should show — this browser's upload if it has one, else the configured source.
import 'server-only';
import { cookies } from 'next/headers';
import type { Snapshot } from '@/lib/model';
import { configFailure, dashboardConfig } from './dashboardConfig';
import { loadSnapshot, SourceError, type SnapshotResult } from './snapshotStore';
import { isSessionId, UPLOAD_COOKIE, uploadStore, type EvictedUpload } from './uploads';
import type { SourceConfig } from './sourceConfig';
import { sourceLabel, type SourceLabel } from '@/viewmodels/shell/sourceLabel';

/** What the banner needs to know about an upload being shown. */
export interface UploadInfo {
  readonly fileNames: readonly string[];
  readonly bytes: number;
  /** ISO 8601 time of the upload. */
  readonly uploadedAt: string;
}

/**
 * The snapshot for this browser. Like `SnapshotResult`; `upload` is set when the snapshot is this browser's uploaded
 * files (then `config` is still the configured source, the one "back to the configured source" returns to).
 */
export type CurrentSnapshotResult =
  | (SnapshotResult & { readonly upload?: undefined; readonly evicted?: EvictedUpload })
  | { readonly ok: true; readonly snapshot: Snapshot; readonly config: SourceConfig; readonly upload: UploadInfo; readonly evicted?: undefined };

/**
 * Reads the upload-session cookie and returns that upload, else the configured source (read per request). A
 * PERIMETER_CONFIG that cannot be applied fails the request like a source failure (server/dashboardConfig).
 */
export async function currentSnapshot(): Promise<CurrentSnapshotResult> {
  const configured = await loadSnapshot();
  const applied = dashboardConfig();
  if (applied.kind === 'failed') return { ok: false, failure: configFailure(applied), config: configured.config };
  const id = (await cookies()).get(UPLOAD_COOKIE)?.value;
  const entry = isSessionId(id) ? uploadStore().get(id) : undefined;
  if (!entry) {
    // An upload the server had to drop is said, not silently replaced by the configured source.
    const evicted = isSessionId(id) ? uploadStore().evicted(id) : undefined;
    return evicted ? { ...configured, evicted } : configured;
  }
  return {
    ok: true,
    snapshot: entry.snapshot,
    config: configured.config,
    upload: { fileNames: entry.fileNames, bytes: entry.bytes, uploadedAt: new Date(entry.uploadedAt).toISOString() },
  };
}

/** The snapshot for this browser; throws `SourceError` when there is no upload and the configured source fails. */
export async function getCurrentSnapshot(): Promise<Snapshot> {
  const result = await currentSnapshot();
  if (!result.ok) throw new SourceError(result.failure);
  return result.snapshot;
}

/**
 * How the banner and every export name the snapshot's source: the demo says whether PERIMETER_SOURCE chose it or it
 * was unset (and no kubeconfig was found), never claiming a setting that was not made.
 */
export function sourceLabelOf(result: { readonly snapshot: Snapshot; readonly config: SourceConfig }): SourceLabel {
  return sourceLabel(result.snapshot.source, result.config.kind !== 'demo' || result.config.explicit);
}
