import { graphEdgeChanges } from '@/viewmodels/whatif/whatIfGraph';
import { whatIf } from '@/lib/diff/whatIf';
import { refuseApiRequest } from '@/server/authGate';
import { currentSnapshot } from '@/server/currentSnapshot';
import { analysesOf } from '@/server/analyses';
import { readJsonBody } from '@/server/uploadBody';

/**
 * POST /api/what-if {files: [{name, text}], deletions: "Kind/ns/name\n…"}: what the proposed manifests and deletions
 * would change against this browser's snapshot. Computed in memory on a copy; nothing is stored or sent to a cluster.
 * The body is held to the upload limit while it is read; proxy.ts does not run here (it would buffer it), the same
 * checks do.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseApiRequest(request);
  if (refused) return refused;
  const read = await readJsonBody(request);
  if (!read.ok) return Response.json({ error: read.status === 400 ? 'expected JSON {"files": [{"name", "text"}], "deletions": "..."}' : read.error }, { status: read.status });
  const { files, deletions } = (read.value ?? {}) as { files?: unknown; deletions?: unknown };
  const okFiles = Array.isArray(files) && files.every((f) => typeof f?.name === 'string' && typeof f?.text === 'string');
  if (!okFiles || (deletions !== undefined && typeof deletions !== 'string')) return Response.json({ error: 'files must be [{name, text}] strings and deletions a string' }, { status: 400 });
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const r = whatIf(analysesOf(result.snapshot), { files: files as { name: string; text: string }[], deletions: (deletions as string | undefined) ?? '' });
  return Response.json({ ...r, graph: graphEdgeChanges(r.diff.connections), readAt: result.snapshot.readAt });
}
