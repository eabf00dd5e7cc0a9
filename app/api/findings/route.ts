import { findingsCsv, findingsMarkdown, type FindingsFormat } from '@/viewmodels/findings/findingsExport';
import { filterFindings, findingsQuery, parseFindingsFilter } from '@/viewmodels/findings/findingsFilter';
import { currentSnapshot, sourceLabelOf } from '@/server/currentSnapshot';
import { dashboardConfig, describeDashboardConfig } from '@/server/dashboardConfig';
import { analysesForRequest } from '@/server/analyses';

const FORMATS: readonly FindingsFormat[] = ['json', 'csv', 'md'];

/**
 * GET /api/findings?format=json|csv|md&sev=&rule=&ns=&q=: the findings as the page filters them, as a download.
 * JSON carries the source, read time and config beside the findings, so an exported file says what it is evidence of;
 * each finding carries `suppressed` ({reason, where}) and `defaultSeverity` as `perimeter check --format json` does.
 */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const url = new URL(request.url);
  const format = (url.searchParams.get('format') ?? 'json') as FindingsFormat;
  if (!FORMATS.includes(format)) return Response.json({ error: `format must be one of ${FORMATS.join(', ')}` }, { status: 400 });
  const filter = parseFindingsFilter(url.searchParams);
  const s = result.snapshot;
  const analyses = await analysesForRequest(s, request);
  if (analyses instanceof Response) return analyses;
  const findings = filterFindings(analyses.findings, filter);
  const applied = dashboardConfig();
  const config = applied.kind === 'loaded' ? { path: applied.path, resolved: applied.resolved } : null;
  const label = sourceLabelOf(result);
  const source = `${label.title} (${label.detail})`;
  const stamp = s.readAt.replace(/[:.]/g, '-');
  const disposition = (ext: string) => ({ 'content-disposition': `attachment; filename="perimeter-findings-${stamp}.${ext}"` });
  switch (format) {
    case 'json':
      return Response.json(
        { source: s.source, readAt: s.readAt, version: s.version, config, filter: findingsQuery(filter), count: findings.length, findings },
        { headers: disposition('json') },
      );
    case 'csv':
      return new Response(findingsCsv(findings), { headers: { 'content-type': 'text/csv; charset=utf-8', ...disposition('csv') } });
    case 'md':
      return new Response(findingsMarkdown(findings, { source, readAt: s.readAt, filter: findingsQuery(filter), config: applied.kind === 'loaded' ? applied.path : describeDashboardConfig(applied) }), {
        headers: { 'content-type': 'text/markdown; charset=utf-8', ...disposition('md') },
      });
  }
}
