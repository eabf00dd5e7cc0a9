import { isolationByNamespace } from '@/viewmodels/overview/isolation';
import { namespaceRows } from '@/viewmodels/overview/overviewModel';
import { namespaceRowsCsv } from '@/viewmodels/overview/namespaceExport';
import { compiledSnapshot } from '@/server/analyses';
import { currentSnapshot } from '@/server/currentSnapshot';

/** GET /api/namespaces[?format=json]: every namespace of the Overview's isolation table, as CSV (the page shows the first ones). */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const s = result.snapshot;
  const isolation = new Map(isolationByNamespace(compiledSnapshot(s)).map((r) => [r.namespace, r]));
  const rows = namespaceRows(s);
  const stamp = s.readAt.replace(/[:.]/g, '-');
  if (new URL(request.url).searchParams.get('format') === 'json') return Response.json({ source: s.source, readAt: s.readAt, count: rows.length, namespaces: rows.map((r) => ({ ...r, isolation: isolation.get(r.name) ?? null })) });
  return new Response(namespaceRowsCsv(rows, isolation), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="perimeter-namespaces-${stamp}.csv"` } });
}
