import { buildMatrixView, networkPolicyNames, parseMatrixParams } from '@/viewmodels/access/matrixModel';
import { EVIDENCE_HEAD, evidenceRecords, matrixHead, matrixRecords } from '@/viewmodels/access/matrixExport';
import { csvField } from '@/viewmodels/findings/findingsExport';
import { currentSnapshot } from '@/server/currentSnapshot';
import { analysesForRequest } from '@/server/analyses';
import { textStream } from '@/server/textStream';

/**
 * GET /api/access/matrix?<matrix params>[&format=json][&layout=matrix]: the permissions matrix, streamed as CSV. By
 * default the evidence, one line per allowed cell and grant path (binding, role, rule, the group it is bound to);
 * `layout=matrix` the matrix as shown (one line per subject, one column per verb or namespace); or JSON.
 */
export async function GET(request: Request): Promise<Response> {
  const result = await currentSnapshot();
  if (!result.ok) return Response.json({ error: result.failure }, { status: 503 });
  const url = new URL(request.url);
  const analyses = await analysesForRequest(result.snapshot, request);
  if (analyses instanceof Response) return analyses;
  const index = analyses.rbac;
  const params = parseMatrixParams(url.searchParams, [...index.namespaces].sort()[0] ?? '');
  const inputs = { findings: analyses.findings, objectNames: networkPolicyNames(result.snapshot.networkPolicies) };
  const view = buildMatrixView(index, inputs, params);
  if (url.searchParams.get('format') === 'json') return Response.json({ params, ...view });

  const grid = url.searchParams.get('layout') === 'matrix';
  const scope = params.mode === 'verbs' ? `namespace ${params.namespace || '(cluster scope)'}` : params.mode === 'editors' ? `editors${params.indirect ? ' (direct and indirect)' : ' (direct)'}` : `verb ${params.verb}`;
  const head = (grid ? matrixHead(view) : [...EVIDENCE_HEAD]).map(csvField).join(',');
  const records = grid ? matrixRecords(view) : evidenceRecords(index, inputs, params, view);
  const first = `${csvField(`# ${view.resource.resource} ${scope}; source ${result.snapshot.source.kind}, read ${result.snapshot.readAt}`)}\r\n${head}\r\n`;
  // Streamed in chunks (server/textStream) so 10,000 subjects never become one large string.
  function* lines() {
    yield first;
    for (const r of records) yield `${r.map(csvField).join(',')}\r\n`;
  }
  const name = `access-${params.mode === 'verbs' ? params.namespace || 'cluster' : params.mode === 'editors' ? 'editors' : params.verb}-${view.resource.resource}${grid ? '-matrix' : ''}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(textStream(lines()), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` } });
}
