import { explain } from '@/lib/netpol/explain';
import { explainFieldsOf, parseExplainRequest } from '@/lib/request';
import { compiledSnapshot } from '@/server/analyses';
import { currentSnapshot } from '@/server/currentSnapshot';

/** GET /api/explain?from=&to=[&port=&protocol=&hostNetwork=host]: lib/netpol's explanation of one connection, as JSON. */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const { request: q, problems } = parseExplainRequest(explainFieldsOf(new URL(request.url).searchParams));
  if (!q.from || !q.to) return Response.json({ error: { message: 'from and to are required' } }, { status: 400 });
  if (problems.length > 0) return Response.json({ error: { message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') } }, { status: 400 });
  const answer = explain(compiledSnapshot(result.snapshot, q.hostNetwork), q);
  return answer.ok ? Response.json(answer.explanation) : Response.json({ error: { message: answer.message } }, { status: 404 });
}
