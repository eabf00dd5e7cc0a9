import { auditHtml, auditJson, auditMd } from '@/lib/report/auditFormats';
import { buildAuditReport } from '@/lib/report/auditReport';
import { currentSnapshot } from '@/server/currentSnapshot';
import { analysesForRequest } from '@/server/analyses';
import pkg from '@/package.json';
import { reportChanges } from '@/server/history/historyView';

const TYPES = { html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8', json: 'application/json; charset=utf-8' } as const;
type Format = keyof typeof TYPES;

/**
 * GET /api/report?format=html|md|json[&download=1][&from=&to=]: the audit report of this browser's snapshot (lib/report), with
 * PERIMETER_CONFIG's groups, duties and allow-list (server/dashboardConfig; empty when unset, as the CLI without --config).
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const format = (url.searchParams.get('format') ?? 'html') as Format;
  if (!(format in TYPES)) return Response.json({ error: `format must be one of ${Object.keys(TYPES).join(', ')}` }, { status: 400 });
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  // A live cluster's report gains "changes in the period" (?from=&to=, default the last 30 days) from its history.
  const changes = result.upload ? undefined : await reportChanges(result.snapshot, url.searchParams.get('from'), url.searchParams.get('to'));
  const analyses = await analysesForRequest(result.snapshot, request);
  if (analyses instanceof Response) return analyses;
  const report = buildAuditReport(analyses, { generatedAt: new Date().toISOString(), tool: { name: 'Perimeter', version: pkg.version }, ...(changes ? { changes } : {}) });
  const text = format === 'json' ? auditJson(report) : format === 'md' ? auditMd(report) : auditHtml(report);
  const stamp = result.snapshot.readAt.replace(/[:.]/g, '-');
  const headers: Record<string, string> = { 'content-type': TYPES[format] };
  if (url.searchParams.get('download') === '1') headers['content-disposition'] = `attachment; filename="perimeter-report-${stamp}.${format}"`;
  return new Response(text, { headers });
}
