import { buildMatrixView, networkPolicyNames, parseMatrixParams } from '@/viewmodels/access/matrixModel';
import { EVIDENCE_HEAD, evidenceRecords, matrixHead, matrixRecords } from '@/viewmodels/access/matrixExport';
import { csvField } from '@/viewmodels/findings/findingsExport';
import { currentSnapshot } from '@/server/currentSnapshot';
import { analysesForRequest } from '@/server/analyses';

const CHUNK = 500;

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
  const encoder = new TextEncoder();
  // Streamed in chunks so 10,000 subjects never become one large string.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${csvField(`# ${view.resource.resource} ${scope}; source ${result.snapshot.source.kind}, read ${result.snapshot.readAt}`)}\r\n${head}\r\n`));
    },
    pull(controller) {
      const lines: string[] = [];
      for (let next = records.next(); !next.done; next = records.next()) {
        lines.push(next.value.map(csvField).join(','));
        if (lines.length === CHUNK) break;
      }
      if (lines.length === 0) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(`${lines.join('\r\n')}\r\n`));
    },
  });
  const name = `access-${params.mode === 'verbs' ? params.namespace || 'cluster' : params.mode === 'editors' ? 'editors' : params.verb}-${view.resource.resource}${grid ? '-matrix' : ''}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(stream, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` } });
}
