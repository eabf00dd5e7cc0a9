import { parseHostNetwork } from '@/viewmodels/graph/graphView';
import { graphModelOf } from '@/server/graphAnalyses';
import { currentSnapshot } from '@/server/currentSnapshot';

/** GET /api/graph[?hostNetwork=host]: the connectivity graph's model (nodes with behaviour groups, sparse group connections). */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  return Response.json({ version: result.snapshot.version, readAt: result.snapshot.readAt, model: graphModelOf(result.snapshot, parseHostNetwork(new URL(request.url).searchParams.get('hostNetwork') ?? undefined)) });
}
