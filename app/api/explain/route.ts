import { explain } from '@/lib/netpol/explain';
import { parseExplainQuery } from '@/viewmodels/explain/explainQuery';
import { compiledSnapshot } from '@/server/analyses';
import { currentSnapshot } from '@/server/currentSnapshot';

/** GET /api/explain?from=&to=[&port=&protocol=&hostNetwork=host]: lib/netpol's explanation of one connection, as JSON. */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const q = parseExplainQuery(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.from || !q.to) return Response.json({ error: { message: 'from and to are required' } }, { status: 400 });
  if (q.problems.length > 0) return Response.json({ error: { message: q.problems.join(' ') } }, { status: 400 });
  const answer = explain(compiledSnapshot(result.snapshot, q.hostNetwork), { from: q.from, to: q.to, port: q.port, protocol: q.port === undefined ? undefined : q.protocol });
  return answer.ok ? Response.json(answer.explanation) : Response.json({ error: { message: answer.message } }, { status: 404 });
}
