import { parseGraphView, readingOf } from '@/viewmodels/graph/graphView';
import { graphModelOf } from '@/server/graphAnalyses';
import { currentSnapshot } from '@/server/currentSnapshot';

/**
 * GET /api/graph[?hostNetwork=host][&live=only]: the connectivity graph's model (nodes with behaviour groups, sparse
 * group connections) under that reading of hostNetwork and of pods that are not running.
 */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const view = parseGraphView(new URL(request.url).searchParams);
  return Response.json({ version: result.snapshot.version, readAt: result.snapshot.readAt, model: graphModelOf(result.snapshot, readingOf(view)) });
}
