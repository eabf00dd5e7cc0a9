import { countSnapshot } from '@/lib/model';
import { currentSnapshot } from '@/server/currentSnapshot';

/** GET /api/snapshot: where the data comes from, when it was read, counts and warnings. Never credentials. */
export async function GET(): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const s = result.snapshot;
  return Response.json({
    source: s.source,
    version: s.version,
    readAt: s.readAt,
    counts: countSnapshot(s),
    warnings: s.warnings,
    unreadable: s.unreadable,
    // This browser's upload, when the server had to drop it (memory cap): why, and when.
    ...(result.evicted ? { uploadEvicted: { fileNames: result.evicted.fileNames, evictedAt: new Date(result.evicted.evictedAt).toISOString(), reason: result.evicted.reason } } : {}),
  });
}
