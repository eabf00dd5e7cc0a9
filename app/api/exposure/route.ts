import { currentSnapshot } from '@/server/currentSnapshot';
import { entryPointsOf, exposureOf } from '@/server/analyses';
import { exposureExportRows, parseExposureExport } from '@/viewmodels/exposure/exposureExport';
import { entryFilterQuery } from '@/viewmodels/exposure/entryRows';

/**
 * GET /api/exposure?list=entries|paths|reachable|future&format=json|csv[&verdict=&kind=][&entry=ID][&workload=W]:
 * every row of one list of the Exposure page (which shows the first ones), as a download. JSON carries the source
 * and read time beside the rows, so an exported file says what it is evidence of.
 */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const asked = parseExposureExport(new URL(request.url).searchParams);
  if ('error' in asked) return Response.json({ error: asked.error }, { status: 400 });
  const s = result.snapshot;
  const out = exposureExportRows(s, entryPointsOf(s), exposureOf(s), asked);
  if ('error' in out) return Response.json({ error: out.error }, { status: 404 });
  const name = `perimeter-exposure-${asked.list}-${s.readAt.replace(/[:.]/g, '-')}.${asked.format}`;
  const disposition = { 'content-disposition': `attachment; filename="${name}"` };
  if (asked.format === 'csv') return new Response(out.csv(), { headers: { 'content-type': 'text/csv; charset=utf-8', ...disposition } });
  const filter = entryFilterQuery(asked.filter);
  return Response.json(
    { source: s.source, readAt: s.readAt, version: s.version, list: asked.list, filter, ...(asked.entry ? { entry: asked.entry } : {}), ...(asked.workload ? { workload: asked.workload } : {}), count: out.count, rows: out.rows },
    { headers: disposition },
  );
}
