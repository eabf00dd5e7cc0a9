import { MAX_UPLOAD_REQUEST_BYTES } from '@/viewmodels/upload/uploadFiles';
import { graphEdgeChanges } from '@/viewmodels/whatif/whatIfGraph';
import { whatIf } from '@/lib/diff/whatIf';
import { currentSnapshot } from '@/server/currentSnapshot';
import { analysesOf } from '@/server/analyses';

/**
 * POST /api/what-if {files: [{name, text}], deletions: "Kind/ns/name\n…"}: what the proposed manifests and deletions
 * would change against this browser's snapshot. Computed in memory on a copy; nothing is stored or sent to a cluster.
 */
export async function POST(request: Request): Promise<Response> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_UPLOAD_REQUEST_BYTES) return Response.json({ error: `request too large: ${length} bytes, the limit is ${MAX_UPLOAD_REQUEST_BYTES}` }, { status: 413 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'expected JSON {"files": [{"name", "text"}], "deletions": "..."}' }, { status: 400 });
  }
  const { files, deletions } = (body ?? {}) as { files?: unknown; deletions?: unknown };
  const okFiles = Array.isArray(files) && files.every((f) => typeof f?.name === 'string' && typeof f?.text === 'string');
  if (!okFiles || (deletions !== undefined && typeof deletions !== 'string')) return Response.json({ error: 'files must be [{name, text}] strings and deletions a string' }, { status: 400 });
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const r = whatIf(analysesOf(result.snapshot), { files: files as { name: string; text: string }[], deletions: (deletions as string | undefined) ?? '' });
  return Response.json({ ...r, graph: graphEdgeChanges(r.diff.connections), readAt: result.snapshot.readAt });
}
